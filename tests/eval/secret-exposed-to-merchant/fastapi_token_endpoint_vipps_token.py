# eval: vulnerable
# The same /token shape, but it hands the merchant's POS the partner's Vipps access token.
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel

from .settings import settings
from .users import authenticate_merchant

app = FastAPI()


class Token(BaseModel):
    access_token: str
    token_type: str


async def create_access_token() -> str:
    async with httpx.AsyncClient() as client:
        resp = await client.post(
            "https://api.vipps.no/accesstoken/get",
            headers={
                "client_id": settings.client_id,
                "client_secret": settings.client_secret,
                "Ocp-Apim-Subscription-Key": settings.subscription_key,
            },
        )
    resp.raise_for_status()
    return resp.json()["access_token"]


@app.post("/token")
async def login_for_access_token(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    merchant = await authenticate_merchant(form_data.username, form_data.password)
    if not merchant:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Incorrect username or password")
    access_token = await create_access_token()
    # ruleid: KL301
    return Token(access_token=access_token, token_type="bearer")
