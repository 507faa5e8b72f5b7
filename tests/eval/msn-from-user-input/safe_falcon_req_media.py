# eval: safe
# Falcon: the JSON media gives amount and reference; the MSN comes from the authenticated merchant.
import falcon
import requests


class PaymentsResource:
    def on_post(self, req, resp):
        doc = req.media
        msn = req.context.merchant.msn
        r = requests.post(
            "https://api.vipps.no/epayment/v1/payments",
            headers={**vipps_headers(), "Merchant-Serial-Number": str(msn)},
            json={"amount": {"currency": "NOK", "value": doc["amount"]}, "reference": doc["reference"],
                  "paymentMethod": {"type": "WALLET"}, "userFlow": "WEB_REDIRECT"},
        )
        resp.media = r.json()
        resp.status = falcon.HTTP_201
