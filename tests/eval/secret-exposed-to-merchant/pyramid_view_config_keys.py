# eval: vulnerable
# Pyramid: a JSON view returns the configured Vipps keys.
from pyramid.view import view_config


@view_config(route_name="vipps_settings", renderer="json", permission="merchant")
def vipps_settings(request):
    s = request.registry.settings
    # ruleid: KL301
    return {"client_id": s["vipps.client_id"], "client_secret": s["vipps.client_secret"]}
