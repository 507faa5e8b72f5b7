# eval: safe
# Pyramid: a JSON view returns whether the Vipps keys are configured.
from pyramid.view import view_config


@view_config(route_name="vipps_settings", renderer="json", permission="merchant")
def vipps_settings(request):
    s = request.registry.settings
    return {"client_id_set": "vipps.client_id" in s, "client_secret_set": bool(s.get("vipps.client_secret"))}
