# eval: vulnerable
import requests
from flask import request, jsonify


def sales_unit_status():
    msn = int(request.args.get("msn", "0"))
    # ruleid: KL201
    resp = requests.get(f"https://api.vipps.no/management/v1/sales-units/{msn}", headers=management_headers(), timeout=10)
    return jsonify(resp.json())
