"""Rule kinds: each kind is one module that validates its YAML spec and checks parsed files.

A kind module provides SPEC_SCHEMA and DEFAULTS_SCHEMA (JSON schema fragments), FILE_KINDS
(which parsed files it looks at), merge_defaults(), compile_spec() and check(). A kind may
provide prefilter_tokens(spec): lowercase substrings of which a file must contain one for the
rule to matter (None: no prefilter). Kinds that look across files also provide project_tokens(rule),
relevant(found_tokens, rules), summarise(parsed, rules, key_types), exports(summary),
build_index(summaries, rule_ids) and wanted(index) for the project phase (keylint/pipeline/project.py), and
set PROJECT_WIDE = True, so that diff scans analyse every file (keylint/pipeline/gitdiff.py). check() gets a
FileContext (keylint/pipeline/analyse.py) that carries the project index and the declared key types.
"""

from keylint.core.spec import SpecError
from keylint.rules.kinds import pairing, secret, taint, template

KINDS = {"pairing": pairing, "secret": secret, "taint": taint, "template": template}

__all__ = ["KINDS", "SpecError"]
