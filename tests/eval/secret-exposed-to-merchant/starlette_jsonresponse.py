# eval: vulnerable
import os

from starlette.responses import JSONResponse

SUBSCRIPTION_KEY = os.getenv("VIPPS_SUBSCRIPTION_KEY")


async def config(request):
    payload = {"msn": request.user.msn}
    payload["ocpApimSubscriptionKey"] = SUBSCRIPTION_KEY
    # ruleid: KL301
    return JSONResponse(payload)
