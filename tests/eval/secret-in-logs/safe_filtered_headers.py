# eval: safe
import logging

log = logging.getLogger(__name__)
SECRET_HEADERS = {"client_secret", "Ocp-Apim-Subscription-Key", "Authorization"}


def send(session, url, headers):
    loggable = {k: v for k, v in headers.items() if k not in SECRET_HEADERS}
    log.debug("POST %s headers=%s", url, loggable)
    return session.post(url, headers=headers)
