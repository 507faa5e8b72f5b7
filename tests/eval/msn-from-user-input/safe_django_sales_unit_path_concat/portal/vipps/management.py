import requests

from portal.vipps.constants import AGREEMENTS_PATH, API_URL, SALES_UNITS_PATH
from portal.vipps.tokens import partner_token


class ManagementClient:
    def __init__(self):
        self.base_url = API_URL
        self.session = requests.Session()

    def _headers(self, msn=None):
        headers = {"Authorization": f"Bearer {partner_token()}"}
        if msn is not None:
            headers["Merchant-Serial-Number"] = msn
        return headers

    def rename_sales_unit(self, msn, name):
        # ok: KL201
        resp = self.session.patch(self.base_url + SALES_UNITS_PATH + "/" + msn, json={"name": name}, headers=self._headers(), timeout=10)
        resp.raise_for_status()
        return resp.json()

    def agreement(self, msn, agreement_id):
        # ok: KL201
        resp = self.session.get(self.base_url + AGREEMENTS_PATH + "/" + agreement_id, headers=self._headers(msn), timeout=10)
        resp.raise_for_status()
        return resp.json()

    def agreement_charges(self, msn, agreement_id):
        # ok: KL201
        resp = self.session.get("%s%s/%s/charges" % (self.base_url, AGREEMENTS_PATH, agreement_id), headers=self._headers(msn), timeout=10)
        resp.raise_for_status()
        return resp.json()

    def stop_agreement(self, msn, agreement_id):
        # ok: KL201
        resp = self.session.patch("{}{}/{}".format(self.base_url, AGREEMENTS_PATH, agreement_id), json={"status": "STOPPED"},
                                  headers=self._headers(msn), timeout=10)
        resp.raise_for_status()
