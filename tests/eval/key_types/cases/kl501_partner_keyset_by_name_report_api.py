"""A key set chosen by name: keyset("partner") on the Report API; keyset("accounting") through
the specialized token endpoint is right."""
import requests
API = "https://api.vipps.no"

def ledgers():
    keys = keyset("partner")
    token = requests.post(f"{API}/accesstoken/get", headers={"client_id": keys.client_id, "client_secret": keys.client_secret,
                          "Ocp-Apim-Subscription-Key": keys.subscription_key}).json()["access_token"]
    # ruleid: KL501
    return requests.get(f"{API}/settlement/v1/ledgers", headers={"Authorization": f"Bearer {token}"})

def ledgers_ok():
    keys = keyset("accounting")
    token = requests.post(f"{API}/miami/v1/token", auth=(keys.client_id, keys.client_secret), data={"grant_type": "client_credentials"}).json()["access_token"]
    # ok: KL501
    return requests.get(f"{API}/settlement/v1/ledgers", headers={"Authorization": f"Bearer {token}"})
