"""One shared copy of each equal immutable value among the data kept for many files.

The project phase keeps every summarised file's data-flow summary in memory until the scan ends,
and a summary arriving from a worker (or from the cache) is a fresh copy of everything in it:
the same labels, keys, op tuples and notes ("assigned to headers") thousands of times over. An
`Interner` replaces each string, tuple and frozenset with the first equal one it saw, so a
summary costs about half the memory. Mutable containers (dicts, lists, dataclass instances)
are never shared: they are rebuilt or updated in place around their interned contents, so no
caller sees a difference except in identity.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass


class Interner:
    """Call it on a value: the value with every equal str, tuple and frozenset inside it shared."""

    def __init__(self) -> None:
        self._seen: dict = {}

    def __call__(self, value):
        kind = type(value)
        if kind is str:
            return self._seen.setdefault(value, value)
        if kind is tuple:
            value = tuple(self(item) for item in value)
            try:
                shared = self._seen.setdefault(value, value)
            except TypeError:  # holds a dict (a call's arguments): not shareable
                return value
            return shared if all(map(_same, shared, value)) else value
        if kind is frozenset:
            if not all(type(item) is str for item in value):
                return value
            shared = self._seen.get(value)
            if shared is None:
                shared = self._seen[value] = frozenset(map(self, value))
            return shared
        if kind is dict:
            return {self(key): self(item) for key, item in value.items()}
        if kind is list:
            value[:] = [self(item) for item in value]
            return value
        if is_dataclass(value) and not isinstance(value, type):
            for name in (f.name for f in fields(value)):
                object.__setattr__(value, name, self(getattr(value, name)))
        return value


def _same(a, b) -> bool:
    """Whether an item of a shared tuple may stand for an equal item of another: not when
    equality hides a type (1 == 1.0 == True) or an unshared tuple's own contents."""
    return a is b or (type(a) is type(b) and type(a) not in (tuple, frozenset))
