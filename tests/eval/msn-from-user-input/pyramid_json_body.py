# eval: vulnerable
# Pyramid: a JSON view takes the sales unit from the request body.
import requests
from pyramid.view import view_config

API = "https://api.vipps.no"


@view_config(route_name="capture", request_method="POST", renderer="json")
def capture(request):
    body = request.json_body
    headers = {**vipps_headers(request.registry.settings), "Idempotency-Key": body["idempotency_key"]}
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = body["msn"]
    r = requests.post(f"{API}/epayment/v1/payments/{body['reference']}/capture", headers=headers,
                      json={"modificationAmount": {"currency": "NOK", "value": body["amount"]}}, timeout=10)
    return r.json()
