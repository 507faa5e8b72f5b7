# eval: vulnerable
import logging

import requests

logger = logging.getLogger(__name__)


class Vipps:
    def refresh(self):
        resp = requests.post(f"{API}/accesstoken/get", headers=self.key_headers())
        self.token = resp.json()["access_token"]

    def debug_dump(self):
        # ruleid: KL401
        logger.warning("current token: %s", self.token)
