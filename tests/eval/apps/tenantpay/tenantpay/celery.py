"""The Celery application; tasks live in each app's tasks.py."""
import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tenantpay.settings.prod")

app = Celery("tenantpay")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "reconcile-settlements": {"task": "tenantpay.reporting.tasks.reconcile_all", "schedule": crontab(hour=4, minute=15)},
    "sync-sales-units": {"task": "tenantpay.onboarding.tasks.sync_sales_units", "schedule": crontab(hour=3, minute=0)},
    "refund-returns": {"task": "tenantpay.payments.tasks.refund_returned_orders", "schedule": crontab(minute="*/30")},
}
