"""Judging literal values: entropy, placeholder-like shapes, and redaction.

The patterns that say what a placeholder looks like are data in the rule packs; this module
holds only the numeric heuristics and the one redaction format every output uses.
"""

from __future__ import annotations

import math
import re
from collections import Counter

_SEPARATORS = re.compile(r"[^0-9A-Za-z]")


def shannon_entropy(value: str) -> float:
    """Bits per character of the value's own character distribution."""
    if not value:
        return 0.0
    counts = Counter(value)
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def sequential_ratio(value: str) -> float:
    """Share of neighbouring characters that repeat or count up by one ("aaaa", "1234", "abcd")."""
    chars = _SEPARATORS.sub("", value).lower()
    if len(chars) < 2:
        return 1.0
    steps = sum(1 for a, b in zip(chars, chars[1:]) if ord(b) - ord(a) in (0, 1))
    return steps / (len(chars) - 1)


def redact(value: str) -> str:
    """The form a secret takes in every output: first four characters and its length."""
    return f"'{value[:4]}…' ({len(value)} chars)"


def redact_inline(value: str) -> str:
    """The form a secret takes inside a quoted snippet of source."""
    return f"{value[:4]}…({len(value)} chars)"


_STRING_LITERAL = re.compile(r"""(["'])((?:\\.|(?!\1).)*)\1""")
_KEY_RUN = re.compile(r"[A-Za-z0-9+/=_.~-]{16,}")
_HEX = frozenset("0123456789abcdefABCDEF-")


def looks_like_key(run: str) -> bool:
    """A run of 16+ key characters is a key, token or id when it has digits and letters in mixed
    case (base64, JWTs) or is hexadecimal (subscription keys, UUIDs); paths and names are neither."""
    if not any(c.isdigit() for c in run) or not any(c.isalpha() for c in run):
        return False
    return (any(c.isupper() for c in run) and any(c.islower() for c in run)) or set(run) <= _HEX


def redact_code(code: str) -> str:
    """Source text (one line) with every key-like run inside its string literals redacted as in
    snippets: for the excerpts of code that data-flow notes quote, whatever the rules detected."""

    def literal(match: re.Match) -> str:
        inside = _KEY_RUN.sub(lambda run: redact_inline(run[0]) if looks_like_key(run[0]) else run[0], match[2])
        return match[1] + inside + match[1]

    return _STRING_LITERAL.sub(literal, code)


def show(value: str, redacted: bool) -> str:
    return redact(value) if redacted else repr(value)


_KEYLIKE = re.compile(r"(?=[A-Za-z0-9+=_.~-]*[0-9])[A-Za-z0-9+=_~-][A-Za-z0-9+=_.~-]{15,}")


def elide_keys(text: str) -> str:
    """`text` with every run that could be a key (16+ key characters with a digit) replaced by …,
    for quoting code that keylint did not judge (evidence, notes)."""
    return _KEYLIKE.sub("…", text)


def normalise_name(name: str) -> str:
    """`clientSecret`, `Client-Secret`, `CLIENT_SECRET` all become `client_secret`."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^a-z0-9]+", "_", spaced.lower()).strip("_")
