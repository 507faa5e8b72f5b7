from django import forms

from tenantpay.merchants.models import SalesUnit, VippsCredentials


class OwnKeysForm(forms.ModelForm):
    class Meta:
        model = VippsCredentials
        fields = ["client_id", "client_secret", "subscription_key"]
        widgets = {"client_secret": forms.PasswordInput(render_value=False)}


class SalesUnitNameForm(forms.ModelForm):
    class Meta:
        model = SalesUnit
        fields = ["name"]


class QrForm(forms.Form):
    msn = forms.CharField(max_length=7)
    redirect_url = forms.URLField()
    qr_id = forms.SlugField(max_length=64)
