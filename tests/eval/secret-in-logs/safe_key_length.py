# eval: safe
from django.conf import settings


def doctor():
    print(f"subscription key length: {len(settings.VIPPS_SUBSCRIPTION_KEY)}")
    print("client id set:", settings.VIPPS_CLIENT_ID is not None)
