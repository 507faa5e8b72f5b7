"""One shared copy of each equal immutable value among the data kept for many files.

The project phase keeps every summarised file's data-flow summary in memory until the scan ends,
and a summary arriving from a worker (or from the cache) is a fresh copy of everything in it:
the same labels, keys, op tuples and notes ("assigned to headers") thousands of times over. An
`Interner` replaces each string, tuple and frozenset with the first equal one it saw, so a
summary costs about half the memory. Lists and dataclass instances are never shared: they are
updated in place around their interned contents. Dicts are rebuilt, and within one value the
dicts that hold the same keys and values in the same order are one dict: a summary's equal
taints (the several rules' sinks at one call, a call's result) are read, never changed, once it
is made. Across values dicts stay apart (a file's facts dict is its own).

What only one file can hold (its path, its module's names, the flow steps at its lines) is
shared within that file but not remembered for the others: the table would keep it for nothing.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from functools import lru_cache


class Interner:
    """Call it on a value: the value with every equal str, tuple and frozenset inside it shared."""

    def __init__(self) -> None:
        self._seen: dict = {}  # shared across calls
        self._here: dict = {}  # shared within one call: values that hold a `local` string
        self._local: tuple[str, ...] = ()
        self._done: dict = {}  # id -> (result, original) of the containers already shared in this call
        self._dicts: dict = {}  # the ids of its items, in order -> the dict, within this call

    def __call__(self, value, local: tuple[str, ...] = ()):
        """`value` with its equal parts shared; `local`: prefixes of the strings that belong to
        this value alone (a file's path and module name)."""
        self._local, self._here, self._done, self._dicts = local, {}, {}, {}
        try:
            return self._share(value)[0]
        finally:
            self._here, self._done, self._dicts = {}, {}, {}

    def _share(self, value) -> tuple[object, bool]:
        """(the shared value, whether it may be remembered for other calls)."""
        kind = type(value)
        if kind is str:
            here = bool(self._local) and value.startswith(self._local)
            return (self._here if here else self._seen).setdefault(value, value), not here
        if kind in _SCALARS:
            return value, True
        done = self._done.get(id(value))  # reached before in this value (a pickle keeps such sharing)
        if done is None:
            done = self._done[id(value)] = (self._container(kind, value), value)  # holds value: its id stays its own
        return done[0]

    def _container(self, kind: type, value) -> tuple[object, bool]:
        if kind is tuple:
            items = [self._share(item) for item in value]
            value = tuple(item for item, _ in items)
            table = self._seen if all(lasting for _, lasting in items) else self._here
            try:
                shared = table.setdefault(value, value)
            except TypeError:  # holds a dict (a call's arguments): not shareable
                return value, False
            return (shared, table is self._seen) if all(map(_same, shared, value)) else (value, False)
        if kind is frozenset:
            if not all(type(item) is str for item in value):
                return value, False
            shared = self._seen.get(value)
            if shared is None:
                shared = self._seen[value] = frozenset(self._share(item)[0] for item in value)
            return shared, True
        if kind is dict:  # its items are shared by now: equal ones are the same objects (held by the dict)
            value = {self._share(key)[0]: self._share(item)[0] for key, item in value.items()}
            return self._dicts.setdefault(tuple(id(part) for item in value.items() for part in item), value), False
        if kind is list:
            value[:] = [self._share(item)[0] for item in value]
            return value, False
        names = _fields_of(kind)
        for name in names:
            object.__setattr__(value, name, self._share(getattr(value, name))[0])
        return value, not names


@lru_cache(maxsize=None)
def _fields_of(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass (shared in place), else () (kept as it is)."""
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else ()


_SCALARS = frozenset({int, float, bool, type(None), bytes})


def _same(a, b) -> bool:
    """Whether an item of a shared tuple may stand for an equal item of another: not when
    equality hides a type (1 == 1.0 == True) or an unshared tuple's own contents."""
    return a is b or (type(a) is type(b) and type(a) not in (tuple, frozenset))
