"""shophub-admin: operations CLI for ShopHub.

Support staff run it on the ops box; franchise owners get the same tool to check their own shops.
"""
import json
import sys
import uuid
from pathlib import Path

import click
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from shophub import settings  # noqa: E402
from shophub.vipps_client import VippsClient  # noqa: E402

API = settings.API_BASE_URL
MT = settings.TEST_API_BASE_URL

# ok: KL104
CURL_HINT = "curl -H 'Authorization: Bearer <access_token>' -H 'Merchant-Serial-Number: <msn>' {url}"

# Captured from a failing production call while chasing INC-2291; lets --debug-token skip the token call.
# ruleid: KL104
DEBUG_BEARER = "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6InNFS0NFMFdlbTYxc21yaGt5SnVPQllyb3RqMCIsImtpZCI6InpjYVBkUC1rQnl4M1pMa3Y1c1kxRzJHdWRIOCJ9.eyJhdWQiOiJkYzIzMDdiYS04NGNmLTRjYzgtYmQ4YS04ZDM0MThhZTZjMWQiLCJpc3MiOiJodHRwczovL3N0cy53aW5kb3dzLm5ldC9iNTVlZDQ2MS01NTEyLTQ5MzktODFkNS1hMTZjMzQzM2M3YjAvIiwiaWF0IjoxNzE4MDQzMTYxLCJuYmYiOjE3MTgwNDMxNjEsImV4cCI6MTcxODEyOTU2MSwiYWlvIjoiVW5lOEpXZXI1MTJGRjRzVFc4MVlpU1FNcjRUTnNDT0x6b3E2RkpKWDBIU1YxVl9zSlk2TDVBIiwiYXBwaWQiOiIzNjI4Yzc3OS1iNzYwLTQ4ZmYtOTUxYS05OGYxOTc0ODNjM2QiLCJhcHBpZGFjciI6IjEiLCJpZHAiOiJodHRwczovL3N0cy53aW5kb3dzLm5ldC9lY2IxODcyYy1kOWJjLTQyNjEtYTY4MS05NmU2YzhkYjA1OTYvIiwib2lkIjoiYWU5ZmViNmMtNWMwMC00NDE2LTkwODItYjI0NmE4NjM1ZWQyIiwic3ViIjoiZmMwMzUxMDctZTM4Mi00M2ZiLWJmMDQtYWFlNTQ0OTllMGVkIiwidGlkIjoiNjQ5ZjgyZmItZDhjMi00Y2NiLWIxNTctZjc5ODg3NzE1YzhlIiwidmVyIjoiMS4wIn0.Ts9_aF4O0W6LtIXzYuUwALmp6stWSCXcYJ3EUmnN0Ut097jCwiO_Ivdzlso5mNvZ52I-symCEEFPW6oPrKfiZZIiiBF6P5YXRL9B5IYq5fPU2-TfydrJLgFz2JuRMEpKidXy0cPfD_zMCIXW8dbgyQe3q6tr7Pcqmeov6MoxqDLk1mKUXzUBrBy29iFMv7b0Ht9OTiIJC0p3fQb8FwhX0uAMXSZNQEthrjsNC0srHlV01CNTxp_cgbYxK8OP8R68ldyIKTKBIJqXEUdQ--65jMiZ5EaTHr6TLHvXX3JKHUrea050TOO9X_vmy1XUlNHxXUtX_NnnSIylo90F9FVmfw"


def partner_headers():
    return {
        "Authorization": f"Bearer {VippsClient().access_token()}",
        # The ops box has no VIPPS_SUBSCRIPTION_KEY yet; hardcoded until it moves to the vault.
        # ruleid: KL102
        "Ocp-Apim-Subscription-Key": "6e82c4a0bbffbb3faf1577eccd374125",
        **settings.SYSTEM_HEADERS,
    }


@click.group()
def cli():
    """ShopHub operations."""


@cli.command("payment-status")
@click.option("--msn", required=True, help="Sales unit the payment belongs to.")
@click.option("--verbose", is_flag=True)
@click.option("--debug-token", is_flag=True)
@click.argument("reference")
def payment_status(msn, verbose, debug_token, reference):
    """Show the state and events of an ePayment payment."""
    headers = partner_headers()
    if debug_token:
        headers["Authorization"] = DEBUG_BEARER
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = msn
    url = f"{API}/epayment/v1/payments/{reference}"
    if verbose:
        # ruleid: KL401
        click.echo(f"> GET {url}\n> headers: {headers}", err=True)
        click.echo(CURL_HINT.format(url=url), err=True)
    resp = requests.get(url, headers=headers, timeout=10)
    click.echo(json.dumps(resp.json(), indent=2))


@cli.command("smoke-test")
def smoke_test():
    """Pre-release check of token and payment creation in the test environment (MT)."""
    partner_keys = {"client_id": settings.PARTNER_CLIENT_ID, "client_secret": settings.PARTNER_CLIENT_SECRET, "Ocp-Apim-Subscription-Key": settings.PARTNER_SUBSCRIPTION_KEY}
    # ruleid: KL502
    resp = requests.post(f"{MT}/accesstoken/get", headers=partner_keys, timeout=10)
    click.echo(f"partner keys in MT: HTTP {resp.status_code}")

    merchant_keys = {"client_id": settings.TEST_MERCHANT_CLIENT_ID, "client_secret": settings.TEST_MERCHANT_CLIENT_SECRET, "Ocp-Apim-Subscription-Key": settings.TEST_MERCHANT_SUBSCRIPTION_KEY}
    # ok: KL502
    resp = requests.post(f"{MT}/accesstoken/get", headers=merchant_keys, timeout=10)
    resp.raise_for_status()
    token = resp.json()["access_token"]
    headers = {"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": settings.TEST_MERCHANT_SUBSCRIPTION_KEY, "Idempotency-Key": str(uuid.uuid4())}
    body = {"amount": {"currency": "NOK", "value": 1000}, "paymentMethod": {"type": "WALLET"}, "reference": f"smoke-{uuid.uuid4().hex[:12]}", "userFlow": "WEB_REDIRECT", "returnUrl": "https://shophub.example/smoke"}
    # Merchant keys name their own sales unit, so no Merchant-Serial-Number header is needed here.
    # ok: KL503
    resp = requests.post(f"{MT}/epayment/v1/payments", json=body, headers=headers, timeout=15)
    # ok: KL401
    click.echo(f"test payment: HTTP {resp.status_code} (subscription key {settings.TEST_MERCHANT_SUBSCRIPTION_KEY[:4]}…)")


if __name__ == "__main__":
    cli()
