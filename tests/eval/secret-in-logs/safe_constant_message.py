# eval: safe
import logging

log = logging.getLogger(__name__)


def set_auth(session, token):
    session.headers["Authorization"] = f"Bearer {token}"
    log.debug("Authorization header set")
