# eval: vulnerable
# Odoo XML-RPC: the partner stores its Vipps key on the merchant's own Odoo payment provider.
import os
import xmlrpc.client

VIPPS_SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]


def push_provider(odoo_url, db, uid, password, provider_id, msn):
    models = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/object")
    # ruleid: KL301
    models.execute_kw(db, uid, password, "payment.provider", "write", [[provider_id], {"vipps_msn": msn, "vipps_subscription_key": VIPPS_SUBSCRIPTION_KEY}])
