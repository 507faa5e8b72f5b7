# eval: vulnerable
import logging

from .auth import get_token

log = logging.getLogger(__name__)


def sync():
    token = get_token()
    # ruleid: KL401
    log.info("syncing with token=%s", token)
