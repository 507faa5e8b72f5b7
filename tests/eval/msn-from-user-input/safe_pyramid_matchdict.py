# eval: safe
# Pyramid: the route segment names a shop, looked up among the user's own shops.
import requests
from pyramid.view import view_config


@view_config(route_name="sales_unit", renderer="json")
def sales_unit(request):
    shop = request.dbsession.query(Shop).filter_by(id=request.matchdict["shop_id"], owner=request.user).one()
    return requests.get(f"https://api.vipps.no/management/v1/sales-units/{shop.msn}", headers=management_headers()).json()
