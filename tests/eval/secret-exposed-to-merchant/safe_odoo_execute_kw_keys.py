# eval: safe
# Odoo XML-RPC: the merchant's Odoo gets its MSN only.
import os
import xmlrpc.client

VIPPS_SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]


def push_provider(odoo_url, db, uid, password, provider_id, msn):
    models = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/object")
    models.execute_kw(db, uid, password, "payment.provider", "write", [[provider_id], {"vipps_msn": msn, "state": "enabled"}])
