# eval: safe
# typer: a support command checks the keys and prints when the token expires.
import httpx
import typer

app = typer.Typer()


@app.command()
def token(client_id: str, client_secret: str = typer.Option(..., envvar="VIPPS_CLIENT_SECRET")):
    r = httpx.post("https://api.vipps.no/accesstoken/get", headers={"client_id": client_id, "client_secret": client_secret})
    typer.echo(f"token OK, expires in {r.json()['expires_in']} s")
