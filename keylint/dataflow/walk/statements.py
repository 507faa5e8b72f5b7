"""The Walker's statements (keylint/dataflow/intra.py assembles the Walker from these mixins).

Statements: assignments and stores, branches, loops, guards, returns.
"""

from __future__ import annotations

import libcst as cst

from keylint.dataflow import facts as F
from keylint.dataflow import presence
from keylint.dataflow.walk.nodes import block_body, exits, is_constant, made_by, merge_envs
from keylint.facts.names import chain, code_of
from keylint.facts.python_bindings import literal_string


class StatementsMixin:
    """Statements: assignments and stores, branches, loops, guards, returns."""

    def small(self, stmt: cst.BaseSmallStatement, env: dict) -> dict | None:
        if isinstance(stmt, cst.Assign):
            for target in stmt.targets:
                self.assign(target.target, stmt.value, env)
        elif isinstance(stmt, cst.AnnAssign):
            if stmt.value is not None:
                self.assign(stmt.target, stmt.value, env)
        elif isinstance(stmt, cst.AugAssign):
            taint = self.expr(stmt.value, env)
            self.store(stmt.target, F.join(self.expr(stmt.target, env), taint), env, stmt.value)
        elif isinstance(stmt, cst.Expr):
            self.expr(stmt.value, env)
            if isinstance(stmt.value, cst.Call) and self._is_exit_call(stmt.value):
                return None
        elif isinstance(stmt, cst.Return):
            if stmt.value is not None:
                self.returned(stmt.value, self.expr(stmt.value, env))
            return None
        elif isinstance(stmt, cst.Raise):
            if stmt.exc is not None:
                self.expr(stmt.exc, env)
            return None
        elif isinstance(stmt, cst.Del):
            for target in [e.value for e in stmt.target.elements] if isinstance(stmt.target, cst.Tuple) else [stmt.target]:
                if isinstance(target, cst.Subscript) and len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Index):
                    key = literal_string(target.slice[0].slice.value)
                    if key is not None:
                        self._forget(target.value, key, env)
        elif isinstance(stmt, cst.Assert):
            self.expr(stmt.test, env)
            env = self.guarded(stmt.test, env, True)
        elif isinstance(stmt, (cst.Import, cst.ImportFrom)):
            self.a.imports.add(stmt)
        elif isinstance(stmt, cst.Global):
            self.global_names.update(item.name.value for item in stmt.names)
            self.a.declared_globals |= self.global_names
        elif exits(stmt):
            return None
        return env

    def _is_exit_call(self, call: cst.Call) -> bool:
        raw = chain(call.func)
        return self.config.exits.match(raw, self.a.imports.resolve(raw))

    def returned(self, node: cst.BaseExpression, taint: dict) -> None:
        if not taint:
            return
        taint = F.with_step(taint, self.a.step(node, f"returned by {self.fs.name}()"))
        self.fs.returns = F.join(self.fs.returns, taint)
        for sink in self.config.sinks:
            if (sink.returns_from and any(sink.returns_from.match(*d) for d in self.decorators)) \
                    or sink.returns_of.match(self.fs.name, self.fs.qname):
                self.sink_event(sink, node, taint)

    def if_(self, node: cst.If, env: dict) -> dict | None:
        self.expr(node.test, env)
        outer = (self.given, self.assumed)
        self.given = outer[0] | presence.given_params(node.test, self.optional, True)
        self.assumed = outer[1] | self._assumed(node.test, True)
        body = self.block(block_body(node), self.guarded(node.test, env, True))
        self.given = outer[0] | presence.given_params(node.test, self.optional, False)
        self.assumed = outer[1] | self._assumed(node.test, False)
        orelse_env = self.guarded(node.test, env, False)
        if node.orelse is None:
            other = orelse_env
        elif isinstance(node.orelse, cst.If):
            other = self.if_(node.orelse, orelse_env)
        else:
            other = self.block(block_body(node.orelse), orelse_env)
        self.given, self.assumed = outer
        return merge_envs(body, other)

    def _assumed(self, test: cst.BaseExpression, truth: bool) -> frozenset:
        """Labels a branch rules out by a flag that decides them (`if keys.is_merchant:`)."""
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            return self._assumed(test.expression, not truth)
        raw = chain(test) if isinstance(test, cst.Attribute) else None
        if raw is None:
            return frozenset()
        flags = [s.guard_attributes if truth else s.guard_false_attributes for s in self.config.sanitizers]
        return frozenset().union(*(s.labels for s, f in zip(self.config.sanitizers, flags) if f.match(raw)))

    def loop(self, node, env: dict) -> dict | None:
        if isinstance(node, cst.For):
            env = dict(env)
            self.iterate(node.target, node.iter, env)
        else:
            self.expr(node.test, env)
        first = self.block(block_body(node), dict(env))
        merged = merge_envs(env, first)
        second = self.block(block_body(node), dict(merged))
        merged = merge_envs(merged, second)
        if node.orelse is not None:
            merged = merge_envs(merged, self.block(block_body(node.orelse), dict(merged)))
        return merged

    def try_(self, node, env: dict) -> dict | None:
        body = self.block(block_body(node), dict(env))
        base = merge_envs(env, body)
        after_body = self.block(block_body(node.orelse), dict(body)) if node.orelse and body is not None else body
        outcomes = [after_body, *(self.block(block_body(h), dict(base)) for h in node.handlers)]
        merged = merge_envs(*outcomes)
        if node.finalbody is None:
            return merged
        final = self.block(block_body(node.finalbody), dict(merged if merged is not None else base))
        return final if merged is not None else None

    def with_(self, node: cst.With, env: dict) -> dict | None:
        env = dict(env)
        for item in node.items:
            taint = self.expr(item.item, env)
            if item.asname is not None:
                self.assign_taint(item.asname.name, taint, env)
        return self.block(block_body(node), env)

    def match_(self, node, env: dict) -> dict | None:
        subject = self.expr(node.subject, env)
        branches = []
        for case in node.cases:
            inner = dict(env)
            self._capture(case.pattern, subject, inner)
            branches.append(self.block(block_body(case), inner))
        return merge_envs(env, *branches)

    def _capture(self, pattern, taint: dict, env: dict) -> None:
        """Bind the names a `case` pattern captures: `{"client_secret": s}` takes the subject's
        value under that key; other captures take the whole subject (sequence items, class fields)."""
        if isinstance(pattern, cst.MatchAs):
            if pattern.pattern is not None:
                self._capture(pattern.pattern, taint, env)
            if pattern.name is not None:
                self.assign_taint(pattern.name, taint, env)
        elif isinstance(pattern, cst.MatchMapping):
            for element in pattern.elements:
                key = literal_string(element.key)
                self._capture(element.pattern, taint if key is None else F.transform(taint, ("pop", key)), env)
            if pattern.rest is not None:
                self.assign_taint(pattern.rest, taint, env)
        elif isinstance(pattern, cst.MatchStar):
            if pattern.name is not None:
                self.assign_taint(pattern.name, taint, env)
        elif isinstance(pattern, cst.MatchOr):
            for element in pattern.patterns:
                self._capture(element.pattern, taint, env)
        elif isinstance(pattern, (cst.MatchList, cst.MatchTuple, cst.MatchClass)):
            for element in pattern.patterns:
                self._capture(element if isinstance(element, cst.MatchStar) else element.value, taint, env)
            for keyword in getattr(pattern, "kwds", ()):
                self._capture(keyword.pattern, taint, env)

    def function_def(self, node: cst.FunctionDef, env: dict) -> dict:
        prefix = self.a.module if self.is_module else f"{self.fs.qname}.<locals>"
        outer = None if self.is_module else {**self.outer, **env}
        qname = self.a.defer(node, prefix, None, outer, self.local_defs)
        if not self.is_module:
            self.local_defs[node.name.value] = qname
        return env

    def class_def(self, node: cst.ClassDef, env: dict) -> dict:
        prefix = self.a.module if self.is_module else f"{self.fs.qname}.<locals>"
        self.a.add_class(node, prefix, self)
        return env

    def guarded(self, test: cst.BaseExpression, env: dict, truth: bool) -> dict:
        """`env` for the branch where `test` is `truth`, with guard-sanitised names cleaned."""
        cleaned = self._guard_names(test, truth)
        if not cleaned:
            return env
        env = dict(env)
        for name, labels in cleaned:
            if name in env:
                env[name] = F.transform(env[name], ("drop", labels))
        return env

    def _guard_names(self, test: cst.BaseExpression, truth: bool) -> list:
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            return self._guard_names(test.expression, not truth)
        if isinstance(test, cst.BooleanOperation):
            both = isinstance(test.operator, cst.And) == truth
            if both:
                return self._guard_names(test.left, truth) + self._guard_names(test.right, truth)
            return []
        found = []
        if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 and isinstance(test.left, cst.Name):
            op = test.comparisons[0].operator
            if isinstance(op, (cst.In, cst.NotIn)) and truth == isinstance(op, cst.In):
                container = code_of(test.comparisons[0].comparator, 200)
                found = [(test.left.value, s.labels) for s in self.config.sanitizers if s.guard_containers.match(container)]
        elif isinstance(test, cst.Call) and truth:
            raw = chain(test.func)
            names = [a.value.value for a in test.args if isinstance(a.value, cst.Name)]
            found = [(n, s.labels) for s in self.config.sanitizers
                     if s.guard_calls.match(raw, self.a.imports.resolve(raw)) for n in names]
        return found

    def assign(self, target: cst.BaseExpression, value: cst.BaseExpression, env: dict) -> None:
        if isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (cst.Tuple, cst.List)) \
                and len(target.elements) == len(value.elements) \
                and not any(isinstance(e, cst.StarredElement) for e in (*target.elements, *value.elements)):
            for t, v in zip(target.elements, value.elements):
                self.assign(t.value, v.value, env)
            return
        taint = self.expr(value, env)
        self.store(target, taint, env, value)
        made = made_by(value)
        if isinstance(target, cst.Name):
            candidates = self.callee_candidates(made.func, env)[0] if made is not None else ()
            if candidates:
                self.types[target.value] = candidates[0]
            else:
                self.types.pop(target.value, None)
        elif isinstance(target, cst.Attribute) and self._is_self(target.value) and made is not None:
            candidates = self.callee_candidates(made.func, env)[0]
            if candidates and self.cls:
                self.a.field_types[(self.cls, target.attr.value)] = candidates[0]

    def assign_taint(self, target: cst.BaseExpression, taint: dict, env: dict) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            # `token, expires_in = fetch()`: each name gets its own element (all of it after a *rest)
            starred = any(isinstance(e, cst.StarredElement) for e in target.elements)
            for position, element in enumerate(target.elements):
                value = taint if starred else F.transform(taint, ("at", F.index_key(position)))
                self.assign_taint(element.value, value, env)
        else:
            self.store(target, taint, env, None)

    def store(self, target: cst.BaseExpression, taint: dict, env: dict, value: cst.BaseExpression | None) -> None:
        if isinstance(target, cst.Name):
            name = target.value
            if value is not None:
                taint = F.join(taint, self._named_store_source(name, value))
            env[name] = F.with_step(taint, self.a.step(target, f"assigned to {name}"))
            self.assigned.add(name)
            if name in self.global_names and taint:
                self.fs.field_stores.append((self.a.globals_owner, name, env[name]))
        elif isinstance(target, cst.Attribute):
            attr = target.attr.value
            if value is not None:
                taint = F.join(taint, self._named_store_source(attr, value))
            for sink in self.config.sinks:
                if sink.attributes_of and sink.attributes_of.match(chain(target.value)):
                    self.sink_event(sink, target, taint)
            if self._is_self(target.value):
                env[f"{self.self_name}.{attr}"] = taint
                if taint:
                    self.fs.field_stores.append((self.cls, attr, taint))
            else:
                self.update_root(target.value, F.transform(taint, ("push", attr)), env)
        elif isinstance(target, cst.Subscript):
            index = target.slice[0].slice if len(target.slice) == 1 else None
            key = self.key_text(index.value, env) if isinstance(index, cst.Index) else None
            if key is None or F.CONSTANT_MARK in key:
                # The key's own labels too, as a dict literal's computed keys: `h[MSN_HEADER] = msn`.
                key_taint = self.expr(index.value, env) if isinstance(index, cst.Index) else {}
                if key is not None:
                    self.key_sinks(key, target, taint)
                self.update_root(target.value, F.join(taint, key_taint), env)
                return
            if value is not None:
                taint = F.join(taint, self.store_source(key, value, taint))
            self.key_sinks(key, target, taint)
            self._forget(target.value, key, env)
            self.update_root(target.value, F.transform(taint, ("push", key)), env)
        elif isinstance(target, cst.StarredElement):
            self.store(target.value, taint, env, None)
        elif isinstance(target, (cst.Tuple, cst.List)):
            self.assign_taint(target, taint, env)

    def _named_store_source(self, name: str, value: cst.BaseExpression) -> dict:
        """A non-constant value stored under a key-like variable or attribute name is a key."""
        return {} if is_constant(value) else self.name_source(name, value, lambda: f"source: {name} = {code_of(value)}")

    def _forget(self, node: cst.BaseExpression, key: str, env: dict) -> None:
        """`d[key] = ...`, `del d[key]`, `d.pop(key)`: what `d` held under `key` is gone (a local `d`)."""
        if isinstance(node, cst.Name) and node.value in env and not self._is_self(node):
            env[node.value] = F.transform(env[node.value], ("without", frozenset([key.lower()])))

    def update_root(self, node: cst.BaseExpression, taint: dict, env: dict) -> None:
        """A store into `node` (a container) taints the variable or `self` field at its root."""
        if not taint:
            return
        if isinstance(node, cst.Name):
            if not self._is_self(node):
                env[node.value] = F.join(env.get(node.value, {}), taint)
        elif isinstance(node, cst.Attribute):
            if self._is_self(node.value):
                self.fs.field_stores.append((self.cls, node.attr.value, taint))
                local = f"{self.self_name}.{node.attr.value}"
                if local in env:
                    env[local] = F.join(env[local], taint)
            else:
                self.update_root(node.value, F.transform(taint, ("push", node.attr.value)), env)
        elif isinstance(node, cst.Subscript):
            index = node.slice[0].slice if len(node.slice) == 1 else None
            key = literal_string(index.value) if isinstance(index, cst.Index) else None
            self.update_root(node.value, F.transform(taint, ("push", key)) if key else taint, env)

    def _is_self(self, node: cst.BaseExpression) -> bool:
        return self.cls is not None and isinstance(node, cst.Name) and node.value == self.self_name

    def iterate(self, target: cst.BaseExpression, iterable: cst.BaseExpression, env: dict) -> dict | None:
        """Binds a loop's target to one element of `iterable`. Of `d.items()` the key is a dict
        key (no key) and the value one of `d`'s values; `d.values()` gives a value, `d.keys()` a
        key. Returns `d`'s own taint for `d.items()` (a dict comprehension over it rebuilds `d`)."""
        while isinstance(iterable, cst.Call) and isinstance(iterable.func, cst.Name) and len(iterable.args) == 1 \
                and iterable.func.value in ("sorted", "list", "tuple", "reversed", "iter") and not iterable.args[0].keyword:
            iterable = iterable.args[0].value  # the same elements, in another order or container
        func = iterable.func if isinstance(iterable, cst.Call) and not iterable.args else None
        view = func.attr.value if isinstance(func, cst.Attribute) and func.attr.value in ("items", "values", "keys") else None
        if view is None:
            self.assign_taint(target, F.transform(self.expr(iterable, env), ("elem",)), env)
            return None
        whole = self.expr(func.value, env)
        value = {} if view == "keys" else F.transform(whole, ("popany",))
        pair = view == "items" and isinstance(target, (cst.Tuple, cst.List)) and len(target.elements) == 2 \
            and not any(isinstance(e, cst.StarredElement) for e in target.elements)
        if pair:
            self.assign_taint(target.elements[0].value, {}, env)
            self.assign_taint(target.elements[1].value, value, env)
        else:
            self.assign_taint(target, value, env)
        return whole if pair else None
