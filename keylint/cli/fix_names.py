"""What `keylint fix` names things: the environment variable for a key, a test's fake value.

Shared by the fix driver (keylint/cli/fix.py) and its Python codemod (fix_python.py).
"""

from __future__ import annotations

import re

from keylint.core.values import normalise_name

_QUALIFIER = re.compile(r"(?:^|_)(partner|accounting|management|merchant)(?:_|$)")
GETENV_CALLS = frozenset({"os.getenv", "getenv", "os.environ.get", "environ.get"})


def env_name(rule, finding, config: bool = False) -> str:
    """The conventional variable for the key of a finding (a qualifier of its name, or of its
    section in a config file, kept: VIPPS_MANAGEMENT_CLIENT_ID)."""
    base = rule.autofix["env"]
    qualifier = _QUALIFIER.search(normalise_name(binding_name(finding) + (f"_{finding.scope}" if config else "")))
    if qualifier and qualifier.group(1).upper() not in base:
        return base.replace("VIPPS_", f"VIPPS_{qualifier.group(1).upper()}_", 1)
    return base


def binding_name(finding) -> str:
    """The name a secret-kind finding's value is bound to (its match key is `name=redacted`)."""
    return finding.match_key.split("=", 1)[0]


def fake_value(name: str) -> str:
    """What a key in a test becomes: a value every rule takes for a placeholder."""
    return "fake-" + normalise_name(name).replace("_", "-")
