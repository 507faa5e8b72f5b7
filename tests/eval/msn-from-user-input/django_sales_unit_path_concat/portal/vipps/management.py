import requests

from portal.vipps.constants import API_URL, SALES_UNITS_PATH
from portal.vipps.tokens import partner_token


class ManagementClient:
    def __init__(self):
        self.base_url = API_URL
        self.session = requests.Session()

    def _headers(self):
        return {"Authorization": f"Bearer {partner_token()}"}

    def rename_sales_unit(self, msn, name):
        # ruleid: KL201
        resp = self.session.patch(self.base_url + SALES_UNITS_PATH + "/" + msn, json={"name": name}, headers=self._headers(), timeout=10)
        resp.raise_for_status()
        return resp.json()

    def sales_unit(self, msn):
        # ruleid: KL201
        resp = self.session.get("%s%s/%s" % (self.base_url, SALES_UNITS_PATH, msn), headers=self._headers(), timeout=10)
        resp.raise_for_status()
        return resp.json()

    def close_sales_unit(self, msn):
        # ruleid: KL201
        resp = self.session.delete("{}{}/{}".format(self.base_url, SALES_UNITS_PATH, msn), headers=self._headers(), timeout=10)
        resp.raise_for_status()
