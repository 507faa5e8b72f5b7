"""Monthly fee statement generator (CLI)."""
import argparse
import os

import requests

VIPPS = "https://api.vipps.no"


def get_partner_token() -> str:
    resp = requests.post(
        f"{VIPPS}/accesstoken/get",
        headers={
            "client_id": os.environ["PARTNER_CLIENT_ID"],
            "client_secret": os.environ["PARTNER_CLIENT_SECRET"],
            "Ocp-Apim-Subscription-Key": os.environ["PARTNER_SUBSCRIPTION_KEY"],
        },
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def fetch_fees(access_token: str, ledger_id: str, day: str) -> list:
    headers = {"Authorization": f"Bearer {access_token}"}
    # ruleid: KL501
    resp = requests.get(f"{VIPPS}/report/v2/ledgers/{ledger_id}/fees/dates/{day}", headers=headers, timeout=30)
    resp.raise_for_status()
    return resp.json()["items"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger_id")
    parser.add_argument("days", nargs="+")
    args = parser.parse_args()
    token = get_partner_token()
    for day in args.days:
        total = sum(item["amount"]["value"] for item in fetch_fees(token, args.ledger_id, day))
        print(day, total)


if __name__ == "__main__":
    main()
