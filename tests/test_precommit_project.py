"""The `keylint-project` hook, run by the real `pre-commit` from a local repository configuration
built from this repository's hook manifest: it follows a value from a staged file into an
unchanged one, which the file-list `keylint` hook cannot see."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from tests.conftest import REPO
from tests.test_precommit import PRE_COMMIT, git, new_repository
VIPPS = '''\
import requests

API = "https://api.vipps.no"


def sales_unit_headers(msn):
    headers = {"Authorization": "Bearer token"}
    headers["Merchant-Serial-Number"] = msn
    return headers


def capture(msn, reference, amount):
    return requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=sales_unit_headers(msn), json=amount)
'''
VIEWS = '''\
from flask import Blueprint, request

from shop.vipps import capture

bp = Blueprint("orders", __name__)


@bp.post("/orders/<reference>/capture")
def capture_order(reference):
    return capture(request.form["msn"], reference, {"value": 100, "currency": "NOK"})
'''


@pytest.fixture
def shop(tmp_path):
    path, env = new_repository(tmp_path, "shop-repo")
    (path / "shop").mkdir()
    # The manifest's hooks as a local repository: pre-commit installs keylint from this checkout.
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    config = {"repos": [{"repo": "local", "hooks": [{**hook, "additional_dependencies": [str(REPO)]} for hook in hooks]}]}
    (path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    installed = subprocess.run([PRE_COMMIT, "install"], cwd=path, env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return path, env


def test_project_hook_blocks_a_cross_file_msn_flow_the_file_hook_misses(shop):
    path, env = shop
    (path / "shop" / "__init__.py").write_text("")
    (path / "shop" / "vipps.py").write_text(VIPPS)
    git(path, "add", "-A", env=env)
    first = git(path, "commit", "-qm", "client", env=env)  # no HEAD yet: the project hook diffs against nothing
    assert first.returncode == 0, first.stdout + first.stderr
    assert any(line.startswith("keylint-project") and line.endswith("Passed") for line in (first.stdout + first.stderr).splitlines())

    (path / "shop" / "views.py").write_text(VIEWS)
    git(path, "add", "shop/views.py", env=env)
    blocked = git(path, "commit", "-qm", "capture view", env=env)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, shown
    lines = shown.splitlines()
    assert any(line.startswith("keylint (Vipps") and line.endswith("Passed") for line in lines), shown
    assert any(line.startswith("keylint-project") and line.endswith("Failed") for line in lines), shown
    assert "shop/vipps.py:8:5: KL201" in shown and "shop/views.py:10: source: request.form" in shown
    assert "What now:" in shown and "# keylint: ignore[KL201] -- why it is safe" in shown
    assert git(path, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "1"
