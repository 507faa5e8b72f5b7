# eval: vulnerable
import argparse

import requests


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--msn")
    parser.add_argument("--reference")
    args = parser.parse_args()
    headers = {**partner_headers(), "Idempotency-Key": args.reference}
    # ruleid: KL201
    headers["Merchant-Serial-Number"] = args.msn
    print(requests.post(f"{API}/epayment/v1/payments/{args.reference}/cancel", headers=headers).json())
