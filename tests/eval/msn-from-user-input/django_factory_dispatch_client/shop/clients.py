# eval: vulnerable
import requests

API_URL = "https://api.vipps.no"


class VippsClient:
    def __init__(self, keys):
        self.keys = keys
        self.session = requests.Session()

    def _headers(self):
        return {"Authorization": f"Bearer {self.keys.access_token()}", "Ocp-Apim-Subscription-Key": self.keys.subscription_key}


class QrClient(VippsClient):
    def update_redirect(self, msn, qr_id, redirect_url):
        headers = self._headers()
        # ruleid: KL201
        headers["Merchant-Serial-Number"] = msn
        resp = self.session.put(f"{API_URL}/qr/v1/merchant-redirect/{qr_id}", json={"redirectUrl": redirect_url}, headers=headers)
        resp.raise_for_status()
        return resp.json()


class WebhooksClient(VippsClient):
    def register(self, msn, url, events):
        headers = {**self._headers(), "Merchant-Serial-Number": msn}
        return self.session.post(f"{API_URL}/webhooks/v1/webhooks", json={"url": url, "events": events}, headers=headers).json()


_CLIENTS = {"qr": QrClient, "webhooks": WebhooksClient}


def client_for(api, merchant):
    """The client of one API with the merchant's key set (no return annotation: the table decides)."""
    return _CLIENTS[api](merchant.keys)
