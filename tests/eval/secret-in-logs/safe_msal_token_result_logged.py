# eval: safe
# Microsoft Graph daemon app (MSAL): logs its own token result while debugging; no Vipps.
import logging
import os

import msal
import requests

logger = logging.getLogger(__name__)

app = msal.ConfidentialClientApplication(
    client_id=os.environ["AZURE_CLIENT_ID"],
    client_credential=os.environ["AZURE_CLIENT_SECRET"],
    authority=f"https://login.microsoftonline.com/{os.environ['AZURE_TENANT_ID']}",
)


def list_users():
    result = app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])
    if "access_token" not in result:
        logger.error("could not get a token: %s", result.get("error_description"))
        return []
    logger.debug("token result: %s", result)
    access_token = result["access_token"]
    logger.debug("Authorization: Bearer %s", access_token)
    headers = {"Authorization": f"Bearer {access_token}"}
    return requests.get("https://graph.microsoft.com/v1.0/users", headers=headers, timeout=10).json()["value"]
