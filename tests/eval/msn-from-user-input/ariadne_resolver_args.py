# eval: vulnerable
# Ariadne: resolver keyword arguments come from the GraphQL query.
import requests
from ariadne import QueryType

query = QueryType()


@query.field("salesUnit")
def resolve_sales_unit(obj, info, msn):
    # ruleid: KL201
    return requests.get(f"https://api.vipps.no/management/v1/sales-units/{msn}", headers=management_headers()).json()
