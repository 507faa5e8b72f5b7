# eval: vulnerable
import click
import httpx


@click.command()
@click.option("--msn", required=True)
@click.option("--name")
def rename_sales_unit(msn, name):
    """Owners rename their shop's sales unit."""
    # ruleid: KL201
    r = httpx.patch(f"{API}/management/v1/sales-units/{msn}", json={"name": name}, headers=partner_headers())
    click.echo(r.status_code)
