"""TenantPay: hosted Vipps MobilePay payments for many shops, one sales unit each."""
from .celery import app as celery_app

__all__ = ["celery_app"]
