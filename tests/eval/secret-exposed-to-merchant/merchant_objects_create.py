# eval: vulnerable
from django.conf import settings


def onboard(owner, form):
    # ruleid: KL301
    return Merchant.objects.create(owner=owner, name=form.cleaned_data["name"], vipps_client_secret=settings.VIPPS_CLIENT_SECRET)
