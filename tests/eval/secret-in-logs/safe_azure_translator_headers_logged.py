# eval: safe
# Azure Translator (the quickstart's request, with a debug log): Azure also names its key header
# Ocp-Apim-Subscription-Key, but this key is Azure's and the request goes to Azure.
import logging
import os
import uuid

import requests

logger = logging.getLogger(__name__)

key = os.environ["TRANSLATOR_KEY"]
endpoint = "https://api.cognitive.microsofttranslator.com"
location = os.environ.get("TRANSLATOR_REGION", "westeurope")


def translate(text: str, to: list[str]) -> list[dict]:
    headers = {
        "Ocp-Apim-Subscription-Key": key,
        "Ocp-Apim-Subscription-Region": location,
        "Content-type": "application/json",
        "X-ClientTraceId": str(uuid.uuid4()),
    }
    logger.debug("POST %s/translate headers=%s", endpoint, headers)
    request = requests.post(f"{endpoint}/translate", params={"api-version": "3.0", "to": to}, headers=headers, json=[{"text": text}], timeout=10)
    return request.json()
