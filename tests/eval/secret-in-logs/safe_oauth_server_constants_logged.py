# eval: safe
# An OAuth authorization server (authlib / fastapi-users style): names of methods and error codes.
import logging
from enum import Enum

from fastapi import HTTPException, status

logger = logging.getLogger("auth")

CLIENT_SECRET_BASIC = "client_secret_basic"
CLIENT_SECRET_POST = "client_secret_post"


class ErrorCode(str, Enum):
    ACCESS_TOKEN_DECODE_ERROR = "ACCESS_TOKEN_DECODE_ERROR"
    ACCESS_TOKEN_ALREADY_EXPIRED = "ACCESS_TOKEN_ALREADY_EXPIRED"
    OAUTH_NOT_AVAILABLE_EMAIL = "OAUTH_NOT_AVAILABLE_EMAIL"


class ClientAuthentication:
    token_endpoint_auth_methods = [CLIENT_SECRET_BASIC, CLIENT_SECRET_POST]

    def __init__(self, access_token_method: str = "POST"):
        self.access_token_method = access_token_method

    def authenticate(self, client, method: str):
        logger.debug("authenticating client %s with %s (token via %s)", client.client_id, method, self.access_token_method)
        if method not in self.token_endpoint_auth_methods:
            logger.warning("unsupported auth method %s, expected %s", method, CLIENT_SECRET_BASIC)
            raise HTTPException(status.HTTP_400_BAD_REQUEST, detail=ErrorCode.ACCESS_TOKEN_DECODE_ERROR)
        return client


def on_decode_error(exc: Exception) -> None:
    logger.info("rejecting request: %s (%s)", ErrorCode.ACCESS_TOKEN_DECODE_ERROR, exc.__class__.__name__)
