# eval: safe
# click: the support command prints whether a token came back and how long it lives.
import click
import requests


@click.command()
@click.option("--client-id", envvar="VIPPS_CLIENT_ID")
@click.option("--client-secret", envvar="VIPPS_CLIENT_SECRET")
@click.option("--subscription-key", envvar="VIPPS_SUBSCRIPTION_KEY")
def token(client_id, client_secret, subscription_key):
    r = requests.post("https://apitest.vipps.no/accesstoken/get", headers={
        "client_id": client_id, "client_secret": client_secret, "Ocp-Apim-Subscription-Key": subscription_key})
    click.secho(f"token ok, expires in {r.json()['expires_in']} s", fg="green")
