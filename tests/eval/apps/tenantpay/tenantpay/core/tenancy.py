"""Each request belongs to the merchant (tenant) of the logged-in user."""
from django.core.exceptions import PermissionDenied
from django.utils.functional import SimpleLazyObject


def _merchant_of(request):
    user = request.user
    if not user.is_authenticated:
        return None
    membership = user.memberships.select_related("merchant").filter(active=True).first()
    if membership is None:
        raise PermissionDenied("no active merchant membership")
    return membership.merchant


class TenantMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.merchant = SimpleLazyObject(lambda: _merchant_of(request))
        return self.get_response(request)
