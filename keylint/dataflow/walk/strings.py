"""The Walker's strings (keylint/dataflow/intra.py assembles the Walker from these mixins).

Strings and formatting: literals, f-strings, concatenation, % and str.format.
"""

from __future__ import annotations

import re

import libcst as cst

from keylint.dataflow import facts as F
from keylint.dataflow.walk.nodes import FORMAT_FIELD, PERCENT_FIELD, literal_suffix, template_text
from keylint.facts.names import chain
from keylint.facts.python_bindings import literal_string


class StringsMixin:
    """Strings and formatting: literals, f-strings, concatenation, % and str.format."""

    def string(self, node: cst.SimpleString, env: dict) -> dict:
        return self.literal_source(literal_string(node), node)

    def fstring(self, node: cst.FormattedString, env: dict) -> dict:
        taint = self.literal_source(template_text(node), node)
        text = ""
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                text += part.value
                continue
            value = self.expr(part.expression, env)
            if value:
                taint = F.join(taint, F.transform(value, ("slot", text)))
            known = self.constant_text(part.expression, env)
            text = text + known if known is not None else ""
        return taint

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

    def concatenated(self, node: cst.ConcatenatedString, env: dict) -> dict:
        right = self.expr(node.right, env)
        slot = literal_suffix(node.left)
        return F.join(self.expr(node.left, env), F.transform(right, ("slot", slot)) if slot else right)

    def binary(self, node: cst.BinaryOperation, env: dict) -> dict:
        left = self.expr(node.left, env)
        if isinstance(node.operator, cst.Modulo) and isinstance(node.left, (cst.SimpleString, cst.ConcatenatedString)):
            return F.join(left, self._percent(literal_string(node.left) or "", node.right, env))
        right = self.expr(node.right, env)
        if isinstance(node.operator, cst.Add):
            slot = literal_suffix(node.left)
            if slot:
                right = F.transform(right, ("slot", slot))
        return F.join(left, right)

    def _percent(self, fmt: str, values: cst.BaseExpression, env: dict) -> dict:
        slots, last = [], 0
        for match in PERCENT_FIELD.finditer(fmt):
            if match.group("conv") != "%":
                slots.append((match.group("name"), fmt[last:match.start()]))
            last = match.end()
        if isinstance(values, cst.Tuple):
            pairs = zip((s for _, s in slots), (e.value for e in values.elements))
        elif isinstance(values, cst.Dict):
            texts = {name: text for name, text in slots}
            pairs = ((texts.get(literal_string(e.key), ""), e.value) for e in values.elements if isinstance(e, cst.DictElement))
        else:
            pairs = [(slots[0][1] if slots else "", values)]
        return F.join(*(F.transform(self.expr(v, env), ("slot", text)) for text, v in pairs))

    def format_call(self, node: cst.Call, env: dict) -> dict | None:
        """`"...{}...".format(a, b=c)`: each argument lands after the text before its field."""
        func = node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "format"):
            return None
        fmt = literal_string(func.value)
        if fmt is None:
            return None
        texts, auto, last = {}, 0, 0
        for match in FORMAT_FIELD.finditer(fmt):
            name = re.split(r"[!:.\[]", match.group(1), maxsplit=1)[0]
            if name == "":
                name, auto = auto, auto + 1
            elif name.isdigit():
                name = int(name)
            texts.setdefault(name, fmt[last:match.start()])
            last = match.end()
        taint: dict = {}
        index = 0
        for arg in node.args:
            if arg.keyword is not None:
                position = arg.keyword.value
            else:
                position, index = index, index + 1
            value = self.expr(arg.value, env)
            taint = F.join(taint, F.transform(value, ("slot", texts.get(position, ""))))
        return taint

    def call_or_format(self, node: cst.Call, env: dict) -> dict:
        formatted = self.format_call(node, env)
        return formatted if formatted is not None else self.call(node, env)
