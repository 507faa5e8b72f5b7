# eval: vulnerable
# ReportLab: the onboarding PDF sent to the merchant prints the partner's subscription key.
from django.conf import settings
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def onboarding_pdf(merchant, path):
    c = canvas.Canvas(path, pagesize=A4)
    c.drawString(72, 800, f"Vipps MobilePay for {merchant.name} (MSN {merchant.msn})")
    # ruleid: KL301
    c.drawString(72, 780, f"Ocp-Apim-Subscription-Key: {settings.VIPPS_SUBSCRIPTION_KEY}")
    c.showPage()
    c.save()
    return path
