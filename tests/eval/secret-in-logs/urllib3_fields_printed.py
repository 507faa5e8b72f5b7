# eval: vulnerable
# urllib3: the token request's form fields are printed by a support script.
import os

import urllib3

http = urllib3.PoolManager()


def token():
    fields = {"client_id": os.environ["VIPPS_CLIENT_ID"], "client_secret": os.environ["VIPPS_CLIENT_SECRET"]}
    # ruleid: KL401
    print("token request", fields)
    return http.request("POST", "https://api.vipps.no/accesstoken/get", fields=fields).json()["access_token"]
