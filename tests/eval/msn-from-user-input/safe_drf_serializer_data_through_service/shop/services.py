"""Captures, for the API and the back office."""
from shop.vipps import EPaymentClient


class CaptureService:
    def __init__(self, client=None):
        self.client = client or EPaymentClient()

    def capture(self, reference, amount, *, msn):
        return self.client.capture(reference, {"currency": "NOK", "value": amount}, msn=msn)
