"""Two keylint installs side by side on the issue-14 rows, alternating in the same run (the machine
is shared and noisy: only numbers from one run compare). Prints the lowest CPU seconds (user + sys,
children included) of the rounds per row and install, with ruff's S105-S107 on Django.

    python bench/versus.py before=/venv-a/bin/keylint after=/venv-b/bin/keylint --django DIR --ruff PATH
"""
import argparse
import os
import resource
import shutil
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("installs", nargs="+", metavar="NAME=KEYLINT")
parser.add_argument("--django", required=True, metavar="DIR", help="unpacked Django sources (bench/compare.py --fetch-django)")
parser.add_argument("--ruff", default=shutil.which("ruff") or "ruff", metavar="PATH")
parser.add_argument("--rounds", type=int, default=2)
args = parser.parse_args()
exes = dict(a.split("=", 1) for a in args.installs)
rounds = args.rounds
D = args.django
APP = str(REPO / "examples" / "partner_app")
REF = str(REPO / "bench" / "reference.py")
RUFF = args.ruff
env0 = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
auth = sorted(os.path.join(D, "django/contrib/auth", f) for f in os.listdir(os.path.join(D, "django/contrib/auth")) if f.endswith(".py"))[:5]
app5 = sorted(os.path.join(r, f) for r, _, fs in os.walk(APP) for f in fs if f.endswith(".py"))[:5]
rows = defaultdict(list)

def cpu(cmd, env, ok=(0, 1, 3)):
    s = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    e = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert r.returncode in ok, (cmd, r.returncode, r.stderr[-300:])
    return e.ru_utime + e.ru_stime - s.ru_utime - s.ru_stime

for rnd in range(rounds):
    rows["ruff S105-S107 Django"].append(("ruff", cpu([RUFF, "check", "--no-cache", "--select", "S105,S106,S107", "--exit-zero", "-q", D], env0)))
    for name, exe in exes.items():
        cache = tempfile.mkdtemp(); env = {**env0, "KEYLINT_CACHE_DIR": cache}
        rows["Django cold (empty cache)"].append((name, cpu([exe, "scan", D, "-q"], env)))
        rows["Django no change"].append((name, cpu([exe, "scan", D, "-q"], env)))
        for label, f in (("Django 1 edit, prefiltered", "django/db/models/query.py"), ("Django 1 edit, key name", "django/template/defaulttags.py")):
            path = os.path.join(D, f); orig = open(path, "rb").read()
            try:
                open(path, "ab").write(b"\n# benchmark edit\n")
                rows[label].append((name, cpu([exe, "scan", D, "-q"], env)))
            finally:
                open(path, "wb").write(orig)
            cpu([exe, "scan", D, "-q"], env)
        shutil.rmtree(cache)
        for label, files in (("pre-commit 5 Django files", auth), ("pre-commit 5 example-app files", app5)):
            cache = tempfile.mkdtemp(); env = {**env0, "KEYLINT_CACHE_DIR": cache}
            cpu([exe, "scan", REF, "-q"], env)
            rows[label].append((name, cpu([exe, "scan", *files, "-q"], env)))
            shutil.rmtree(cache)
        rows["--version"].append((name, cpu([exe, "--version"], env0)))
        rows["example app cold (--no-cache)"].append((name, cpu([exe, "scan", "--no-cache", APP, "-q"], env0)))
        rows["tenantpay cold (--no-cache)"].append((name, cpu([exe, "scan", "--no-cache", str(REPO / "tests" / "eval" / "apps" / "tenantpay"), "-q"], env0)))
names = ["ruff"] + list(exes)
print("| row | " + " | ".join(names) + " |")
print("|---|" + "---|" * len(names))
for row, vals in rows.items():
    best = {n: min((v for m, v in vals if m == n), default=None) for n in names}
    print(f"| {row} | " + " | ".join("" if best[n] is None else f"{best[n]:.3f}" for n in names) + " |")
