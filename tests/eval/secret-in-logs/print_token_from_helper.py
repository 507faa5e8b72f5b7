# eval: vulnerable
import httpx


def management_token():
    r = httpx.post(f"{API}/miami/v1/token", auth=(MGMT_CLIENT_ID, MGMT_CLIENT_SECRET), data={"grant_type": "client_credentials"})
    r.raise_for_status()
    return r.json()["access_token"]


def main():
    token = management_token()
    # ruleid: KL401
    print("token:", token)
