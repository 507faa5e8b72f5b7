"""Rule kinds: each kind is one module that validates its YAML spec and checks parsed files.

A kind module provides SPEC_SCHEMA and DEFAULTS_SCHEMA (JSON schema fragments), FILE_KINDS
(which parsed files it looks at), merge_defaults(), compile_spec() and check(). A kind may
provide prefilter_tokens(spec): lowercase substrings of which a file must contain one for the
rule to matter (None: no prefilter). Kinds that look across files also provide project_tokens(spec),
relevant(found_tokens, rules), summarise(parsed, rules, key_types), exports(summary),
build_index(summaries, rule_ids) and wanted(index) for the project phase (keylint/pipeline/project.py), and
set PROJECT_WIDE = True, so that diff scans analyse every file (keylint/pipeline/gitdiff.py). check() gets a
FileContext (keylint/pipeline/analyse.py) that carries the project index and the declared key types.

A kind's module is imported when first used: what the pipeline needs to know before it parses a
file is in each rule's Screen (keylint/rules/packs.py), so a scan that parses nothing never
loads the kinds and their engines (a fifth of a pre-commit run's start-up).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import import_module

from keylint.core.spec import SpecError

NAMES = ("pairing", "secret", "taint", "template")


class _Kinds(Mapping):
    """name -> kind module, imported on first access."""

    def __getitem__(self, name: str):
        if name not in NAMES:
            raise KeyError(name)
        return import_module(f"{__name__}.{name}")

    def __iter__(self):
        return iter(NAMES)

    def __len__(self) -> int:
        return len(NAMES)


KINDS = _Kinds()


@dataclass(frozen=True)
class NoIndex:
    """A project-phase kind's index when none of its rules is in play (no Vipps evidence in any
    file): nothing is summarised or solved, and neither the kind's engine nor LibCST is loaded."""

    summaries: dict = field(default_factory=dict)
    rule_ids: frozenset = frozenset()


def load_engines(rules: list) -> None:
    """Load the kinds and compiled specs of `rules` now, in this process: before workers fork,
    so that they share them instead of each loading its own."""
    for rule in rules:
        _ = KINDS[rule.kind], rule.spec


__all__ = ["KINDS", "NAMES", "NoIndex", "SpecError", "load_engines"]
