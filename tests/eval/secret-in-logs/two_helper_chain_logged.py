# eval: vulnerable
import logging

log = logging.getLogger(__name__)


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def with_key(headers, key):
    return {**headers, "Ocp-Apim-Subscription-Key": key}


def build(token, key):
    return with_key(bearer(token), key)


def run(client):
    headers = build(client.access_token(), client.subscription_key)
    # ruleid: KL401
    log.debug("headers: %s", headers)
