"""Deployments and names: what a setting holds in each environment, and dict entries chosen by name.

A project's settings object (`django.conf.settings`, a model in rules/models/config.yaml) reads
the settings module of the deployment it runs in. A project often has one per environment
(`settings/base.py`, `settings/prod.py` that star-imports base and overrides a few names,
`settings/test.py`, ...). `settings.REPORT_KEYSET` is therefore a different value in each: every
settings module is a deployment, and the value it gives is tagged `settings:<module>`. A rule
that needs several facts at once (partner keys *and* the test host) holds only when they can
meet in one deployment (`worlds`).

A dict looked up by a computed key (`KEYSETS[name]`, see the `entry` op in facts.py) holds the
entries tagged with their keys; when the key is a string the rules name (a `name:<text>` label,
e.g. the literal "partner" set in prod settings), only the named entries are left (`select`), in
the deployments that name them.
"""

from __future__ import annotations

from keylint.dataflow import facts as F
from keylint.dataflow.facts import ENTRY_TAG, NAME_LABEL, SETTINGS_TAG

MAX_STAR_DEPTH = 6


def _deployments(labels: frozenset) -> frozenset:
    return frozenset(label for label in labels if label.startswith(SETTINGS_TAG))


def tag(value: dict, module: str) -> dict:
    """`value` as it holds in the deployment of the settings module `module`."""
    return F.transform(value, ("add", frozenset([SETTINGS_TAG + module])))


def setting(modules: dict, gval: dict, module: str, name: str, depth: int = 0):
    """What `module` binds `name` to (concrete), following its star imports (`from .base import *`);
    None when neither it nor what it star-imports assigns the name."""
    summary = modules.get(module)
    if summary is None or depth > MAX_STAR_DEPTH:
        return None
    if name in summary.settings_names:
        return gval.get((module, name), {})
    for star in summary.star_imports:
        found = setting(modules, gval, star, name, depth + 1)
        if found is not None:
            return found
    return None


def select(taint: dict) -> dict:
    """Entries of a dict looked up by name (`entry:<key>` tags) narrowed to the names the value
    itself carries (`name:<key>` facts not inside the dict): each kept entry holds in the deployments
    that name it, with the step that set the name in its flow. Unchanged when either is missing."""
    selectors = [
        (label.removeprefix(NAME_LABEL), _deployments(origin[1]), path)
        for (origin, _), path in taint.items()
        if origin[0] == "src" and not any(l.startswith(ENTRY_TAG) for l in origin[1])
        for label in origin[1] if label.startswith(NAME_LABEL)
    ]
    if not selectors or not any(origin[0] == "src" and any(l.startswith(ENTRY_TAG) for l in origin[1]) for origin, _ in taint):
        return taint
    out: dict = {}
    for (origin, ops), path in taint.items():
        entries = {label for label in origin[1] if label.startswith(ENTRY_TAG)} if origin[0] == "src" else ()
        if not entries:
            F.merge_into(out, {(origin, ops): path})
            continue
        _, labels, keys, slot = origin
        own = _deployments(labels)
        for name, where, named_at in selectors:
            if ENTRY_TAG + name not in entries or (own and where and own != where):
                continue
            chosen = ("src", (labels - entries) | where, keys, slot)
            step = (*named_at[0][:2], f"chooses the {name!r} entry")
            F.merge_into(out, {(chosen, ops): F.extend(path, step)})
    return out


def worlds(concrete: dict) -> list:
    """The facts one deployment sees, per deployment the facts name: untagged facts hold in all."""
    names = sorted({label for origin, _ in concrete for label in _deployments(origin[1])})
    if not names:
        return [concrete]
    return [{key: path for key, path in concrete.items() if not _deployments(key[0][1]) or name in key[0][1]}
            for name in names]
