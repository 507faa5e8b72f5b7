"""A synthetic monorepo for the benchmark: services of Python modules and config files.

Deterministic (seeded). Each service has `files_per_service` files: mostly ordinary Python
modules (models, views, utilities), about 10% payment modules that read Vipps keys from the
environment (they pass keylint's prefilter and must be parsed), about 1% with a planted
hardcoded key, and some .env/YAML/JSON/TOML config. `big_file` writes one long module of the
same templates (the single-file scaling test).

    python bench/synth.py --files 20000 --out DIR      # services of 1,000 files each
    python bench/synth.py --big-file 100000 --out DIR  # DIR/big_module.py, about that many lines
"""

from __future__ import annotations

import argparse
import random
import sys
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


def big_file(path: Path, lines: int, seed: int = 1) -> Path:
    """One module of about `lines` lines: plain and (one in ten) payment templates, each block's
    names made unique so that the file stays valid Python with distinct definitions."""
    if path.exists() and path.read_text("utf-8").count("\n") >= lines:
        return path
    rng = random.Random(f"{seed}:big")
    blocks, written = [], 0
    while written < lines:
        template = PAYMENT if rng.random() < 0.1 else PLAIN
        text = _fill(template, rng, "big").replace("def ", f"def b{len(blocks)}_").replace("class ", f"class B{len(blocks)}")
        blocks.append(text)
        written += text.count("\n")
    _write(path, "\n\n".join(blocks))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="folder to write into (reused if complete)")
    parser.add_argument("--files", type=int, help="files in the tree (a multiple of --per-service)")
    parser.add_argument("--per-service", type=int, default=1000, help="files per service folder")
    parser.add_argument("--big-file", type=int, metavar="LINES", help="write OUT/big_module.py of about LINES lines")
    args = parser.parse_args(argv)
    if args.files is None and args.big_file is None:
        parser.error("give --files N, --big-file LINES or both")
    if args.files is not None:
        services = max(1, args.files // args.per_service)
        print(f"{services * args.per_service} files in {args.out}")
        generate(args.out, services, args.per_service)
    if args.big_file is not None:
        print(big_file(args.out / "big_module.py", args.big_file))
    return 0


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


if __name__ == "__main__":
    sys.exit(main())
