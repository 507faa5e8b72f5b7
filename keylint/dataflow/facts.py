"""Abstract values of the taint analysis.

A value's taint maps facts to the path that led to them. A fact is an origin plus the
transforms applied since:

- ("src", labels, keys, slot): concrete taint. `labels` name what the value is (user-input,
  secret, key:partner, ...); `keys` is where it sits inside a container (outermost dict key,
  attribute or tuple position "[i]" first); `slot` is the literal text right before it when it was formatted into a
  string (f-string, %, .format(), +).
- ("param", function, name), ("call", site), ("global", module, name), ("field", class, attr):
  symbolic, made concrete by the project solver; `ops` records the transforms to replay then.

Tags are labels that say where a fact holds rather than what it is: `settings:<module>` (the
fact holds in the deployment that uses that settings module) and `entry:<key>` (the fact is the
entry under that key of a dict looked up by a computed key, `KEYSETS[name]`). Keeping or dropping
labels never removes a tag, and a fact left with only tags is gone. A key-set name (`name:<text>`)
is carried like a tag by `keep`: it must reach the entries it picks (keylint/dataflow/environments.py).

Everything here is plain tuples so summaries pickle and compare cheaply.
"""

from __future__ import annotations

MAX_KEYS = 4
MAX_OPS = 8
MAX_PATH = 12
MAX_VARIANTS = 8

Step = tuple  # (path, line, note)


SETTINGS_TAG, ENTRY_TAG, NAME_LABEL = "settings:", "entry:", "name:"
CARRIED = (SETTINGS_TAG, ENTRY_TAG, NAME_LABEL)  # labels no `keep` removes: a name picks its entry wherever they meet


def tags_of(labels: frozenset) -> frozenset:
    return frozenset(label for label in labels if label.startswith((SETTINGS_TAG, ENTRY_TAG)))


def src(labels, keys: tuple = (), slot: str | None = None) -> tuple:
    return ("src", frozenset(labels), keys, slot)


def index_key(position: int) -> str:
    """The key of a tuple element: `(token, expires_in)` holds the token under "[0]"."""
    return f"[{position}]"


def is_index(key) -> bool:
    return isinstance(key, str) and key.startswith("[") and key.endswith("]")


def apply_op(origin: tuple, op: tuple) -> tuple | None:
    """`origin` after `op` for a concrete fact; None when the op proves the fact absent."""
    _, labels, keys, slot = origin
    kind = op[0]
    if kind == "push":
        keys = ((op[1],) + keys)[:MAX_KEYS]
    elif kind == "pop":
        if keys:
            if keys[0] != op[1]:
                return None
            keys = keys[1:]
    elif kind == "popany":
        keys = keys[1:]
    elif kind == "slot":
        keys, slot = (), op[1]
    elif kind == "without":  # entries under these keys (any case) are gone: a filter or an overwrite
        if keys and str(keys[0]).lower() in op[1]:
            return None
    elif kind == "at":  # element [i] of a tuple; a value not kept by position stays as it is
        if keys and is_index(keys[0]):
            if keys[0] != op[1]:
                return None
            keys = keys[1:]
    elif kind == "keyless":  # only a value that is wholly the fact, not one held in a field
        if keys:
            return None
    elif kind == "elem":  # one element of a sequence: its position is forgotten
        if keys and is_index(keys[0]):
            keys = keys[1:]
    elif kind == "scrub":  # a filter of key names: also a whole value that was a key set is gone
        if not keys or str(keys[0]).lower() in op[1]:
            return None
    elif kind == "only":  # only entries under these keys are left
        if keys and str(keys[0]).lower() not in op[1]:
            return None
    elif kind == "entry":  # the entry of a dict looked up by a computed key: its key becomes a tag
        if keys and not is_index(keys[0]):
            labels, keys = labels | {ENTRY_TAG + keys[0]}, keys[1:]
        elif keys:
            keys = keys[1:]
    elif kind == "drop":
        labels = labels - op[1]
        if labels <= tags_of(labels):
            return None
    elif kind == "add":
        labels = labels | op[1]
    elif kind == "keep":
        carried = frozenset(label for label in labels if label.startswith(CARRIED))
        labels = (labels & op[1]) | carried
        if labels <= tags_of(labels):
            return None
    return ("src", labels, keys, slot)


def compose(ops: tuple, op: tuple) -> tuple | None:
    """The op list of a symbolic fact after `op`; None when the fact cannot survive it."""
    if op[0] in ("pop", "popany") and ops and ops[-1][0] == "push":
        if op[0] == "popany" or ops[-1][1] == op[1]:
            return ops[:-1]
        return None
    if op[0] == "at" and ops and ops[-1][0] == "push":
        if not is_index(ops[-1][1]):
            return ops
        return ops[:-1] if ops[-1][1] == op[1] else None
    if op[0] == "keyless" and ops and ops[-1][0] == "push":
        return None
    if op[0] == "entry" and ops and ops[-1][0] == "push":
        key = ops[-1][1]
        return ops[:-1] if is_index(key) else ops[:-1] + (("add", frozenset([ENTRY_TAG + key])),)
    if op[0] == "elem" and ops and ops[-1][0] == "push":
        return ops[:-1] if is_index(ops[-1][1]) else ops
    if op[0] in ("without", "only", "scrub") and ops and ops[-1][0] == "push":
        inside = str(ops[-1][1]).lower() in op[1]
        return ops if inside == (op[0] == "only") else None
    if op[0] == "slot":
        while ops and ops[-1][0] == "push":
            ops = ops[:-1]
    if len(ops) >= MAX_OPS:
        return None
    return ops + (op,)


def replay(origin: tuple, ops: tuple) -> tuple | None:
    for op in ops:
        origin = apply_op(origin, op)
        if origin is None:
            return None
    return origin


def _shorter(a: tuple, b: tuple) -> bool:
    return len(a) < len(b)


def cap_path(path: tuple) -> tuple:
    if len(path) <= MAX_PATH:
        return path
    return path[:3] + path[-(MAX_PATH - 3):]


def extend(path: tuple, step: Step | None) -> tuple:
    if step is None or (path and path[-1] == step):
        return path
    return cap_path(path + (step,))


def join(*taints: dict) -> dict:
    """Union of taints; of two paths to the same fact the shorter one is kept."""
    present = [t for t in taints if t]
    if len(present) < 2:
        return present[0] if present else {}
    merged = dict(present[0])
    for taint in present[1:]:
        for key, path in taint.items():
            old = merged.get(key)
            if old is None or _shorter(path, old):
                merged[key] = path
    return merged


def merge_into(target: dict, taint: dict) -> None:
    """`join` in place: add `taint`'s facts to `target`."""
    for key, path in taint.items():
        old = target.get(key)
        if old is None or _shorter(path, old):
            target[key] = path


def transform(taint: dict, op: tuple) -> dict:
    """Apply one op (push/pop/popany/entry/slot/drop/add/keep/without/scrub/only/at/elem/keyless) to every fact of `taint`."""
    out: dict = {}
    for (origin, ops), path in taint.items():
        if origin[0] == "src":
            new_origin, new_ops = apply_op(origin, op), ops
        else:
            new_origin, new_ops = origin, compose(ops, op)
            if new_ops is None:
                new_origin = None
        if new_origin is not None:
            key = (new_origin, new_ops)
            if key not in out or _shorter(path, out[key]):
                out[key] = path
    return out


def _field_path(ops: tuple) -> tuple:
    """The leading attribute reads of a symbolic fact's ops (at most MAX_KEYS)."""
    n = 0
    while n < min(len(ops), MAX_KEYS) and ops[n][0] == "pop":
        n += 1
    return ops[:n]


def widen(taint: dict, limit: int = MAX_VARIANTS) -> dict:
    """Bound the facts per symbolic origin: past `limit` variants (different key/slot ops),
    they merge into one fact that keeps only the label ops all of them share. Sound: the merged
    fact stands for the whole value, so nothing is lost, only key precision."""
    by_origin: dict = {}
    for key in taint:
        if key[0][0] != "src":  # variants of one field (`self.tokens.keys[...]`) merge into that field
            by_origin.setdefault((key[0], _field_path(key[1])), []).append(key)
    wide = [keys for keys in by_origin.values() if len(keys) > limit]
    if not wide:
        return taint
    out = dict(taint)
    for keys in wide:
        shared = set.intersection(*(set(op for op in k[1] if op[0] in ("drop", "add", "keep")) for k in keys))
        field = _field_path(keys[0][1])
        merged_ops = field + tuple(op for op in keys[0][1][len(field):] if op in shared)
        path = min((out.pop(k) for k in keys), key=len)
        out[(keys[0][0], merged_ops)] = path
    return out


def with_step(taint: dict, step: Step | None) -> dict:
    if not taint or step is None:
        return taint
    return {key: extend(path, step) for key, path in taint.items()}


def source(labels, step: Step, evidence: Step | None = None) -> dict:
    """A concrete fact made at `step`; `evidence`, what showed it counts, goes first in its path."""
    return {(src(labels), ()): (step,) if evidence is None else (evidence, step)}


def symbol(origin: tuple) -> dict:
    return {(origin, ()): ()}


def labels_of(taint: dict) -> frozenset:
    found: set = set()
    for (origin, _), _path in taint.items():
        if origin[0] == "src":
            found |= origin[1]
    return frozenset(found)
