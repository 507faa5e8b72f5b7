# eval: safe
from fastapi import FastAPI

from .settings import settings

app = FastAPI()


@app.get("/status")
def status():
    return {"vipps_configured": settings.vipps_client_secret is not None, "environment": settings.vipps_env}
