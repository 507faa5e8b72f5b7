"""The log codemod of `keylint fix` (LibCST): the part of a log call that carries a key becomes
"<redacted>", so the record keeps its message and loses the key.

A taint finding says which call writes a key (its span) but not which argument carries it, so
the analysis itself is asked: the call's message is split into parts (`%` arguments, f-string
fields, `.format` arguments, `+` operands, dict values as in extra={...}, keyword arguments),
and a part carries the key when the call is still reported with every other part masked.
All findings of a file are settled together, in a few analyses of the file:

1. every part masked: a call still reported gets the key some other way (the receiver, a call
   with effects, `*args`): not offered;
2. for each position k, every part masked but the k-th of each call: those still reported show
   which parts carry the key;
3. the carrying parts masked: the calls no longer reported are fixed.

Not offered either: a call whose result is used (`x = log.bind(key=KEY)`), a part whose removal
would drop an effect (a call other than a few pure ones, `await`, `:=`), print(..., file=f).
An f-string field becomes text of the f-string (f"token <redacted>"); anything else a string
constant.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from keylint.facts.positions import node_spans
from keylint.facts.python_bindings import dotted_name

MASK = "<redacted>"
_NOT_MESSAGE = frozenset({"exc_info", "stack_info", "stacklevel", "file", "flush", "sep", "end", "err", "nl"})
_PURE_CALLS = frozenset({"str", "repr", "dict", "list", "tuple", "sorted", "format", "dumps", "pformat", "strip",
                         "lstrip", "rstrip", "lower", "upper", "decode", "encode", "get", "items", "keys", "values", "copy"})
_EFFECTS = (cst.Await, cst.Yield, cst.NamedExpr)


def mask_logs(text: str, targets: list, reported: Callable[[str], set]) -> tuple[str, list]:
    """(new text, [(finding, description or None, reason)]) for (finding, rule) targets, where the
    rule's autofix says which sinks it masks; `reported(text)` is the set of (rule id, line,
    column) of the findings the mask rules report in a text."""
    module = cst.parse_module(text)
    spans = node_spans(module)
    calls, outcomes, statements = {}, [], _statement_calls(module)
    for finding, rule in targets:
        call, reason = _call_of(spans, statements, finding, rule)
        if call is None:
            outcomes.append((finding, None, reason))
        else:
            calls[call] = (finding, _parts(call))
    trial = _Trial(module, {c: f.rule_id for c, (f, _) in calls.items()}, reported)
    every = {c: set(parts) for c, (_, parts) in calls.items()}
    for call in trial.still_reported(every):
        outcomes.append((calls.pop(call)[0], None, "the key reaches the call through something that cannot be "
                                                   "masked without changing what the code does"))
    carriers = {c: set() for c in calls}
    for k in range(max((len(parts) for _, parts in calls.values()), default=0)):
        masked = {c: set(parts) - set(parts[k:k + 1]) for c, (_, parts) in calls.items()}
        for call in trial.still_reported(masked):
            carriers[call].update(calls[call][1][k:k + 1])
    fixed = {c: parts for c, parts in carriers.items() if parts}
    while fixed and (left := trial.still_reported(fixed)):
        fixed = {c: parts for c, parts in fixed.items() if c not in left}
    for call, (finding, parts) in calls.items():
        if call in fixed:
            shown = ", ".join(_short(module.code_for_node(getattr(p, "expression", p))) for p in parts if p in fixed[call])
            outcomes.append((finding, f"{shown} masked as {MASK!r} in the call", ""))
        else:
            outcomes.append((finding, None, "keylint cannot tell which part of the call carries the key"))
    return (module.visit(_Masker(fixed)).code if fixed else text), outcomes


def _call_of(spans: dict, statements: set, finding, rule) -> tuple[cst.Call | None, str]:
    """The statement-level call a finding reports, if it is a sink the rule masks; else why not."""
    sink = finding.flow[-1].note.split(": ", 1)[0] if finding.flow else ""
    if sink not in rule.autofix["mask_notes"]:
        return None, f"keylint fix masks keys in {' and '.join(rule.autofix['mask_notes'])} calls only; this sink: {sink or '?'}"
    start = (finding.line, finding.column - 1)
    calls = [n for n, s in spans.items() if isinstance(n, cst.Call) and s[:2] == start]
    if not calls:
        return None, "the finding is not at a call"
    call = max(calls, key=lambda n: spans[n][2:])  # logger.opt().info(...) rather than logger.opt()
    if call not in statements:
        return None, "the call's result is used: masking would change more than the log"
    if any(a.keyword and a.keyword.value == "file" and dotted_name(a.value) not in ("sys.stdout", "sys.stderr")
           for a in call.args):
        return None, "print(..., file=...) writes data, not a log"
    return call, ""


def _statement_calls(module: cst.Module) -> set:
    """Calls that are a whole expression statement (or awaited there): nothing uses their result."""
    found: set = set()

    class Visitor(cst.CSTVisitor):
        def visit_Expr(self, node: cst.Expr) -> None:
            value = node.value.expression if isinstance(node.value, cst.Await) else node.value
            found.add(value)

    module.visit(Visitor())
    return found


def _parts(call: cst.Call) -> list:
    """The maskable parts of a log call's message, in source order."""
    out: list = []
    for arg in call.args:
        if not arg.star and not (arg.keyword and arg.keyword.value in _NOT_MESSAGE):
            out.extend(_split(arg.value))
    return out


def _split(node: cst.BaseExpression) -> list:
    """An expression's parts: what goes into a message through formatting, concatenation and
    containers is split further; constants are no part; what has effects is never one."""
    if isinstance(node, (cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary)) or (
            isinstance(node, cst.Name) and node.value in ("None", "True", "False")):
        return []
    if isinstance(node, cst.FormattedString):
        return [p for p in node.parts if isinstance(p, cst.FormattedStringExpression) and _pure(p.expression)]
    if isinstance(node, cst.ConcatenatedString):
        return _split(node.left) + _split(node.right)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Add, cst.Modulo)):
        return _split(node.left) + _split(node.right)
    if isinstance(node, (cst.Tuple, cst.List)):
        return [p for e in node.elements if not isinstance(e, cst.StarredElement) for p in _split(e.value)]
    if isinstance(node, cst.Dict):
        return [p for e in node.elements if isinstance(e, cst.DictElement) for p in _split(e.value)]
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "format":
        return _split(node.func.value) + [p for a in node.args if not a.star for p in _split(a.value)]
    return [node] if _pure(node) else []


def _pure(node: cst.CSTNode) -> bool:
    """Whether dropping the expression drops nothing but its value."""
    if isinstance(node, _EFFECTS):
        return False
    if isinstance(node, cst.Call) and (dotted_name(node.func) or "").rsplit(".", 1)[-1] not in _PURE_CALLS:
        return False
    return all(_pure(child) for child in node.children)


def _short(code: str) -> str:
    code = " ".join(code.split())
    return code if len(code) <= 60 else code[:57] + "..."


class _Trial:
    """Analyses of the file with some parts of some calls masked: which calls are still reported."""

    def __init__(self, module: cst.Module, rule_of: dict, reported: Callable[[str], set]):
        self.module, self.rule_of, self.reported = module, rule_of, reported

    def still_reported(self, masked: dict) -> set:
        if not masked:
            return set()
        masker = _Masker(masked)
        new = self.module.visit(masker)
        spans = node_spans(new)
        found = self.reported(new.code)
        return {call for call in masked
                if (self.rule_of[call], spans[masker.calls[call]][0], spans[masker.calls[call]][1] + 1) in found}


class _Masker(cst.CSTTransformer):
    """Masks the given parts of the given calls; `calls` maps each of those calls to its new node."""

    def __init__(self, masked: dict):
        super().__init__()
        self.parts = {p for parts in masked.values() for p in parts}
        self.targets = set(masked)
        self.calls: dict = {}

    def on_leave(self, original_node, updated_node):
        updated = super().on_leave(original_node, updated_node)
        if original_node in self.parts:
            if isinstance(original_node, cst.FormattedStringExpression):
                return cst.FormattedStringText(MASK)
            return cst.SimpleString(f'"{MASK}"')
        if isinstance(original_node, cst.FormattedString) and any(p in self.parts for p in original_node.parts):
            return _plain(updated)
        if original_node in self.targets:
            self.calls[original_node] = updated
        return updated


def _plain(node: cst.FormattedString) -> cst.BaseExpression:
    """An f-string left without fields is a plain string (f"token <redacted>" -> "token <redacted>")."""
    text = "".join(p.value for p in node.parts if isinstance(p, cst.FormattedStringText))
    if any(isinstance(p, cst.FormattedStringExpression) for p in node.parts) or "{" in text or "}" in text:
        return node
    prefix = node.prefix.replace("f", "").replace("F", "")
    return cst.SimpleString(f"{prefix}{node.start[len(node.prefix):]}{text}{node.end}")
