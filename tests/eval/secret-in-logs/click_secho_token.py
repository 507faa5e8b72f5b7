# eval: vulnerable
# click: a support command prints the Vipps access token in green.
import click
import requests


@click.command()
@click.option("--client-id", envvar="VIPPS_CLIENT_ID")
@click.option("--client-secret", envvar="VIPPS_CLIENT_SECRET")
@click.option("--subscription-key", envvar="VIPPS_SUBSCRIPTION_KEY")
def token(client_id, client_secret, subscription_key):
    r = requests.post("https://apitest.vipps.no/accesstoken/get", headers={
        "client_id": client_id, "client_secret": client_secret, "Ocp-Apim-Subscription-Key": subscription_key})
    # ruleid: KL401
    click.secho(f"token: {r.json()['access_token']}", fg="green")
