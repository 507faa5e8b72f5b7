# eval: vulnerable
# Falcon: a responder reads the MSN from the query string.
import falcon
import requests


class SalesUnitResource:
    def on_get(self, req, resp):
        msn = req.get_param("msn", required=True)
        # ruleid: KL201
        r = requests.get(f"https://api.vipps.no/management/v1/sales-units/{msn}", headers=management_headers(), timeout=10)
        resp.media = r.json()


app = falcon.App()
app.add_route("/sales-unit", SalesUnitResource())
