# eval: vulnerable
# The same Odoo provider logging the headers it sends, keys and token included.
import logging
import pprint

import requests

from odoo import fields, models

_logger = logging.getLogger(__name__)


class PaymentProvider(models.Model):
    _inherit = "payment.provider"

    code = fields.Selection(selection_add=[("vipps", "Vipps MobilePay")], ondelete={"vipps": "set default"})
    vipps_client_id = fields.Char(string="Client ID", groups="base.group_system")
    vipps_client_secret = fields.Char(string="Client Secret", groups="base.group_system")
    vipps_subscription_key = fields.Char(string="Subscription Key", groups="base.group_system")
    vipps_merchant_serial_number = fields.Char(string="Merchant Serial Number")

    def _vipps_make_request(self, endpoint, payload=None, method="POST"):
        headers = {
            "Authorization": f"Bearer {self._vipps_get_access_token()}",
            "Ocp-Apim-Subscription-Key": self.vipps_subscription_key,
            "Merchant-Serial-Number": self.vipps_merchant_serial_number,
        }
        # ruleid: KL401
        _logger.info("Vipps request to %s with headers:\n%s", endpoint, pprint.pformat(headers))
        response = requests.request(method, f"https://api.vipps.no{endpoint}", json=payload, headers=headers, timeout=60)
        response.raise_for_status()
        return response.json()
