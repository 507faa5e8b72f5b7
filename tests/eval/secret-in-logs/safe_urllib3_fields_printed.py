# eval: safe
# urllib3: the support script prints which client id asks for a token.
import os

import urllib3

http = urllib3.PoolManager()


def token():
    fields = {"client_id": os.environ["VIPPS_CLIENT_ID"], "client_secret": os.environ["VIPPS_CLIENT_SECRET"]}
    print("token request for", fields["client_id"])
    return http.request("POST", "https://api.vipps.no/accesstoken/get", fields=fields).json()["access_token"]
