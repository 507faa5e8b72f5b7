"""Per-merchant session: the MSN header is set once on the session, from the
partner's own merchant table, and every request inherits it."""
import os

import requests

from merchants.models import Merchant

BASE_URL = "https://api.vipps.no"


def partner_session_for(merchant: Merchant) -> requests.Session:
    s = requests.Session()
    s.headers.update({
        "Ocp-Apim-Subscription-Key": os.environ["VIPPS_PARTNER_SUBSCRIPTION_KEY"],
        "Merchant-Serial-Number": merchant.msn,
    })
    resp = s.post(BASE_URL + "/accesstoken/get", timeout=10, headers={
        "client_id": os.environ["VIPPS_PARTNER_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_PARTNER_CLIENT_SECRET"],
    })
    resp.raise_for_status()
    s.headers["Authorization"] = "Bearer " + resp.json()["access_token"]
    return s


def stop_agreement(merchant_id: int, agreement_id: str) -> None:
    merchant = Merchant.objects.get(pk=merchant_id)
    session = partner_session_for(merchant)
    # ok: KL503
    resp = session.patch(f"{BASE_URL}/recurring/v3/agreements/{agreement_id}",
                         json={"status": "STOPPED"}, headers={"Idempotency-Key": f"stop-{agreement_id}"},
                         timeout=15)
    resp.raise_for_status()
