"""Quality benchmark: keylint's findings on packages that never call Vipps but look alike.

OAuth clients and servers, JWT libraries, payment SDKs, shops and Azure SDKs that send their own
`Ocp-Apim-Subscription-Key` name the same things a Vipps integration does (client_secret,
access_token, Authorization) without ever talking to Vipps, so every finding on them is a false
positive unless shown otherwise (issue 10). Pinned source archives are fetched with
`pip download --no-deps --no-binary :all:` (nothing installed) into a cache kept between runs,
unpacked, and scanned whole, tests and docs included, with `keylint scan --no-cache --format json`.
The cache is outside the repository (like bench/compare.py's trees): keylint honours the
repository's .gitignore and would skip trees kept in an ignored folder inside it.
Run from the repository root:

    python bench/quality.py                         # findings per package and rule
    python bench/quality.py -v                      # plus every finding
    python bench/quality.py --save after.json       # also write the run as JSON
    python bench/quality.py --against before.json   # and the change since a saved run
    python bench/quality.py --keylint old/bin/keylint --keylint .venv/bin/keylint   # two installs
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("KEYLINT_BENCH_CACHE")
             or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "keylint-bench" / "quality")

sys.path.insert(0, str(HERE))
from compare import measure  # noqa: E402

# (pinned requirement, why it is here). Versions checked with pip download.
PACKAGES = [
    # The packages issue 10 names.
    ("fastapi==0.163.2", "docs_src/security: an OAuth2 /token endpoint returning the app's own JWT"),
    ("django-allauth==65.21.1", "social login for Django: many providers' client_id/secret"),
    ("authlib==1.9.6", "OAuth/OIDC client and server library"),
    ("oauthlib==4.0.1", "OAuth spec implementation"),
    ("requests-oauthlib==2.0.0", "OAuth sessions for requests"),
    ("fastapi-users==15.0.5", "FastAPI login with JWT bearer transport"),
    ("flask-dance==7.1.0", "OAuth for Flask: provider blueprints"),
    ("stripe==16.1.0", "payment SDK: api_key, Authorization headers"),
    ("social-auth-core==7.0.0", "social login backends"),
    ("dj-rest-auth==7.2.0", "REST login endpoints returning JWTs"),
    ("djangorestframework-simplejwt==5.5.1", "JWT issuing for DRF"),
    # Other OAuth clients and secret stores.
    ("msal==1.39.0", "Microsoft identity client: Azure app ids (UUID client_id)"),
    ("python-keycloak==7.1.1", "Keycloak admin/OIDC client"),
    ("google-auth-oauthlib==1.5.0", "Google OAuth flows"),
    ("requests-oauth2client==1.8.0", "generic OAuth2 client"),
    ("django-oauth-toolkit==3.4.1", "OAuth2 provider for Django"),
    ("hvac==2.4.0", "HashiCorp Vault client: tokens and secrets"),
    # Payment SDKs and shops that are not Vipps.
    ("Adyen==16.0.0", "payment SDK"),
    ("mollie-api-python==4.0.0", "payment SDK"),
    ("braintree==4.48.0", "payment SDK"),
    ("paypal-server-sdk==2.4.0", "payment SDK: OAuth client credentials"),
    ("squareup==46.0.0.20260916", "payment SDK (generated, 2,800 files)"),
    ("django-payments==4.1.0", "multi-provider payments for Django shops"),
    ("dj-stripe==2.11.0", "Stripe models for Django"),
    ("django-oscar==4.2.1", "multi-merchant shop framework"),
    # Azure: sends its own Ocp-Apim-Subscription-Key, the header Vipps also uses.
    ("azure-ai-translation-text==2.0.0", "Azure SDK: AzureKeyCredentialPolicy on Ocp-Apim-Subscription-Key"),
    ("msrest==0.7.1", "Azure runtime: CognitiveServicesCredentials, a request logger that masks only Authorization"),
]


@dataclass
class Result:
    """One package scanned by one keylint: its findings, or why there are none."""

    package: str
    files: int = 0
    cpu: float = 0.0
    not_analysed: int = 0
    findings: list[dict] = field(default_factory=list)
    error: str = ""


@dataclass
class Run:
    label: str
    results: list[Result]


def fetch(requirement: str, cache: Path) -> Path:
    """The unpacked source tree of `requirement`: downloaded and unpacked once, then reused."""
    slug = requirement.replace("==", "-")
    tree = cache / "trees" / slug
    if tree.is_dir():
        return _only_child(tree)
    archives = cache / "sdists" / slug
    if not any(archives.glob("*")):
        archives.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                        requirement, "-d", str(archives)], check=True, capture_output=True, text=True)
    (archive,) = archives.iterdir()
    partial = Path(tempfile.mkdtemp(prefix=f"{slug}.", dir=cache / "sdists"))
    shutil.unpack_archive(archive, partial, **({"filter": "data"} if sys.version_info >= (3, 12) else {}))
    tree.parent.mkdir(parents=True, exist_ok=True)
    partial.rename(tree)  # only whole trees are reused
    return _only_child(tree)


def _only_child(tree: Path) -> Path:
    children = list(tree.iterdir())
    return children[0] if len(children) == 1 and children[0].is_dir() else tree


def scan(keylint: list[str], package: str, tree: Path) -> Result:
    """`keylint scan` of `tree` from its root, so paths read as in the package."""
    with tempfile.TemporaryDirectory() as tmp:
        report_path = Path(tmp) / "report.json"
        run = measure(package, [*keylint, "scan", ".", "--no-cache", "--format", "json", "-o", str(report_path)], cwd=tree,
                      ok_codes=(0, 1, 3))  # 3: a file not fully analysed; the report lists it
        if not run.error and not report_path.exists():
            run.error = "keylint wrote no report (crashed?)"
        if run.error:
            return Result(package, cpu=run.cpu, error=run.error)
        report = json.loads(report_path.read_text("utf-8"))
    findings = [{key: f[key] for key in ("rule_id", "path", "line", "message")} for f in report["findings"]]
    return Result(package, report["stats"]["files_scanned"], run.cpu, len(report["errors"]), findings)


def benchmark(keylint: list[str], requirements: list[str], cache: Path) -> Run:
    results = []
    for requirement in requirements:
        package = requirement.replace("==", " ")
        try:
            tree = fetch(requirement, cache)
        except (subprocess.CalledProcessError, OSError, ValueError) as error:
            detail = getattr(error, "stderr", "") or str(error)
            results.append(Result(package, error=f"download failed: {detail.strip().splitlines()[-1][:100]}"))
            continue
        results.append(scan(keylint, package, tree))
    return Run(" ".join(keylint), results)


def tally(run: Run) -> dict[str, Counter]:
    """Findings per package and rule."""
    return {r.package: Counter(f["rule_id"] for f in r.findings) for r in run.results}


def table(run: Run, rules: list[str]) -> list[str]:
    """The Markdown table of `run`: one row per package, a column per rule, totals last."""
    counts = tally(run)
    head = f"| {'package':<42} | {'files':>5} | {'CPU s':>6} | " + " | ".join(f"{r:>5}" for r in rules) + f" | {'total':>5} |"
    lines = [head, "|" + "|".join("-" * len(cell) for cell in head.split("|")[1:-1]) + "|"]
    for result in run.results:
        count = counts[result.package]
        if result.error:
            lines.append(f"| {result.package:<42} | {result.error} |")
            continue
        cells = " | ".join(f"{count[r] or '.':>5}" for r in rules)
        name = result.package + (f" ({result.not_analysed} not analysed)" if result.not_analysed else "")
        lines.append(f"| {name:<42} | {result.files:5} | {result.cpu:6.1f} | {cells} | {sum(count.values()):5} |")
    total = sum(counts.values(), Counter())
    files, cpu = sum(r.files for r in run.results), sum(r.cpu for r in run.results)
    cells = " | ".join(f"{total[r]:5}" for r in rules)
    lines.append(f"| {'total':<42} | {files:5} | {cpu:6.1f} | {cells} | {sum(total.values()):5} |")
    return lines


def changes(before: Run, after: Run) -> list[str]:
    """Per package and per rule: findings before, after, and the change. Rules and the total
    count only packages scanned in both runs; the others are listed with `-` for the missing run."""
    old, new = _scanned(before), _scanned(after)
    both = [p for p in new if p in old]
    lines = [f"| {'package or rule':<42} | {'before':>6} | {'after':>6} | {'change':>6} |", f"|{'-' * 44}|{'-' * 8}|{'-' * 8}|{'-' * 8}|"]
    old_rules, new_rules = sum((old[p] for p in both), Counter()), sum((new[p] for p in both), Counter())
    rows = [(p, sum(old[p].values()), sum(new[p].values())) for p in both]
    rows += [(rule, old_rules[rule], new_rules[rule]) for rule in sorted(old_rules | new_rules)]
    rows.append((f"total ({len(both)} packages)", sum(old_rules.values()), sum(new_rules.values())))
    lines += [f"| {name:<42} | {a:6} | {b:6} | {b - a:+6} |" for name, a, b in rows]
    lines += [f"| {p:<42} | {sum(old[p].values()):6} | {'-':>6} | {'-':>6} |" for p in old if p not in new]
    lines += [f"| {p:<42} | {'-':>6} | {sum(new[p].values()):6} | {'-':>6} |" for p in new if p not in old]
    return lines


def _scanned(run: Run) -> dict[str, Counter]:
    """Findings per package and rule, of the packages that were scanned."""
    counts = tally(run)
    return {r.package: counts[r.package] for r in run.results if not r.error}


def findings(run: Run) -> list[str]:
    return [f"{r.package}: {f['rule_id']} {f['path']}:{f['line']} {f['message']}" for r in run.results for f in r.findings]


def save(run: Run, path: str) -> None:
    Path(path).write_text(json.dumps({"label": run.label, "results": [asdict(r) for r in run.results]}, indent=1) + "\n", "utf-8")


def load(path: str) -> Run:
    data = json.loads(Path(path).read_text("utf-8"))
    return Run(data["label"], [Result(**r) for r in data["results"]])


def default_keylint() -> list[str]:
    """The keylint of this interpreter."""
    return [sys.executable, "-m", "keylint"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="also print every finding")
    parser.add_argument("--keylint", metavar="PATH", action="append",
                        help="keylint executable (repeatable: runs each; default: python -m keylint of this Python)")
    parser.add_argument("--against", metavar="FILE", help="a run saved with --save, shown first and compared with")
    parser.add_argument("--save", metavar="FILE", help="write the (last) run as JSON")
    parser.add_argument("--only", metavar="NAME", action="append", help="only packages whose requirement starts with NAME")
    parser.add_argument("--cache", metavar="DIR", default=str(CACHE), help=f"archives and trees (default {CACHE})")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)

    requirements = [req for req, _ in PACKAGES if not args.only or any(req.lower().startswith(o.lower()) for o in args.only)]
    runs = [load(args.against)] if args.against else []
    for keylint in args.keylint or [None]:
        found = shutil.which(keylint) if keylint else None
        if keylint and found is None:
            parser.error(f"--keylint {keylint}: not an executable")
        # Absolute: scans run from each package's root.
        runs.append(benchmark([os.path.abspath(found)] if found else default_keylint(), requirements, Path(args.cache)))
    rules = sorted(set().union(*(set(sum(tally(run).values(), Counter())) for run in runs)))
    for run in runs:
        print(f"\n## keylint: {run.label}\n")
        print("\n".join(table(run, rules)))
        if args.verbose:
            print("\n" + "\n".join(findings(run) or ["(no findings)"]))
    for later in runs[1:]:
        print(f"\n## {runs[0].label} -> {later.label}\n")
        print("\n".join(changes(runs[0], later)))
    if args.save:
        save(runs[-1], args.save)
    return 0


if __name__ == "__main__":
    sys.exit(main())
