# eval: safe
import requests


def management_get(msn):
    return requests.get(f"https://api.vipps.no/management/v1/sales-units/{msn}", headers=mgmt_headers()).json()
