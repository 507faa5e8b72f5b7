"""A synthetic monorepo for the benchmark: services of Python modules and config files.

Deterministic (seeded). Each service has `files_per_service` files: mostly ordinary Python
modules (models, views, utilities), about 10% payment modules that read Vipps keys from the
environment (they pass keylint's prefilter and must be parsed), about 1% with a planted
hardcoded key, and some .env/YAML/JSON/TOML config.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "order invoice customer cart product refund capture payment shipment stock price report "
    "account merchant ledger voucher receipt basket session profile address warehouse"
).split()

PLAIN = '''"""{title} helpers for the {service} service."""

import logging
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

DEFAULT_{const} = {number}


@dataclass
class {cls}:
    {a}_id: int
    {b}: str = ""
    items: list = field(default_factory=list)

    def total(self) -> int:
        return sum(item.get("amount", 0) for item in self.items)

    def describe(self) -> str:
        return f"{{self.{a}_id}}: {{self.{b}}} ({{len(self.items)}} items)"


def load_{a}(rows: list[dict]) -> list[{cls}]:
    result = []
    for row in rows:
        if not row.get("{b}"):
            logger.debug("skipping row without {b}: %s", row)
            continue
        result.append({cls}(row["id"], row["{b}"], row.get("items", [])))
    return result


def summarise_{b}(values: list[{cls}], limit: int = DEFAULT_{const}) -> dict:
    ordered = sorted(values, key=lambda v: v.total(), reverse=True)[:limit]
    return {{"count": len(values), "top": [v.describe() for v in ordered], "unit": "{c}"}}
'''

PAYMENT = '''"""Vipps MobilePay calls for the {service} service."""

import os

import requests

BASE_URL = os.environ.get("VIPPS_BASE_URL", "https://apitest.vipps.no")
CLIENT_ID = os.environ["VIPPS_CLIENT_ID"]
CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]
SUBSCRIPTION_KEY = os.environ["VIPPS_SUBSCRIPTION_KEY"]


def access_token() -> str:
    headers = {{
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY,
    }}
    response = requests.post(f"{{BASE_URL}}/accesstoken/get", headers=headers, timeout=10)
    response.raise_for_status()
    return response.json()["access_token"]


def create_{a}_payment(amount: int, reference: str, msn: str) -> dict:
    headers = {{
        "Authorization": f"Bearer {{access_token()}}",
        "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY,
        "Merchant-Serial-Number": msn,
        "Idempotency-Key": reference,
    }}
    body = {{"amount": {{"currency": "NOK", "value": amount}}, "reference": reference}}
    return requests.post(f"{{BASE_URL}}/epayment/v1/payments", json=body, headers=headers, timeout=10).json()
'''

LEAK = '''"""Quick script for the {service} service (left in the repository)."""

import requests

CLIENT_SECRET = "{secret}"
HEADERS = {{"Ocp-Apim-Subscription-Key": "{hexkey}"}}


def token():
    return requests.post("https://apitest.vipps.no/accesstoken/get", headers={{**HEADERS, "client_secret": CLIENT_SECRET}})
'''

CONFIGS = {
    "settings.yaml": "service: {service}\ndatabase:\n  host: db.internal\n  port: 5432\nfeatures:\n  {a}: true\n  {b}: false\n",
    "defaults.json": '{{"service": "{service}", "retries": 3, "{a}": {{"limit": {number}}}}}\n',
    "pyproject.toml": '[project]\nname = "{service}"\nversion = "1.0.{number}"\n\n[tool.{a}]\nlevel = "info"\n',
    ".env": "LOG_LEVEL=info\nVIPPS_CLIENT_ID=${{VIPPS_CLIENT_ID}}\nVIPPS_CLIENT_SECRET=\n",
}


def _token(rng: random.Random, alphabet: str, length: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def _fill(template: str, rng: random.Random, service: str) -> str:
    a, b, c = rng.sample(WORDS, 3)
    return template.format(
        service=service, title=a.title(), cls=a.title() + b.title(), const=c.upper(), a=a, b=b, c=c,
        number=rng.randint(1, 500),
        secret=_token(rng, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 32),
        hexkey=_token(rng, "0123456789abcdef", 32),
    )


def generate(root: Path, services: int, files_per_service: int, seed: int = 1) -> list[Path]:
    """Write the tree (if not already there) and return the service folders."""
    folders = []
    for s in range(services):
        rng = random.Random(f"{seed}:{s}")
        service = f"service_{s:02d}"
        folder = root / service
        folders.append(folder)
        marker = folder / ".complete"
        if marker.exists():
            continue
        written = 0
        for name, template in CONFIGS.items():
            _write(folder / name, _fill(template, rng, service))
            written += 1
        while written < files_per_service:
            roll = rng.random()
            template = LEAK if roll < 0.01 else PAYMENT if roll < 0.11 else PLAIN
            package = folder / service / f"pkg_{written // 50:03d}"
            if not (package / "__init__.py").exists():
                _write(package / "__init__.py", "")
                written += 1
            _write(package / f"mod_{written:04d}.py", _fill(template, rng, service))
            written += 1
        marker.write_text("")
    return folders


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
