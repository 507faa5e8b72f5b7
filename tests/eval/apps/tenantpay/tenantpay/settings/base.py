"""Settings shared by every environment. Secrets and per-deployment switches come from the
environment (see .env.example and deploy/*.env)."""
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parents[2]

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "tenantpay.merchants",
    "tenantpay.payments",
    "tenantpay.reporting",
    "tenantpay.onboarding",
    "tenantpay.integrations.pos",
    "tenantpay.support",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tenantpay.core.tenancy.TenantMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "tenantpay.urls"
WSGI_APPLICATION = "tenantpay.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tenantpay" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL")}
CACHES = {"default": env.cache("REDIS_URL", backend="django_redis.cache.RedisCache")}
FERNET_KEYS = env.list("FERNET_KEYS", default=[])

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication",
                                       "tenantpay.integrations.pos.auth.DeviceTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}

CELERY_BROKER_URL = env("REDIS_URL")
CELERY_TASK_ACKS_LATE = True

# --- Vipps MobilePay -------------------------------------------------------------------------
VIPPS_BASE_URL = env("VIPPS_BASE_URL", default="https://api.vipps.no")
# The key set the main APIs (ePayment, Recurring, Checkout, Webhooks, QR) use for tenants
# without their own keys; see tenantpay/payments/vipps/keysets.py.
VIPPS_KEYSET = env("VIPPS_KEYSET", default="partner")
# The key set the settlement reconciliation reads the Report API with.
REPORT_KEYSET = env("VIPPS_REPORT_KEYSET", default="accounting")

VIPPS_PARTNER_CLIENT_ID = env("VIPPS_PARTNER_CLIENT_ID", default="")
VIPPS_PARTNER_CLIENT_SECRET = env("VIPPS_PARTNER_CLIENT_SECRET", default="")
VIPPS_PARTNER_SUBSCRIPTION_KEY = env("VIPPS_PARTNER_SUBSCRIPTION_KEY", default="")
VIPPS_MANAGEMENT_CLIENT_ID = env("VIPPS_MANAGEMENT_CLIENT_ID", default="")
VIPPS_MANAGEMENT_CLIENT_SECRET = env("VIPPS_MANAGEMENT_CLIENT_SECRET", default="")
VIPPS_ACCOUNTING_CLIENT_ID = env("VIPPS_ACCOUNTING_CLIENT_ID", default="")
VIPPS_ACCOUNTING_CLIENT_SECRET = env("VIPPS_ACCOUNTING_CLIENT_SECRET", default="")

VIPPS_SYSTEM_NAME = "tenantpay"
VIPPS_SYSTEM_VERSION = "2.14.0"
VIPPS_PLUGIN_NAME = "tenantpay-django"
VIPPS_PLUGIN_VERSION = "2.14.0"
VIPPS_WEBHOOK_EVENTS = [
    "epayments.payment.authorized.v1",
    "epayments.payment.captured.v1",
    "epayments.payment.refunded.v1",
    "epayments.payment.cancelled.v1",
]
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default="https://app.tenantpay.example")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "tenantpay": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    },
}
