# eval: vulnerable
from django.conf import settings
from rest_framework.response import Response
from rest_framework.views import APIView


class TerminalConfigView(APIView):
    def get(self, request):
        data = {
            "msn": request.user.merchant.msn,
            "vipps": {"subscription_key": settings.VIPPS["partner"]["subscription_key"]},
        }
        # ruleid: KL301
        return Response(data)
