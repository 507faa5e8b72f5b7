"""Prefilter tokens: words one of which a file must hold for a rule to fire.

Lowercase tokens (names) are matched in any case against a file's ASCII letters and digits only
(fold); tokens with an uppercase letter (values) are matched exactly. The prefilter stage
(keylint/pipeline/prefilter.py) explains why; kinds use the same test on a parsed file's text.
"""

from __future__ import annotations

import string
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

_ALNUM = (string.ascii_letters + string.digits).encode()
_DROP = bytes(b for b in range(256) if b not in _ALNUM)
_LOWER = bytes.maketrans(string.ascii_uppercase.encode(), string.ascii_lowercase.encode())


def fold(data: bytes) -> bytes:
    """The bytes name tokens are matched against: ASCII letters (lowercased) and digits only,
    in one pass."""
    return data.translate(_LOWER, _DROP)


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
        """Whether a token occurs in `data`; `folded` is fold(data) when already made."""
        if any(token in data for token in self.exact):
            return True
        if not self.any_case:
            return False
        if folded is None:
            folded = fold(data)
        return any(anchor in folded and any(t in folded for t in members) for anchor, members in anchored(self.any_case))


@lru_cache(maxsize=None)
def tokens_of(tokens: frozenset[str]) -> Tokens:
    return Tokens.of(tokens)


def tokens_in(text: str, tokens: frozenset[str]) -> frozenset[str]:
    """The tokens (lowercase substrings) that occur in `text`, in any case."""
    lowered = text.lower()
    found = []
    for anchor, members in anchored(tokens):
        if anchor in lowered:
            found.extend(t for t in members if t in lowered)
    return frozenset(found)


ANCHOR_MIN = 4
"""Shortest anchor (see `anchored`): a shorter one would occur in most files and save nothing;
except one with a slash (`/v`, in every API path token), rare in code outside URLs and paths."""


def _may_anchor(sub) -> bool:
    return len(sub) >= ANCHOR_MIN or (len(sub) >= 2 and (b"/" if isinstance(sub, bytes) else "/") in sub)


@lru_cache(maxsize=32)
def anchored(tokens: frozenset) -> tuple[tuple, ...]:
    """The tokens (str or bytes) in groups, each under an anchor: a substring that every token
    of the group contains (`client` for client_id, clientsecret, ...), or the token itself. A
    text without the anchor holds none of them, and most files hold no token: they are
    searched for the anchors only (the project phase's search and the prefilter's)."""
    subs = {t: {t[i:j] for i in range(len(t)) for j in range(i + 2, len(t) + 1)} for t in tokens}
    counts = Counter(sub for t in tokens for sub in subs[t])
    shared = {sub: n for sub, n in counts.items() if n >= 2 and _may_anchor(sub)}  # an anchor holds 2 tokens or more
    left = set(tokens)
    groups = []
    while shared:  # greedy: the anchor of the most tokens left (then the longest), counts kept as tokens go
        anchor = max(shared, key=lambda sub: (shared[sub], len(sub), sub))
        members = tuple(sorted(t for t in left if anchor in t))
        left.difference_update(members)
        for token in members:
            for sub in subs[token]:
                if sub in shared:
                    shared[sub] -= 1
                    if shared[sub] < 2:
                        del shared[sub]
        groups.append((anchor, members))
    return tuple(groups) + tuple((t, (t,)) for t in sorted(left))
