# eval: vulnerable
import click
import requests


def auth_headers():
    return {"Authorization": f"Bearer {get_access_token()}", "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY}


@click.command()
@click.argument("reference")
def status(reference):
    headers = auth_headers()
    # ruleid: KL401
    click.echo(f"GET /epayment/v1/payments/{reference} with {headers}")
    click.echo(requests.get(f"{API}/epayment/v1/payments/{reference}", headers=headers).text)
