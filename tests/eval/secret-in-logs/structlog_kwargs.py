# eval: vulnerable
import structlog

log = structlog.get_logger()


class PartnerClient:
    def __init__(self, client_id, client_secret):
        self.client_id = client_id
        self.client_secret = client_secret

    def describe(self):
        # ruleid: KL401
        log.info("partner client", client_id=self.client_id, secret=self.client_secret)
