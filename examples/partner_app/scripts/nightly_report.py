"""Nightly settlement report: yesterday's funds for every merchant that gave report consent.

Cron: 15 3 * * *  cd /srv/shophub && python scripts/nightly_report.py
"""
import configparser
import csv
import datetime as dt
import logging
import os
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from shophub import models, settings  # noqa: E402
from shophub.vipps_client import VippsClient  # noqa: E402

cfg = configparser.ConfigParser()
cfg.read(ROOT / "config" / "reporting.ini")
API = cfg["accounting"].get("api_base_url", settings.API_BASE_URL)
ACCOUNTING_CLIENT_ID = os.getenv("VIPPS_ACCOUNTING_CLIENT_ID") or cfg["accounting"]["client_id"]
ACCOUNTING_CLIENT_SECRET = os.getenv("VIPPS_ACCOUNTING_CLIENT_SECRET") or cfg["accounting"]["client_secret"]
log = logging.getLogger("nightly_report")


def accounting_token(client):
    """Specialised auth for accounting keys: Basic auth, client credentials, valid 15 minutes."""
    resp = client.post(f"{API}/miami/v1/token", auth=(ACCOUNTING_CLIENT_ID, ACCOUNTING_CLIENT_SECRET), data={"grant_type": "client_credentials"})
    resp.raise_for_status()
    return resp.json()["access_token"]


def partner_headers():
    # The ledger lookup was written first, with the partner keys the portal already had.
    token = VippsClient().access_token()
    return {"Authorization": f"Bearer {token}", "Ocp-Apim-Subscription-Key": settings.PARTNER_SUBSCRIPTION_KEY}


def ledger_id_for(client, msn):
    # ruleid: KL501
    resp = client.get(f"{API}/settlement/v1/ledgers", params={"msn": msn}, headers=partner_headers())
    resp.raise_for_status()
    items = resp.json()["items"]
    return items[0]["ledgerId"] if items else None


def funds_for_day(client, token, ledger_id, day):
    rows, cursor = [], None
    while True:
        params = {"cursor": cursor} if cursor else {}
        # ok: KL501
        resp = client.get(f"{API}/report/v2/ledgers/{ledger_id}/funds/dates/{day.isoformat()}", params=params, headers={"Authorization": f"Bearer {token}"})
        resp.raise_for_status()
        page = resp.json()
        rows.extend(page["items"])
        cursor = page.get("cursor")
        if not cursor:
            return rows


def write_csv(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["pspReference", "time", "entryType", "reference", "amount"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def main():
    logging.basicConfig(level=logging.INFO)
    day = dt.date.today() - dt.timedelta(days=cfg["report"].getint("days_back", 1))
    out_dir = Path(cfg["report"]["output_dir"])
    with httpx.Client(timeout=30) as client:
        token = accounting_token(client)
        # ruleid: KL401
        log.info("accounting token for %s: %s", day, token)
        for merchant in models.report_consenting_merchants():
            ledger_id = ledger_id_for(client, merchant.msn)
            if ledger_id is None:
                log.warning("msn %s has no ledger yet", merchant.msn)
                continue
            rows = funds_for_day(client, token, ledger_id, day)
            # ok: KL401
            log.info("msn %s ledger %s: %d rows for %s", merchant.msn, ledger_id, len(rows), day)
            write_csv(out_dir / f"{merchant.msn}-{day}.csv", rows)


if __name__ == "__main__":
    main()
