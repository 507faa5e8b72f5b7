# eval: safe
import requests


def nightly():
    for merchant in Merchant.objects.filter(report_consent=True):
        r = requests.get(f"{API}/settlement/v1/ledgers", params={"msn": merchant.msn}, headers=accounting_headers())
        save_ledgers(merchant, r.json())
