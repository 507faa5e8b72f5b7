"""Which sales units a user may act for."""
from tenantpay.merchants.models import SalesUnit


def sales_units_for(user):
    return SalesUnit.objects.filter(merchant__memberships__user=user, merchant__memberships__active=True)


def can_act_for(user, msn: str) -> bool:
    return sales_units_for(user).filter(msn=msn).exists()
