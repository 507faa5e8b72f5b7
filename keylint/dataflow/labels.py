"""Conditions over several labels of one request, and key types declared in the configuration.

A sink that watches a whole request (`under`, `also`, `unless` in its spec) sees the call as one
value: positional arguments as they are (the URL), keyword arguments and the receiver's
attributes under their names (`headers`, `auth`, `base_url`). A LabelTest asks for one of its
labels among the facts sitting under one of those names; "" names the URL itself (a fact not
inside any container).
"""

from __future__ import annotations

from dataclasses import dataclass

from keylint.core.values import normalise_name

KEY_LABEL = "key:{}"  # the label a key type declared in [tool.keylint.key-types] gives its names


@dataclass(frozen=True)
class LabelTest:
    labels: frozenset
    under: frozenset | None = None  # outermost keys a fact may sit under; None: anywhere

    def found(self, origin: tuple) -> bool:
        _, labels, keys, _ = origin
        return bool(labels & self.labels) and located(keys, self.under)


def located(keys: tuple, under: frozenset | None) -> bool:
    return under is None or (keys[0] if keys else "") in under


def label_test(raw: dict) -> LabelTest:
    under = raw.get("under")
    return LabelTest(frozenset(raw["labels"]), None if under is None else frozenset(under))


def holds(concrete: dict, also: tuple, unless: tuple) -> bool:
    """Every `also` test finds a fact and no `unless` test does."""
    origins = [origin for origin, _ in concrete]
    return all(any(t.found(o) for o in origins) for t in also) and not any(t.found(o) for t in unless for o in origins)


def evidence(concrete: dict, tests: tuple) -> tuple:
    """For each test, the step that introduced its nearest matching label (for the flow)."""
    steps = []
    for test in tests:
        found = [(len(path), path, origin[1] & test.labels) for (origin, _), path in concrete.items() if path and test.found(origin)]
        if found:
            _, path, labels = min(found, key=lambda f: f[:2])
            where, line, note = path[0]
            steps.append((where, line, f"{', '.join(sorted(labels))}: {note.removeprefix('source: ')}"))
    return tuple(steps)


def describe(concrete: dict, tests: tuple) -> dict:
    """Message variables from the labels the tests found: `key:partner` gives {key} = partner."""
    found: dict[str, set] = {}
    for origin, _ in concrete:
        for test in tests:
            if test.found(origin):
                for label in origin[1] & test.labels:
                    prefix, _, value = label.partition(":")
                    found.setdefault(prefix, set()).add(value or prefix)
    return {prefix: ", ".join(sorted(values)) for prefix, values in found.items()}


def declared_names(key_types) -> dict[str, frozenset]:
    """Normalised names per label from `[tool.keylint.key-types]` (NAME = TYPE); of a dotted
    name (`settings.SHOP_KEYS`) the last part is what the code reads."""
    names: dict[str, set] = {}
    for name, key_type in key_types:
        names.setdefault(KEY_LABEL.format(key_type), set()).add(normalise_name(name.rpartition(".")[2]))
    return {label: frozenset(group) for label, group in sorted(names.items())}
