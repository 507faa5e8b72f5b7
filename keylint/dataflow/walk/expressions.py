"""The Walker's expressions (keylint/dataflow/intra.py assembles the Walker from these mixins).

Expressions other than calls and strings: names, attributes, subscripts, containers, operators, comprehensions.
"""

from __future__ import annotations

import libcst as cst

from keylint.dataflow import facts as F
from keylint.dataflow.walk.nodes import is_constant, slice_length, small_int, string_set
from keylint.facts.names import chain
from keylint.facts.python_bindings import literal_string


class ExpressionsMixin:
    """Expressions other than calls and strings: names, attributes, subscripts, containers, operators, comprehensions."""

    def name(self, node: cst.Name, env: dict) -> dict:
        name = node.value
        if name in env:
            return env[name]
        if name in self.outer:
            return self.outer[name]
        if name in self.local_defs or name in self.a.toplevel:
            return {}
        # A module constant bound to literal text (ACCESS_TOKEN = "access_token") names a key, it is none.
        taint = {} if name in self.assigned or name in self.a.string_sets else self.name_source(name, node)
        if not self.is_module and name in self.a.declared_globals:
            taint = F.join(taint, F.symbol(("field", self.a.globals_owner, name)))
        if not self.is_module and name in self.a.globals:
            return F.join(taint, F.symbol(("global", self.a.module, name)))
        imported = self.a.imports.aliases.get(name)
        if imported and "." in imported:
            module, _, var = imported.rpartition(".")
            return F.join(taint, F.symbol(("global", module, var)))
        return taint

    def attribute(self, node: cst.Attribute, env: dict) -> dict:
        raw = chain(node)
        attr = node.attr.value
        patterns = self._pattern_sources(node, (raw, self.a.imports.resolve(raw)), "expressions")
        taint = F.join(patterns, self.name_source(attr, node))
        base = node.value
        if self._is_self(base):
            # This instance's field: what the callers' receivers hold (keylint/dataflow/solve.py).
            local = env.get(f"{self.self_name}.{attr}")
            return F.join(taint, local if local is not None else F.transform(self.expr(base, env), ("pop", attr)))
        if isinstance(base, cst.Name) and base.value not in env and base.value in self.a.imports.aliases:
            imported = self.a.imports.aliases[base.value]
            if self.config.settings_objects.match(imported):  # the deployment's settings module decides
                self.a.summary.reads_settings = self.config.settings_modules.patterns
                return F.join(taint, F.symbol(("settings", attr)))
            return F.join(taint, F.symbol(("global", imported, attr)))
        typed = self._instance_of(base, env)
        if typed:
            taint = F.join(taint, F.symbol(("field", typed, attr)))
        whole = self.expr(base, env)
        if self._owned(whole):  # request.merchant.vipps_credentials: the requester's own, by any name
            taint = patterns
        return F.join(taint, F.transform(whole, ("pop", attr)))

    def _instance_of(self, node: cst.BaseExpression, env: dict) -> str | None:
        """The class a variable was made from (`settings = Settings()`), if known."""
        if not isinstance(node, cst.Name):
            return None
        return self.types.get(node.value) or (self.a.module_types.get(node.value) if node.value not in env else None)

    def subscript(self, node: cst.Subscript, env: dict) -> dict:
        base = self.expr(node.value, env)
        if len(node.slice) != 1:
            return base
        element = node.slice[0].slice
        if isinstance(element, cst.Index):
            position = small_int(element.value)
            if position is not None and position >= 0:
                return F.transform(base, ("at", F.index_key(position)))
            key = literal_string(element.value)
            if key is not None:
                return F.join(self.name_source(key, node), F.transform(base, ("pop", key)))
            return F.join(F.transform(base, ("entry",)), self.expr(element.value, env))
        length = slice_length(element)
        if length is not None:
            for sanitizer in self.config.sanitizers:
                if sanitizer.max_slice is not None and length <= sanitizer.max_slice:
                    base = F.transform(base, ("drop", sanitizer.labels))
        return base

    def dict_(self, node: cst.Dict, env: dict) -> dict:
        taint: dict = {}
        for element in node.elements:
            if isinstance(element, cst.StarredDictElement):
                taint = F.join(taint, self.expr(element.value, env))
                continue
            value = self.expr(element.value, env)
            key = self.key_text(element.key, env)
            if key is None or F.CONSTANT_MARK in key:
                if key is not None:
                    self.key_sinks(key, element, value)
                taint = F.join(taint, value, self.expr(element.key, env))
                continue
            value = F.join(value, self.store_source(key, element.value, value))
            self.key_sinks(key, element, value)
            taint = F.join(F.transform(taint, ("without", frozenset([key.lower()]))), F.transform(value, ("push", key)))
        return taint

    def sequence(self, node, env: dict) -> dict:
        """A tuple keeps each element under its position (after a *starred one, positions are
        unknown); a list or set is one value of any of its elements."""
        keyed = isinstance(node, cst.Tuple)
        parts = []
        for position, element in enumerate(node.elements):
            keyed = keyed and not isinstance(element, cst.StarredElement)
            taint = self.expr(element.value, env)
            parts.append(F.transform(taint, ("push", F.index_key(position))) if keyed else taint)
        return F.join(*parts)

    def comparison(self, node, env: dict) -> dict:
        self.expr(node.left, env)
        for comparison in node.comparisons:
            self.expr(comparison.comparator, env)
        return {}

    def unary(self, node: cst.UnaryOperation, env: dict) -> dict:
        taint = self.expr(node.expression, env)
        return {} if isinstance(node.operator, cst.Not) else taint

    def boolean(self, node: cst.BooleanOperation, env: dict) -> dict:
        return F.join(self.expr(node.left, env), self.expr(node.right, env))

    def if_exp(self, node: cst.IfExp, env: dict) -> dict:
        self.expr(node.test, env)
        return F.join(self.expr(node.body, env), self.expr(node.orelse, env))

    def await_(self, node, env: dict) -> dict:
        return self.expr(node.expression, env)

    def starred(self, node, env: dict) -> dict:
        return self.expr(node.value, env)

    def yield_(self, node: cst.Yield, env: dict) -> dict:
        if isinstance(node.value, cst.BaseExpression):
            self.returned(node.value, self.expr(node.value, env))
        return {}

    def lambda_(self, node: cst.Lambda, env: dict) -> dict:
        inner = {k: v for k, v in env.items() if k not in {p.name.value for p in node.params.params}}
        return self.expr(node.body, inner)

    def named_expr(self, node: cst.NamedExpr, env: dict) -> dict:
        taint = self.expr(node.value, env)
        self.store(node.target, taint, env, node.value)
        return taint

    def comprehension(self, node, env: dict) -> dict:
        inner = dict(env)
        clause = node.for_in
        rebuilt = None
        while clause is not None:
            whole = self.iterate(clause.target, clause.iter, inner)
            rebuilt = whole if clause is node.for_in else None
            for condition in clause.ifs:
                self.expr(condition.test, inner)
            clause = clause.inner_for_in
        if isinstance(node, cst.DictComp):
            result = F.join(self.expr(node.key, inner), self.expr(node.value, inner))
            if rebuilt is not None and self._rebuilds(node):
                result = rebuilt
            for kind, keys in self._key_filters(node):
                if kind == "without" and any(s.filters_naming and all(any(p.search(k) for k in keys) for p in s.filters_naming)
                                             for s in self.config.sanitizers):
                    kind = "scrub"  # it filters every kind of key out: a key set taken whole is filtered too
                result = F.transform(result, (kind, keys))
            return result
        return self.expr(node.elt, inner)

    @staticmethod
    def _rebuilds(node: cst.DictComp) -> bool:
        """`{k: v for k, v in d.items() ...}`, the value maybe masked (`MASK if ... else v`): the
        result holds `d`'s entries under their own keys."""
        key, value = (e.value for e in node.for_in.target.elements)
        if not (isinstance(node.key, cst.Name) and isinstance(key, cst.Name) and node.key.value == key.value):
            return False
        shown = node.value
        if isinstance(shown, cst.IfExp):
            shown = shown.orelse if is_constant(shown.body) else shown.body if is_constant(shown.orelse) else None
        return isinstance(shown, cst.Name) and isinstance(value, cst.Name) and shown.value == value.value

    def _key_filters(self, node: cst.DictComp) -> list:
        """`{k: v for k, v in d.items() if k.lower() not in SENSITIVE}` keeps what `d` holds under
        the other keys only; `{k: MASK if k in SENSITIVE else v ...}` masks those keys."""
        clause = node.for_in
        target = clause.target
        if clause.inner_for_in is not None or not isinstance(target, cst.Tuple) or len(target.elements) != 2:
            return []
        key_name = target.elements[0].value
        if not isinstance(key_name, cst.Name):
            return []
        ops = [op for condition in clause.ifs if (op := self._key_test(condition.test, key_name.value)) is not None]
        value = node.value
        if isinstance(value, cst.IfExp) and (op := self._key_test(value.test, key_name.value)) is not None:
            masked_when_true = is_constant(value.body)
            if masked_when_true or is_constant(value.orelse):
                kind, keys = op
                ops.append((("without" if kind == "only" else "only") if masked_when_true else kind, keys))
        return ops

    def _key_test(self, test: cst.BaseExpression, key: str) -> tuple | None:
        """The filter op under which `test` on the key variable is true: ("only"|"without", keys)."""
        if not (isinstance(test, cst.Comparison) and len(test.comparisons) == 1):
            return None
        left = test.left
        if isinstance(left, cst.Call) and isinstance(left.func, cst.Attribute) and left.func.attr.value in ("lower", "casefold", "upper") \
                and not left.args:
            left = left.func.value
        if not (isinstance(left, cst.Name) and left.value == key):
            return None
        comparison = test.comparisons[0]
        keys = string_set(comparison.comparator, self.a.string_sets)
        if keys is None:
            return None
        operator = comparison.operator
        if isinstance(operator, (cst.In, cst.Equal)):
            return ("only", keys)
        if isinstance(operator, (cst.NotIn, cst.NotEqual)):
            return ("without", keys)
        return None
