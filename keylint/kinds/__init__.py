"""Rule kinds: each kind is one module that validates its YAML spec and checks parsed files.

A kind module provides SPEC_SCHEMA and DEFAULTS_SCHEMA (JSON schema fragments), FILE_KINDS
(which parsed files it looks at), merge_defaults(), compile_spec() and check(). A kind whose
hits in one file depend on other files also sets PROJECT_WIDE = True, so that diff scans
analyse every file (keylint/gitdiff.py). check() gets a FileContext (keylint/analyse.py) that
carries the project's declared key types.
"""

from keylint.kinds import secret
from keylint.kinds.spec import SpecError

KINDS = {"secret": secret}

__all__ = ["KINDS", "SpecError"]
