# eval: vulnerable
import time
import warnings

import requests


class TokenCache:
    def __init__(self):
        self.token = None
        self.expires = 0

    def get(self):
        if time.time() > self.expires - 60:
            # ruleid: KL401
            warnings.warn(f"token {self.token} is about to expire")
        return self.token

    def refresh(self, headers):
        body = requests.post("https://api.vipps.no/accesstoken/get", headers=headers, timeout=10).json()
        self.token = body["access_token"]
        self.expires = time.time() + body["expires_in"]
