# eval: vulnerable
import requests
from loguru import logger


def make_session(token, subscription_key):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    session.headers["Ocp-Apim-Subscription-Key"] = subscription_key
    # ruleid: KL401
    logger.debug("session ready: {}", session.headers)
    return session
