# eval: vulnerable
# Falcon: the JSON media of a POST names the sales unit of the payment.
import falcon
import requests


class PaymentsResource:
    def on_post(self, req, resp):
        doc = req.media
        r = requests.post(
            "https://api.vipps.no/epayment/v1/payments",
            # ruleid: KL201
            headers={**vipps_headers(), "Merchant-Serial-Number": str(doc["msn"])},
            json={"amount": {"currency": "NOK", "value": doc["amount"]}, "reference": doc["reference"],
                  "paymentMethod": {"type": "WALLET"}, "userFlow": "WEB_REDIRECT"},
        )
        resp.media = r.json()
        resp.status = falcon.HTTP_201
