"""Where a module or class shows that it talks to a named service (Vipps MobilePay).

A generic name (`client_secret`, `access_token`, `Authorization`) is a Vipps key only where the
code around it shows Vipps: a Vipps host, API path or header in a string, or a Vipps name. The
reach is the innermost class that shows anything (Vipps, or a URL of another host, which makes
it another service's client), else the module. A marker another service shares (Azure's
Ocp-Apim-Subscription-Key header) counts only where nothing shows another service. Only code
counts: strings and names, never comments. The markers are data, from the rule packs' `evidence`
blocks; keylint/dataflow/scope_evidence.py finds them in a module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from keylint.core.values import elide_keys

_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/\s:?#{}]+)", re.I)


@dataclass(frozen=True)
class EvidenceSpec:
    """Markers of one service: `names` (regexes over identifiers and string literals),
    `literals` (regexes over string literals: hosts, paths, headers), `weak` (markers another
    service shares, e.g. Azure's Ocp-Apim-Subscription-Key: they count only where nothing shows
    another service), `hosts` (URL hosts of the service; a URL with any other host is foreign)
    and `foreign` (regexes over strings that show another service: its token paths)."""

    names: tuple = ()
    literals: tuple = ()
    weak: tuple = ()
    hosts: tuple = ()
    foreign: tuple = ()
    tokens: frozenset = field(default_factory=frozenset)  # lowercase substrings, one present in any marker

    def name_marker(self, text: str) -> bool:
        return any(p.search(text) for p in self.names)

    def literal_marker(self, text: str) -> bool:
        return self.name_marker(text) or any(p.search(text) for p in self.literals)

    def weak_marker(self, text: str) -> bool:
        return any(p.search(text) for p in self.weak)

    def shows_foreign(self, text: str) -> bool:
        match = _URL_HOST.match(text)
        if match is not None and not any(p.search(match.group(1)) for p in self.hosts):
            return True
        return any(p.search(text) for p in self.foreign)


def quote(text: str | None) -> str:
    if text is None:
        return "''"
    text = elide_keys(" ".join(text.split()))
    return repr(text if len(text) <= 60 else text[:59] + "…")


def compile_evidence(raw: dict | None, where: list) -> EvidenceSpec | None:
    from keylint.core.spec import compile_patterns

    if not raw:
        return None
    return EvidenceSpec(
        names=tuple(compile_patterns(list(raw.get("names", ())), [*where, "names"])),
        literals=tuple(compile_patterns(list(raw.get("literals", ())), [*where, "literals"])),
        weak=tuple(compile_patterns(list(raw.get("weak", ())), [*where, "weak"])),
        hosts=tuple(compile_patterns(list(raw.get("hosts", ())), [*where, "hosts"])),
        foreign=tuple(compile_patterns(list(raw.get("foreign", ())), [*where, "foreign"])),
        tokens=frozenset(t.lower() for t in raw.get("tokens", ())),
    )
