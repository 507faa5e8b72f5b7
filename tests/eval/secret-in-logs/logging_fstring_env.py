# eval: vulnerable
import logging
import os

SUB_KEY = os.getenv("VIPPS_SUBSCRIPTION_KEY")


def startup():
    # ruleid: KL401
    logging.info(f"starting with subscription key {SUB_KEY}")
