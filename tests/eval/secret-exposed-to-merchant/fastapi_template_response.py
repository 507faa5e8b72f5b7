# eval: vulnerable
from fastapi import FastAPI, Request
from fastapi.templating import Jinja2Templates

from .config import settings

app = FastAPI()
templates = Jinja2Templates(directory="templates")


@app.get("/settings")
async def settings_page(request: Request):
    # ruleid: KL301
    return templates.TemplateResponse("settings.html", {"request": request, "apim_key": settings.vipps_subscription_key})
