"""Invoice module of a bookkeeping product: offers 'pay with Vipps' on an invoice."""
import base64
import json
import os
import urllib.parse
import urllib.request

BASE_URL = "https://api.vipps.no"


def _accounting_token() -> str:
    creds = f'{os.environ["ACCOUNTING_CLIENT_ID"]}:{os.environ["ACCOUNTING_CLIENT_SECRET"]}'
    req = urllib.request.Request(
        BASE_URL + "/miami/v1/token",
        data=urllib.parse.urlencode({"grant_type": "client_credentials"}).encode(),
        headers={"Authorization": "Basic " + base64.b64encode(creds.encode()).decode()},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)["access_token"]


def checkout_for_invoice(msn: str, invoice_no: str, amount_ore: int) -> str:
    token = _accounting_token()
    body = {
        "merchantInfo": {"callbackUrl": "https://books.example.no/vipps/callback",
                         "returnUrl": f"https://books.example.no/invoices/{invoice_no}"},
        "transaction": {"amount": {"currency": "NOK", "value": amount_ore},
                        "reference": f"inv-{invoice_no}",
                        "paymentDescription": f"Invoice {invoice_no}"},
    }
    req = urllib.request.Request(
        BASE_URL + "/checkout/v3/session",
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Merchant-Serial-Number": msn,
                 "Content-Type": "application/json"},
        method="POST",
    )
    # ruleid: KL501
    with urllib.request.urlopen(req, timeout=15) as resp:
        return json.load(resp)["checkoutFrontendUrl"]
