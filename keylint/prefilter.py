"""Stage 2: a cheap textual test that rules a file out before it is parsed.

Each kind may provide `prefilter_tokens(spec) -> frozenset[str] | None`: tokens of which at
least one occurs in every file the rule can fire on (None: the kind cannot say, so every file
passes). There are two sorts of token:

- lowercase tokens, for names: matched in any case against the file's ASCII letters and digits,
  everything else dropped, so `clientSecret`, `CLIENT_SECRET`, "client-secret" and
  "client" "secret" all contain the token `clientsecret`;
- tokens with an uppercase letter, for values: matched exactly in the raw bytes, so `eyJ` (in
  every JWT) does not match `ForeignKey(Job)`. A value split across concatenated literals at
  exactly that point, or written with escapes, is not seen.

A file that no loaded rule can fire on is never decoded or parsed; it counts as scanned and
reports nothing (not even a syntax error). Project-wide phases (data-flow summaries) decide
for themselves which files they read, and every file they summarised passes this filter: a
flow may end in a module that has none of the rule's tokens.
"""

from __future__ import annotations

import string
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from keylint.discover import analysed_kind
from keylint.kinds import KINDS

_ALNUM = (string.ascii_letters + string.digits).encode()
_DROP = bytes(b for b in range(256) if b not in _ALNUM)


def fold(data: bytes) -> bytes:
    """The bytes tokens are matched against: ASCII letters and digits only."""
    return data.translate(None, _DROP)


@dataclass(frozen=True)
class Tokens:
    """Name tokens (lowercase, compared with the folded text) and exact value tokens."""

    any_case: frozenset[bytes] = frozenset()
    exact: frozenset[bytes] = frozenset()

    @classmethod
    def of(cls, tokens: frozenset[str]) -> Tokens:
        encoded = [t.encode("ascii") for t in tokens]
        names = frozenset(fold(t) for t in encoded if t.islower())  # "client-id" is looked for as "clientid"
        return cls(names, frozenset(t for t in encoded if not t.islower()))

    def __or__(self, other: Tokens) -> Tokens:
        return Tokens(self.any_case | other.any_case, self.exact | other.exact)

    def found_in(self, data: bytes, folded: bytes | None = None) -> bool:
        """Whether a token occurs in `data`; `folded` is fold(data).lower() when already made."""
        if any(token in data for token in self.exact):
            return True
        if not self.any_case:
            return False
        if folded is None:
            folded = fold(data).lower()
        return any(anchor in folded and any(t in folded for t in members) for anchor, members in anchored(self.any_case))


ANCHOR_MIN = 4
"""Shortest anchor (see `anchored`): a shorter one would occur in most files and save nothing."""


@lru_cache(maxsize=32)
def anchored(tokens: frozenset) -> tuple[tuple, ...]:
    """The tokens (str or bytes) in groups, each under an anchor: a substring that every token
    of the group contains (`client` for client_id, clientsecret, ...), or the token itself. A
    text without the anchor holds none of them, and most files hold no token: they are
    searched for the anchors only (the project phase's search and the prefilter's)."""
    left = set(tokens)
    groups = []
    while left:
        counts = Counter(sub for t in left for sub in {t[i:j] for i in range(len(t)) for j in range(i + ANCHOR_MIN, len(t) + 1)})
        best = max(counts.items(), key=lambda item: (item[1], len(item[0]), item[0]), default=None)
        if best is None or best[1] < 2:
            break
        members = tuple(sorted(t for t in left if best[0] in t))
        left.difference_update(members)
        groups.append((best[0], members))
    return tuple(groups) + tuple((t, (t,)) for t in sorted(left))


def rule_tokens(rule) -> Tokens | None:
    """Tokens one of which must occur for `rule` to fire, or None if the rule cannot say."""
    hook = getattr(KINDS[rule.kind], "prefilter_tokens", None)
    tokens = hook(rule.spec) if hook is not None else None
    return None if tokens is None else _tokens_of(frozenset(tokens))


@lru_cache(maxsize=None)
def _tokens_of(tokens: frozenset[str]) -> Tokens:
    return Tokens.of(tokens)


@dataclass(frozen=True)
class Prefilter:
    """Per file kind (python, env, ...): the tokens of all rules that look at that kind.

    A kind absent from `tokens` has no rule at all; None means some rule cannot prefilter.
    """

    tokens: dict[str, Tokens | None]
    always: frozenset[str] = frozenset()  # files a project phase summarised: flows may end in them

    def may_match(self, file_kind: str, data: bytes, rel_path: str = "") -> bool:
        if rel_path in self.always:
            return True
        file_kind = analysed_kind(file_kind)
        if file_kind not in self.tokens:
            return False
        tokens = self.tokens[file_kind]
        return tokens is None or tokens.found_in(data)


def build(rules: list, always: frozenset[str] | None = None) -> Prefilter:
    """The prefilter of `rules`; files in `always` pass whatever they contain.

    `always` is given after a project phase: it holds every file a project-wide kind (data
    flow) summarised, and such a kind finds nothing in any other file, so its own tokens are
    not needed then.
    """
    tokens: dict[str, Tokens | None] = {}
    for rule in rules:
        project_wide = getattr(KINDS[rule.kind], "PROJECT_WIDE", False)
        own = Tokens() if always is not None and project_wide else rule_tokens(rule)
        for file_kind in KINDS[rule.kind].FILE_KINDS:
            known = tokens.get(file_kind, Tokens())
            tokens[file_kind] = None if own is None or known is None else known | own
    return Prefilter(tokens, frozenset(always or ()))
