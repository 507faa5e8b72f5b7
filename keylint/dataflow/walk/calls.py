"""The Walker's calls (keylint/dataflow/intra.py assembles the Walker from these mixins).

Calls: the callee's candidates, the result's taint, propagators.
"""

from __future__ import annotations

import libcst as cst

from keylint.dataflow import facts as F
from keylint.dataflow import presence
from keylint.dataflow.summary import CallSite
from keylint.dataflow.walk.nodes import KEY_METHODS, MUTATORS, VIEW_METHODS
from keylint.facts.names import chain, code_of
from keylint.facts.python_bindings import literal_string


class CallsMixin:
    """Calls: the callee's candidates, the result's taint, propagators."""

    def call(self, node: cst.Call, env: dict) -> dict:
        func = node.func
        raw = chain(func)
        names = (raw, self.a.imports.resolve(raw))
        args, given = [], []
        index = 0
        for arg in node.args:
            taint = self.expr(arg.value, env)
            if arg.star:
                position = arg.star
            elif arg.keyword is not None:
                position = arg.keyword.value
            else:
                position, index = index, index + 1
            args.append((position, taint, arg.value))
            given.append((position, presence.passes(arg, self.optional)))
        receiver_node = func.value if isinstance(func, cst.Attribute) else None
        receiver = self.expr(receiver_node, env) if receiver_node is not None else {}
        method = func.attr.value if isinstance(func, cst.Attribute) else None
        if method == "pop" and args and isinstance(args[0][0], int) and literal_string(args[0][2]) is not None:
            self._forget(receiver_node, literal_string(args[0][2]), env)
        self.call_sinks(node, names, args, receiver)
        self.propagate(node, names, method, args, receiver_node, env)
        default = self._default_result(method, args, receiver, node)
        through = receiver_node is not None and self.config.calls_through.match(*names)  # task.delay(a) runs task(a)
        candidates, bound = self.callee_candidates(receiver_node if through else func, env)
        table = self._dispatch_table(func)
        if table:
            candidates, bound = table, False
        if candidates:
            site = CallSite(
                id=self.a.new_site_id(), callee=raw or "<call>", candidates=candidates,
                args=tuple((p, t) for p, t, _ in args), default=default, bound=bound,
                path=self.a.path, line=self.a.line(node), receiver=self._receiver(receiver_node, receiver, bound, env),
                any_of=bool(table), presence=tuple(given),
            )
            self.fs.calls.append(site)
            result = F.symbol(("call", site.id))
        else:
            result = default
        for sanitizer in self.config.sanitizers:
            if sanitizer.calls.match(*names) and (not sanitizer.mentions or self._mentions(sanitizer, node)):
                result = F.transform(result, ("drop", sanitizer.labels))
        result = F.join(result, *self._propagated(node, names, args, "return"))
        result = F.join(result, self._pattern_sources(node, names, "calls", self._url_text(args)), self._name_call_source(node, names, args))
        return result

    def _dispatch_table(self, func) -> tuple:
        """The callees of `TABLE[key](...)` for a module-level dispatch table of names."""
        if not (isinstance(func, cst.Subscript) and isinstance(func.value, cst.Name)) or func.value.value not in self.a.dispatch:
            return ()
        return tuple(c for name in self.a.dispatch[func.value.value]
                     for c in self.callee_candidates(cst.parse_expression(name), {})[0])

    def _receiver(self, node, taint: dict, bound: bool, env: dict) -> dict:
        """The instance a bound call runs on; `super().m()` runs on this one."""
        if not bound or node is None:
            return {}
        if self._is_super(node):
            return env.get(self.self_name, {})
        return taint

    def _is_super(self, node) -> bool:
        return self.cls is not None and self.self_name is not None and isinstance(node, cst.Call) \
            and isinstance(node.func, cst.Name) and node.func.value == "super"

    def _default_result(self, method, args, receiver: dict, node: cst.Call) -> dict:
        """What an unknown call returns: its receiver and arguments (keywords under their names)."""
        if method in KEY_METHODS and args and isinstance(args[0][0], int):
            key = literal_string(args[0][2])
            if key is not None:
                rest = [t for p, t, _ in args[1:]]
                return F.join(F.transform(receiver, ("pop", key)), *rest)
        parts = [receiver if method is None or method in VIEW_METHODS else F.transform(receiver, ("keyless",))]
        for position, taint, _ in args:
            if isinstance(position, str) and position not in ("*", "**"):
                parts.append(F.transform(taint, ("push", position)))
            else:  # what an unknown call makes of a tuple keeps no positions
                parts.append(F.transform(taint, ("elem",)))
        return F.join(*parts)

    def _mentions(self, spec, node: cst.Call) -> bool:
        """Whether an argument or the receiver's text matches the sanitiser's or propagator's `mentions`."""
        texts = [code_of(a.value, 200) for a in node.args]
        if isinstance(node.func, cst.Attribute):
            texts.append(code_of(node.func.value, 200))
        return any(spec.mentions.match(text) for text in texts)

    def _name_call_source(self, node: cst.Call, names: tuple, args: list) -> dict:
        if args and args[0][0] == 0 and self._owned(args[0][1]):
            return {}  # getattr(request.merchant, "vipps_credentials"): the requester's own
        for source in self.config.sources:
            if source.name_calls and source.name_calls.match(*names):
                for arg in node.args:
                    key = literal_string(arg.value) if arg.keyword is None else None
                    if key is not None:
                        return self.name_source(key, node)
        return {}

    def propagate(self, node, names, method, args, receiver_node, env) -> None:
        """Arguments flowing into the receiver: dict.update, list.append, YAML propagators."""
        if receiver_node is None:
            return
        moved = []
        if method in MUTATORS:
            for position, taint, value in args:
                if method == "update" and isinstance(position, str) and position not in ("*", "**"):
                    taint = F.transform(taint, ("push", position))
                elif method == "setdefault" and position == 1 and isinstance(args[0][2], cst.SimpleString):
                    key = literal_string(args[0][2])
                    taint = F.transform(F.join(taint, self.store_source(key, value, taint)), ("push", key))
                if method != "setdefault" or position != 0:
                    moved.append(taint)
        moved.extend(self._propagated(node, names, args, "receiver"))
        taint = F.join(*moved)
        if taint:
            self.update_root(receiver_node, F.with_step(taint, self.a.step(node, f"stored by {code_of(node.func)}()")), env)

    def _propagated(self, node: cst.Call, names: tuple, args: list, to: str) -> list:
        """What the YAML propagators of this callee move `to` the receiver or the return value."""
        moved = []
        for prop in self.config.propagators:
            if prop.to == to and prop.calls.match(*names) and (not prop.url or prop.url.search(self._url_text(args))) \
                    and not (prop.mentions and self._mentions(prop, node)):
                picked = F.join(*(t for p, t, _ in args if p in prop.sources or ("*" in prop.sources and isinstance(p, int))
                                  or ("**" in prop.sources and isinstance(p, str))))
                if prop.keep:
                    picked = F.transform(picked, ("keep", prop.keep))
                if prop.at_key:
                    picked = F.transform(F.transform(picked, ("slot", None)), ("push", prop.at_key))
                moved.append(F.transform(picked, ("add", prop.add)) if prop.add else picked)
        return moved

    def callee_candidates(self, func: cst.BaseExpression, env: dict) -> tuple:
        """Qualified names the callee may be (for the solver), and whether `self` is bound."""
        if isinstance(func, cst.Name):
            name = func.value
            if name in self.local_defs:
                return (self.local_defs[name],), False
            if name in env and name not in self.a.toplevel:
                return (), False
            if name in self.a.toplevel:
                return (self.a.toplevel[name],), False
            if name in self.a.imports.aliases:
                return (self.a.imports.aliases[name],), False
            return (), False
        if not isinstance(func, cst.Attribute):
            return (), False
        base, method = func.value, func.attr.value
        if isinstance(base, cst.Name):
            name = base.value
            if self._is_self(base):
                return (f"{self.cls}.{method}",), True
            if name in self.types:
                return (f"{self.types[name]}.{method}",), True
            if name not in env and name in self.a.module_types:
                return (f"{self.a.module_types[name]}.{method}",), True
            if name not in env and name in self.a.imports.aliases:
                return (f"{self.a.imports.aliases[name]}.{method}",), False
            if name in self.a.toplevel:
                return (f"{self.a.toplevel[name]}.{method}",), False
        elif isinstance(base, cst.Attribute) and self._is_self(base.value):
            typed = self.a.field_types.get((self.cls, base.attr.value))
            if typed:
                return (f"{typed}.{method}",), True
        elif self._is_super(base):
            return tuple(f"{b}.{method}" for b in self.a.summary.classes.get(self.cls, ())), True
        elif isinstance(base, cst.Call):
            inner = self.callee_candidates(base.func, env)[0]
            return tuple(f"{c}.{method}" for c in inner), True
        return (), False
