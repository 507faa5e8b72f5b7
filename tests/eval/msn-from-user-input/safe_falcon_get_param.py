# eval: safe
# Falcon: the query string picks the page; the sales unit is the authenticated merchant's.
import falcon
import requests


class SalesUnitResource:
    def on_get(self, req, resp):
        page = req.get_param_as_int("page", default=1)
        msn = req.context.merchant.msn
        r = requests.get(f"https://api.vipps.no/management/v1/sales-units/{msn}", params={"page": page},
                         headers=management_headers(), timeout=10)
        resp.media = r.json()


app = falcon.App()
app.add_route("/sales-unit", SalesUnitResource())
