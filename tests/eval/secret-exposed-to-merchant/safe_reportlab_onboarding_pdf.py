# eval: safe
# ReportLab: the onboarding PDF prints the MSN and the key's masked form.
from django.conf import settings
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def onboarding_pdf(merchant, path):
    c = canvas.Canvas(path, pagesize=A4)
    c.drawString(72, 800, f"Vipps MobilePay for {merchant.name} (MSN {merchant.msn})")
    c.drawString(72, 780, f"Ocp-Apim-Subscription-Key: {mask_secret(settings.VIPPS_SUBSCRIPTION_KEY)}")
    c.showPage()
    c.save()
    return path
