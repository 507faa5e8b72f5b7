"""The Walker's sources (keylint/dataflow/intra.py assembles the Walker from these mixins).

Parameters and names that are sources, and the taint a source gives.
"""

from __future__ import annotations

import re

import libcst as cst

from keylint.core.values import normalise_name
from keylint.dataflow import facts as F
from keylint.dataflow.evidence import quote
from keylint.dataflow.walk.nodes import is_constant
from keylint.facts.names import Imports, chain, code_of


class SourcesMixin:
    """Parameters and names that are sources, and the taint a source gives."""

    @staticmethod
    def decorator_name(decorator: cst.Decorator, imports: Imports) -> tuple:
        node = decorator.decorator
        raw = chain(node.func if isinstance(node, cst.Call) else node)
        return (raw, imports.resolve(raw))

    def init_params(self, node: cst.FunctionDef, decorators: list) -> dict:
        params = node.params
        ordered = [*params.posonly_params, *params.params]
        if isinstance(params.star_arg, cst.Param):
            ordered.append(params.star_arg)
        ordered.extend(params.kwonly_params)
        if params.star_kwarg is not None:
            ordered.append(params.star_kwarg)
        env: dict = {}
        names = [p.name.value for p in ordered]
        self.optional = frozenset(p.name.value for p in ordered if isinstance(p.default, cst.Name) and p.default.value == "None")
        for index, param in enumerate(ordered):
            name = param.name.value
            step = self.a.step(param, f"parameter {name} of {self.fs.name}()")
            taint = F.join(F.symbol(("param", self.fs.qname, name)), self.name_source(name, param))
            if param.default is not None:
                taint = F.join(taint, self.expr(param.default, {}))
            for source in self.config.sources:
                if source.params is not None and self._param_is_source(source.params, param, index, names, decorators):
                    taint = F.join(taint, F.source(source.labels, step))
            env[name] = taint
        return env

    def _param_is_source(self, spec, param: cst.Param, index: int, names: list, decorators: list) -> bool:
        name = param.name.value
        if name in spec.exclude_names:
            return False
        decorated = (bool(spec.decorators) and any(spec.decorators.match(*d) for d in decorators)) or spec.functions.match(self.fs.name)
        after = any(n in spec.after for n in names[:index])
        if not (decorated or after):
            return False
        default = param.default
        if isinstance(default, cst.Call) and spec.exclude_defaults.match(chain(default.func)):
            return False
        annotation = param.annotation
        return not (annotation is not None and spec.exclude_annotations.match(code_of(annotation.annotation, 200)))

    def name_source(self, name: str, node: cst.CSTNode, note=None) -> dict:
        """Labels of a value read or stored under a key-like name; `note` makes the step's note
        (default: the node's code), only when a source matches."""
        normal = normalise_name(name)
        taint: dict = {}
        for source in self.config.sources:
            if source.names and source.name_matches(normal):
                text = note() if note is not None else f"source: {code_of(node)}"
                taint = F.join(taint, self._found(source, node, text, name))
        return taint

    def store_source(self, key: str, value: cst.BaseExpression, taint: dict | None = None) -> dict:
        """Labels of a value stored under a key-like key (e.g. an Authorization header; `keys`
        sources mark constants too: that a Merchant-Serial-Number header is set)."""
        # a constant, a sanitiser's result or what the requester's own record holds (`taint`: the value's)
        plain = is_constant(value) or self._sanitising(value) or (taint is not None and self._owned(taint))
        found: dict = {}
        for source in self.config.sources:
            if source.keys.search(key):
                found = F.join(found, self._keyed(source, value, key))
            elif not plain and source.stores.search(key):
                found = F.join(found, self._found(source, value, f"source: stored as {key!r}", key))
        return found

    def _keyed(self, source, value: cst.BaseExpression, key: str) -> dict:
        """That a key is set; when only because an optional argument was given, that depends on the caller."""
        mentioned = set(re.findall(r"\w+", code_of(value, 200))) & self.given
        if not mentioned:
            return self._found(source, value, f"source: stored as {key!r}", key)
        step = self.a.step(value, f"source: stored as {key!r} when {min(mentioned)} is given")
        return F.with_step(F.transform(F.symbol(("given", self.fs.qname, min(mentioned))), ("add", source.labels)), step)

    def _owned(self, taint: dict) -> bool:
        """Whether the value is (read off) the requester's own record (a source with `own`)."""
        own = self.config.own_labels
        return bool(own) and any(origin[0] == "src" and origin[1] & own for origin, _ in taint)

    def _sanitising(self, value: cst.BaseExpression) -> bool:
        """Whether `value` is a sanitiser's result (`mask(key)`, `len(key)`): stored under a key
        name, it is no key."""
        if not isinstance(value, cst.Call):
            return False
        raw = chain(value.func)
        names = (raw, self.a.imports.resolve(raw))
        return any(s.calls.match(*names) and not s.mentions for s in self.config.sanitizers)

    def literal_source(self, text: str | None, node: cst.CSTNode) -> dict:
        """Labels of a string literal by its text (f-strings with {} for the variable parts)."""
        taint: dict = {}
        for source in self.config.sources:
            if source.literals.search(text):
                taint = F.join(taint, F.source(source.labels, self.a.step(node, f"source: {code_of(node)}")))
        return taint

    def _pattern_sources(self, node: cst.CSTNode, names: tuple, attribute: str, url: str | None = None) -> dict:
        taint: dict = {}
        for source in self.a.matching("sources", attribute, names):
            if source.url and not source.url.search(url):
                continue
            shown = f"a request to {quote(url)}" if source.url else None
            found = self._found(source, node, f"source: {code_of(node)}", names[0], shown)
            if source.at_key:
                found = F.join(*(F.transform(found, ("push", key)) for key in source.at_key))
            taint = F.join(taint, found)
        return taint

    def _found(self, source, node: cst.CSTNode, note: str, own: str | None = None, shown: str | None = None) -> dict:
        """The source's fact at `node`, or nothing when the source counts only in code that shows
        a service (`evidence`) and neither its own text (`own`, e.g. its name), `shown` (evidence
        in the expression itself, e.g. the URL of a token request) nor the scope shows it. The
        evidence goes first in the fact's path, so the finding names it."""
        step = self.a.step(node, note)
        spec = self.config.evidence.get(source.evidence) if source.evidence else None
        if spec is None and shown is None:
            return F.source(source.labels, step)
        if shown is None and own and spec.name_marker(own):
            shown = f"the name {own}"
        if shown is not None:
            return F.source(source.labels, step, (self.a.path, step[1], f"evidence: {shown}"))
        scope = self.a.evidence[source.evidence]
        marker = scope.of(self.a.class_nodes.get(self.cls) if self.cls else None)
        if marker is None:
            return {}
        line, text = marker
        return F.source(source.labels, step, (self.a.path, line, f"evidence: {text}"))
