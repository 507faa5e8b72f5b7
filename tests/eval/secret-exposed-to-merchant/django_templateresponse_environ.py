# eval: vulnerable
# django-environ + TemplateResponse: the merchant's integration page shows the key read from the environment.
import environ
from django.template.response import TemplateResponse

env = environ.Env()
VIPPS_SUBSCRIPTION_KEY = env("VIPPS_SUBSCRIPTION_KEY")


def integration(request):
    # ruleid: KL301
    return TemplateResponse(request, "merchant/integration.html", {"msn": request.user.merchant.msn, "subscription_key": VIPPS_SUBSCRIPTION_KEY})
