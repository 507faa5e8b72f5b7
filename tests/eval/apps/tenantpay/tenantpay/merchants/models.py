"""Merchants (our tenants), their Vipps MobilePay sales units and who may act for them."""
from django.conf import settings
from django.db import models
from fernet_fields import EncryptedCharField


class Merchant(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    org_number = models.CharField(max_length=9)
    contact_email = models.EmailField()
    # A merchant may bring its own Vipps MobilePay keys ("own keys") instead of going through
    # our partner keys; small webshops that moved to us from a plugin usually do.
    uses_own_keys = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name

    @property
    def primary_sales_unit(self):
        return self.sales_units.filter(primary=True).first()


class VippsCredentials(models.Model):
    """The merchant's own key set, encrypted at rest."""

    merchant = models.OneToOneField(Merchant, on_delete=models.CASCADE, related_name="vipps_credentials")
    client_id = EncryptedCharField(max_length=64)
    client_secret = EncryptedCharField(max_length=128)
    subscription_key = EncryptedCharField(max_length=64)
    updated = models.DateTimeField(auto_now=True)


class SalesUnit(models.Model):
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="sales_units")
    msn = models.CharField("Merchant Serial Number", max_length=7, unique=True)
    name = models.CharField(max_length=100)
    primary = models.BooleanField(default=False)
    ledger_id = models.CharField(max_length=20, blank=True)
    report_consent = models.BooleanField(default=False)

    def __str__(self):
        return f"{self.name} ({self.msn})"


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=[("owner", "Owner"), ("staff", "Staff")])
    active = models.BooleanField(default=True)
