# eval: safe
# Pyramid: the body gives the reference and amount; the MSN is the logged-in merchant's.
import requests
from pyramid.view import view_config

API = "https://api.vipps.no"


@view_config(route_name="capture", request_method="POST", renderer="json", permission="capture")
def capture(request):
    body = request.json_body
    msn = request.user.merchant.msn
    headers = {**vipps_headers(request.registry.settings), "Idempotency-Key": body["idempotency_key"]}
    headers["Merchant-Serial-Number"] = msn
    r = requests.post(f"{API}/epayment/v1/payments/{body['reference']}/capture", headers=headers,
                      json={"modificationAmount": {"currency": "NOK", "value": body["amount"]}}, timeout=10)
    return r.json()
