# eval: safe
import hashlib

from django.conf import settings
from django.http import JsonResponse


def diagnostics(request):
    fingerprint = hashlib.sha256(settings.VIPPS_CLIENT_SECRET.encode()).hexdigest()[:8]
    return JsonResponse({"clientSecretFingerprint": fingerprint})
