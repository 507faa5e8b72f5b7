# eval: vulnerable
# Pyramid: the sales unit is a segment of the route.
import requests
from pyramid.view import view_config


@view_config(route_name="sales_unit", renderer="json")
def sales_unit(request):
    msn = request.matchdict["msn"]
    # ruleid: KL201
    return requests.get(f"https://api.vipps.no/management/v1/sales-units/{msn}", headers=management_headers()).json()
