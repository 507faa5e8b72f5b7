# eval: vulnerable
# typer: a support command prints a fresh access token.
import httpx
import typer

app = typer.Typer()


@app.command()
def token(client_id: str, client_secret: str = typer.Option(..., envvar="VIPPS_CLIENT_SECRET")):
    r = httpx.post("https://api.vipps.no/accesstoken/get", headers={"client_id": client_id, "client_secret": client_secret})
    # ruleid: KL401
    typer.echo(r.json()["access_token"])
