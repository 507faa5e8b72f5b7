"""The Walker's strings (keylint/dataflow/intra.py assembles the Walker from these mixins).

Strings and formatting: literals, f-strings, concatenation, % and str.format.
"""

from __future__ import annotations

import re

import libcst as cst

from keylint.dataflow import facts as F
from keylint.dataflow.walk.nodes import FORMAT_FIELD, PERCENT_FIELD, template_text
from keylint.facts.names import chain
from keylint.facts.python_bindings import literal_string


class StringsMixin:
    """Strings and formatting: literals, f-strings, concatenation, % and str.format."""

    def string(self, node: cst.SimpleString, env: dict) -> dict:
        return self.literal_source(literal_string(node), node)

    def fstring(self, node: cst.FormattedString, env: dict) -> dict:
        taint = self.literal_source(template_text(node), node)
        pieces = _pieces(node)
        return F.join(taint, self._formatted(pieces, [p for p in pieces if not isinstance(p, str)], env))

    def key_text(self, node: cst.BaseExpression, env: dict) -> str | None:
        """A dict key or subscript as text: a literal, or a module constant (`headers[MSN_HEADER]`)."""
        key = literal_string(node)
        return key if key is not None else self.constant_text(node, env)

    def constant_text(self, node: cst.BaseExpression, env: dict) -> str | None:
        """The text a module constant formatted into a string stands for: its literal text in this
        module, a reference the solver resolves for an imported one (`f"{API}{SALES_UNITS_PATH}/{msn}"`:
        the MSN follows "/management/v1/sales-units/"); None for anything else."""
        name = chain(node)
        if name is None or "(" in name or "[" in name:
            return None
        head = name.split(".")[0]
        if not self.is_module and (head in env or head in self.outer):
            return None  # a local variable
        if name in self.a.summary.strings:
            return self.a.summary.strings[name]
        imported = self.a.imports.resolve(name)
        return F.constant_ref(imported) if imported and imported != name and "." in imported else None

    def _slots(self, pieces: list, env: dict) -> tuple[dict, str]:
        """The known text right before each value of a string built from `pieces` (literal text,
        value nodes, None for a value not given), by node id, and the known text at its end.
        Literals and module constants (`key_text`) add to the text; a value of other text starts
        it again after its own known end: `API + SALES_UNITS_PATH + "/" + msn`, the same parts
        in an f-string, `%` or `.format()` put the MSN after "/management/v1/sales-units/"."""
        slots: dict = {}
        text = ""
        for piece in pieces:
            if isinstance(piece, str):
                text += piece
                continue
            if piece is not None:
                slots.setdefault(id(piece), text)
            known = None if piece is None else self.key_text(piece, env)
            text = text + known if known is not None else self._known_end(piece, env)
        return slots, text

    def _known_end(self, node: cst.BaseExpression | None, env: dict) -> str:
        """The known text at the end of a string expression ("" when it ends in a variable)."""
        pieces = _pieces(node)
        return self._slots(pieces, env)[1] if pieces != [node] else ""

    def _formatted(self, pieces: list, values: list, env: dict, placed_only: bool = False) -> dict:
        """Each of `values` with the text before it in `pieces` as its slot: formatted into a
        string, a value is text (its keys are gone). With `placed_only` (`+`, which also adds
        lists and numbers), a value with no text before it stays as it is."""
        slots = self._slots(pieces, env)[0]
        taint: dict = {}
        for value in values:
            slot = slots.get(id(value), "")
            found = self.expr(value, env)
            taint = F.join(taint, F.transform(found, ("slot", slot)) if slot or not placed_only else found)
        return taint

    def concatenated(self, node: cst.ConcatenatedString, env: dict) -> dict:
        operands = _operands(node)
        return self._formatted(operands, operands, env, placed_only=True)

    def binary(self, node: cst.BinaryOperation, env: dict) -> dict:
        if isinstance(node.operator, cst.Modulo) and isinstance(node.left, (cst.SimpleString, cst.ConcatenatedString)):
            return F.join(self.expr(node.left, env), self._percent(literal_string(node.left) or "", node.right, env))
        if isinstance(node.operator, cst.Add):
            operands = _operands(node)
            return self._formatted(operands, operands, env, placed_only=True)
        return F.join(self.expr(node.left, env), self.expr(node.right, env))

    def _percent(self, fmt: str, values: cst.BaseExpression, env: dict) -> dict:
        fields, last = [], 0
        for match in PERCENT_FIELD.finditer(fmt):
            if match.group("conv") != "%":
                fields.append((fmt[last:match.start()], match.group("name")))
            last = match.end()
        if isinstance(values, cst.Tuple):
            given = [e.value for e in values.elements]
            pieces = [p for (text, _), value in zip(fields, given) for p in (text, value)]
        elif isinstance(values, cst.Dict):
            named = {literal_string(e.key): e.value for e in values.elements if isinstance(e, cst.DictElement)}
            given = [e.value for e in values.elements if isinstance(e, cst.DictElement)]
            pieces = [p for text, name in fields for p in (text, named.get(name))]
        else:
            given = [values]
            pieces = [fields[0][0] if fields else "", values]
        return self._formatted(pieces, given, env)

    def format_call(self, node: cst.Call, env: dict) -> dict | None:
        """`"...{}...".format(a, b=c)`: each argument lands after the text before its field."""
        func = node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "format"):
            return None
        fmt = literal_string(func.value)
        if fmt is None:
            return None
        given = dict(enumerate(arg.value for arg in node.args if arg.keyword is None))
        given.update((arg.keyword.value, arg.value) for arg in node.args if arg.keyword is not None)
        pieces, auto, last = [], 0, 0
        for match in FORMAT_FIELD.finditer(fmt):
            name = re.split(r"[!:.\[]", match.group(1), maxsplit=1)[0]
            if name == "":
                name, auto = auto, auto + 1
            elif name.isdigit():
                name = int(name)
            pieces += [fmt[last:match.start()], given.get(name)]
            last = match.end()
        return self._formatted(pieces, [arg.value for arg in node.args], env)

    def call_or_format(self, node: cst.Call, env: dict) -> dict:
        formatted = self.format_call(node, env)
        return formatted if formatted is not None else self.call(node, env)


def _pieces(node: cst.BaseExpression | None) -> list:
    """A string expression as its parts, left to right: an f-string's text and expressions, or
    its operands (`_operands`)."""
    if isinstance(node, cst.FormattedString):
        return [p.value if isinstance(p, cst.FormattedStringText) else p.expression for p in node.parts]
    return _operands(node)


def _operands(node: cst.BaseExpression | None) -> list:
    """The operands of a chain of `+` or of implicitly concatenated strings; anything else is one."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add) or isinstance(node, cst.ConcatenatedString):
        return _operands(node.left) + _operands(node.right)
    return [node]
