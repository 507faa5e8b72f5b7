# eval: vulnerable
"""Franchise owners run this on their own till PCs: python refund.py MSN REFERENCE AMOUNT"""
import sys

import requests


def main():
    msn, reference, amount = sys.argv[1], sys.argv[2], int(sys.argv[3])
    headers = partner_headers()
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = msn
    requests.post(f"{API}/epayment/v1/payments/{reference}/refund", headers=headers, json={"modificationAmount": {"currency": "NOK", "value": amount}})


if __name__ == "__main__":
    main()
