# eval: safe
import logging

logger = logging.getLogger("payments")


def created(msn, reference, resp):
    logger.info("created payment %s for msn %s: HTTP %s", reference, msn, resp.status_code)
