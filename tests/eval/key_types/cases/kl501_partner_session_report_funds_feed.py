"""Django service that mirrors settlement funds into our accounting tables."""
import requests
from django.conf import settings


class VippsFundsClient:
    """Reads the funds feed of a ledger, using the partner key set from settings."""

    def __init__(self):
        self._keys = settings.VIPPS["partner"]
        self.base_url = settings.VIPPS["base_url"]
        self.session = requests.Session()
        self.session.headers.update(
            {
                "Ocp-Apim-Subscription-Key": self._keys["subscription_key"],
                "Vipps-System-Name": "acme-erp-sync",
                "Vipps-System-Version": settings.APP_VERSION,
            }
        )
        self._token = None

    def _authenticate(self):
        if self._token is not None:
            return
        resp = self.session.post(
            self.base_url + "/accesstoken/get",
            headers={"client_id": self._keys["client_id"], "client_secret": self._keys["client_secret"]},
            timeout=10,
        )
        resp.raise_for_status()
        self._token = resp.json()["access_token"]
        self.session.headers["Authorization"] = "Bearer " + self._token

    def funds_feed(self, ledger_id: str, cursor: str = ""):
        self._authenticate()
        params = {"cursor": cursor} if cursor else {}
        # ruleid: KL501
        resp = self.session.get(
            f"{self.base_url}/report/v2/ledgers/{ledger_id}/funds/feed",
            params=params,
            timeout=30,
        )
        resp.raise_for_status()
        return resp.json()

    def iter_funds(self, ledger_id: str):
        cursor = ""
        while True:
            page = self.funds_feed(ledger_id, cursor)
            yield from page["items"]
            if not page.get("tryLater") and not page.get("hasMore"):
                break
            cursor = page["cursor"]
