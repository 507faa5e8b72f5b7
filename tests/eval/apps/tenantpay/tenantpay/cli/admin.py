"""tenantpay-admin: day-to-day operations on merchants and sales units."""
from __future__ import annotations

import os

import click
import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tenantpay.settings.prod")
django.setup()

from tenantpay.payments.vipps.factory import management_client  # noqa: E402
from tenantpay.payments.vipps.keysets import KEYSETS, keyset  # noqa: E402
from tenantpay.payments.vipps.tokens import TokenClient  # noqa: E402


@click.group()
def cli():
    """TenantPay operations."""


@cli.command("keysets")
def list_keysets():
    """Show which key sets are configured (never the keys)."""
    for name, keys in sorted(KEYSETS.items()):
        configured = "yes" if keys.client_secret else "NO"
        # ok: KL401
        click.echo(f"{name:12} {keys.kind:11} configured={configured:3} fingerprint={keys.fingerprint()} secret_len={len(keys.client_secret)}")


@cli.command("token")
@click.option("--keyset", "name", default="partner", show_default=True)
def token(name):
    """Print a fresh access token, e.g. for a curl session while debugging with Vipps MobilePay support."""
    tokens = TokenClient(keyset(name))
    tokens.invalidate()
    # ruleid: KL401
    click.echo(tokens.get())


@cli.group("sales-unit")
def sales_unit():
    """Sales units."""


@sales_unit.command("show")
@click.argument("msn")
def show_sales_unit(msn):
    details = management_client().get_sales_unit(msn)
    for field, value in sorted(details.items()):
        click.echo(f"{field}: {value}")


if __name__ == "__main__":
    cli()
