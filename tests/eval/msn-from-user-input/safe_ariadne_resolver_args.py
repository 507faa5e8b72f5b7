# eval: safe
# Ariadne: the sales unit shown is the logged-in user's own.
import requests
from ariadne import QueryType

query = QueryType()


@query.field("salesUnit")
def resolve_sales_unit(obj, info, include_products=False):
    msn = info.context["request"].user.merchant.msn
    return requests.get(f"https://api.vipps.no/management/v1/sales-units/{msn}", headers=management_headers()).json()
