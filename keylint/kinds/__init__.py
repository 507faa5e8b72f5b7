"""Rule kinds: each kind is one module that validates its YAML spec and checks parsed files.

A kind module provides SPEC_SCHEMA and DEFAULTS_SCHEMA (JSON schema fragments), FILE_KINDS
(which parsed files it looks at), merge_defaults(), compile_spec() and check().
"""

from keylint.kinds import secret
from keylint.kinds.spec import SpecError

KINDS = {"secret": secret}

__all__ = ["KINDS", "SpecError"]
