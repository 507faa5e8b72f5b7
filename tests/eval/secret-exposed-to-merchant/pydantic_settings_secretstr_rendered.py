# eval: vulnerable
# pydantic-settings: the SecretStr is unwrapped for the merchant's setup page.
from fastapi import FastAPI, Request
from fastapi.templating import Jinja2Templates
from pydantic import SecretStr
from pydantic_settings import BaseSettings


class VippsSettings(BaseSettings):
    client_id: str
    client_secret: SecretStr
    subscription_key: SecretStr
    base_url: str = "https://api.vipps.no"


settings = VippsSettings()
app = FastAPI()
templates = Jinja2Templates(directory="templates")


@app.get("/setup")
async def setup(request: Request):
    # ruleid: KL301
    return templates.TemplateResponse(request, "setup.html", {"key": settings.subscription_key.get_secret_value()})
