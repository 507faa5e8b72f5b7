# eval: safe
# django-environ + TemplateResponse: the integration page shows the key's masked form.
import environ
from django.template.response import TemplateResponse

env = environ.Env()
VIPPS_SUBSCRIPTION_KEY = env("VIPPS_SUBSCRIPTION_KEY")


def integration(request):
    return TemplateResponse(request, "merchant/integration.html", {"msn": request.user.merchant.msn, "subscription_key": mask(VIPPS_SUBSCRIPTION_KEY)})
