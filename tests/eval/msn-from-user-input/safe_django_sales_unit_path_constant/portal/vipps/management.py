import requests

from portal.vipps.constants import AGREEMENTS_PATH, API_URL, SALES_UNITS_PATH
from portal.vipps.tokens import partner_token


class ManagementClient:
    def __init__(self):
        self.session = requests.Session()

    def rename_sales_unit(self, msn, name):
        headers = {"Authorization": f"Bearer {partner_token()}"}
        # ok: KL201
        resp = self.session.patch(f"{API_URL}{SALES_UNITS_PATH}/{msn}", json={"name": name}, headers=headers, timeout=10)
        resp.raise_for_status()
        return resp.json()

    def agreement(self, msn, agreement_id):
        headers = {"Authorization": f"Bearer {partner_token()}", "Merchant-Serial-Number": msn}
        # ok: KL201
        resp = self.session.get(f"{API_URL}{AGREEMENTS_PATH}/{agreement_id}", headers=headers, timeout=10)
        resp.raise_for_status()
        return resp.json()
