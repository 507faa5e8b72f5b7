"""What the walk reads off LibCST nodes on their own (constants, literal text, string sets,
bodies) and how environments merge; shared by the Walker's mixins and the ModuleAnalyser."""

from __future__ import annotations

import re

import libcst as cst

from keylint.core.values import elide_keys
from keylint.dataflow import facts as F
from keylint.facts.names import chain
from keylint.facts.python_bindings import literal_string

PERCENT_FIELD = re.compile(r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?P<conv>[diouxXeEfFgGcrsa%])")
FORMAT_FIELD = re.compile(r"\{([^{}]*)\}")
KEY_METHODS = frozenset({"get", "pop", "getlist", "setdefault", "getone"})
MUTATORS = frozenset({"update", "append", "extend", "insert", "add", "setdefault", "appendleft", "extendleft",
                       "set_content", "add_alternative", "attach", "set_payload"})  # e-mail messages too
# Methods whose result shows the object's own contents (a response's body, a dict's copy, a
# string's transform): what the object holds in its fields comes out. Any other unknown method
# of an object gives only what the object wholly is (a token's .encode()), not its fields (a
# client's .list() does not return the keys it holds).
VIEW_METHODS = frozenset({
    "json", "text", "read", "readline", "readlines", "iter_content", "iter_lines", "getvalue", "body", "content",
    "copy", "items", "values", "dict", "to_dict", "as_dict", "asdict", "_asdict", "model_dump", "model_dump_json",
    "decode", "encode", "strip", "lstrip", "rstrip", "lower", "upper", "casefold", "split", "rsplit", "splitlines",
    "join", "replace", "format", "format_map", "partition", "rpartition", "removeprefix", "removesuffix",
    "__str__", "__repr__", "__format__", "to_json", "dumps", "serialize", "result", "get_json", "get_data", "form",
})
_CONSTANTS = (cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary, cst.Ellipsis)


def template_text(node: cst.BaseExpression | None) -> str | None:
    """A string expression with `{}` for every variable part: f"{base}/v1/{x}" -> "{}/v1/{}"."""
    if node is None:
        return None
    if isinstance(node, cst.SimpleString):
        return literal_string(node)
    if isinstance(node, cst.FormattedString):
        return "".join(p.value if isinstance(p, cst.FormattedStringText) else "{}" for p in node.parts)
    if isinstance(node, (cst.ConcatenatedString, cst.BinaryOperation)):
        return (template_text(node.left) or "{}") + (template_text(node.right) or "{}")
    return "{}"


def is_constant(node: cst.BaseExpression | None) -> bool:
    if node is None or isinstance(node, _CONSTANTS) or (isinstance(node, cst.Name) and node.value in ("None", "True", "False")):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return is_constant(node.left) and is_constant(node.right)
    if isinstance(node, cst.IfExp):  # 'Bearer [REDACTED]' if shown else 'Not included'
        return is_constant(node.body) and is_constant(node.orelse)
    if isinstance(node, cst.FormattedString):
        return all(isinstance(p, cst.FormattedStringText) for p in node.parts)
    return False


def small_int(node: cst.BaseExpression | None) -> int | None:
    if isinstance(node, cst.Integer):
        return int(node.value, 0)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus) and isinstance(node.expression, cst.Integer):
        return -int(node.expression.value, 0)
    return None


def slice_length(sl: cst.Slice) -> int | None:
    """How many characters a constant prefix or suffix slice keeps (x[:4], x[-4:])."""
    lower, upper = sl.lower, sl.upper
    if sl.step is not None:
        return None
    if lower is None and upper is not None:
        n = small_int(upper)
        return n if n is not None and n >= 0 else None
    if upper is None and lower is not None:
        n = small_int(lower)
        return -n if n is not None and n < 0 else None
    return None


def exits(stmt: cst.BaseSmallStatement) -> bool:
    return isinstance(stmt, (cst.Return, cst.Raise, cst.Continue, cst.Break))


def block_body(node) -> list:
    body = node.body
    return list(body.body) if isinstance(body, (cst.IndentedBlock, cst.SimpleStatementSuite)) else [body]


def declared_globals(body: list) -> set[str]:
    """Names that functions (and methods) declare `global` among their top-level statements;
    cheaper than a full traversal, and where `global` is written in practice."""
    names: set[str] = set()
    for stmt in body:
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            inner = block_body(stmt)
            if isinstance(stmt, cst.FunctionDef):
                names.update(item.name.value for line in inner if isinstance(line, cst.SimpleStatementLine)
                             for small in line.body if isinstance(small, cst.Global) for item in small.names)
            names |= declared_globals(inner)
    return names


def string_set(node: cst.BaseExpression | None, constants: dict) -> frozenset | None:
    """Lower-cased strings of a literal string, collection of strings (`{"a", "b"}`,
    `frozenset((...))`) or module constant naming one; None when it is not such a literal."""
    if isinstance(node, cst.Name):
        return constants.get(node.value)
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in ("set", "frozenset", "tuple", "list") \
            and len(node.args) == 1:
        return string_set(node.args[0].value, constants)
    text = literal_string(node) if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)) else None
    if text is not None:
        return frozenset([text.lower()])
    if isinstance(node, (cst.Set, cst.Tuple, cst.List)):
        texts = [literal_string(e.value) for e in node.elements]
        return frozenset(t.lower() for t in texts) if texts and None not in texts else None
    return None


def _bound_once(body: list, judge) -> dict:
    """Module-level names bound once, to a value `judge(value node, found so far)` accepts (not None)."""
    found: dict = {}
    for stmt in body:
        for small in stmt.body if isinstance(stmt, cst.SimpleStatementLine) else ():
            targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else \
                [small.target] if isinstance(small, cst.AnnAssign) and small.value is not None else []
            for target in targets:
                if isinstance(target, cst.Name):
                    found[target.value] = judge(small.value, found) if target.value not in found else None
    return {name: value for name, value in found.items() if value is not None}


def module_string_sets(body: list) -> dict:
    """Module-level names bound once to a literal collection of strings (SENSITIVE = {...})."""
    return _bound_once(body, string_set)


def module_strings(body: list) -> dict:
    """Module-level names bound once to literal text (SALES_UNITS_PATH = "/management/v1/sales-units").
    Text that could hold a key is left out: summaries are stored, and keylint stores no key."""
    def text(value, _found):
        found = literal_string(value)
        return found if found is not None and elide_keys(found) == found else None

    return _bound_once(body, text)


def dispatch_tables(body: list) -> dict:
    """Module-level dicts whose values are all names (`CLIENTS = {"qr": QrClient, ...}`): a call
    of `CLIENTS[api](keys)` may call any of them."""
    found: dict = {}
    for stmt in body:
        for small in stmt.body if isinstance(stmt, cst.SimpleStatementLine) else ():
            if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name) \
                    and isinstance(small.value, cst.Dict) and small.value.elements:
                values = [chain(e.value) for e in small.value.elements if isinstance(e, cst.DictElement)]
                if len(values) == len(small.value.elements) and None not in values:
                    found[small.targets[0].target.value] = tuple(values)
    return found


def made_by(value: cst.BaseExpression):
    """The call whose result `value` is, also as a default (`client or EPaymentClient()`)."""
    if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
        return made_by(value.right)
    if isinstance(value, cst.IfExp):
        return made_by(value.body) or made_by(value.orelse)
    return value if isinstance(value, cst.Call) else None


def merge_envs(*envs: dict | None) -> dict | None:
    present = [e for e in envs if e is not None]
    if not present:
        return None
    merged = dict(present[0])
    for env in present[1:]:
        for name, taint in env.items():
            merged[name] = F.join(merged.get(name, {}), taint)
    return merged
