"""Name/value bindings: a literal string value together with the name it is bound to.

Both Python code (assignments, dict entries, keyword arguments, defaults, selected calls) and
config files (.env, YAML, JSON, TOML, INI) are reduced to these records, which the `secret`
kind then judges. The LibCST visitor that finds them in Python code is in python_bindings.py,
so that importing the records (and loading rule packs) does not import LibCST.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass


@dataclass(frozen=True)
class Binding:
    """`name` is bound to the literal `value`; the span is the value's (1-based, end exclusive)."""

    name: str
    value: str
    line: int
    column: int
    end_line: int
    end_column: int
    scope: str = ""


@dataclass(frozen=True)
class CallPair:
    """A call whose arguments pair a name with a value, e.g. os.getenv("NAME", "default")."""

    callees: tuple[str, ...]
    name_arg: int
    value_arg: int | None
    value_kwarg: str | None

    def matches(self, callee: str) -> bool:
        return any(fnmatch.fnmatchcase(callee, pattern) for pattern in self.callees)


@dataclass(frozen=True)
class Setting:
    """A name bound to a literal `value` (None: to an expression) at a span, inside `scope`."""

    name: str
    value: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    scope: tuple[str, ...] = ()

    @property
    def qualified(self) -> str:
        """The name with its section's: `partner: {client_id: ...}` gives partner_client_id."""
        return f"{self.scope[-1]}_{self.name}" if self.scope else self.name
