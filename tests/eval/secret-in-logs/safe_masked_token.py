# eval: safe
import logging

logger = logging.getLogger(__name__)


def use(token):
    logger.debug("using token %s…", token[:6])
