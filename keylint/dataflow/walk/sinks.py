"""The Walker's sinks (keylint/dataflow/intra.py assembles the Walker from these mixins).

Sink events: a tainted value reaching a sink (a call's arguments, a stored key).
"""

from __future__ import annotations

import libcst as cst

from keylint.dataflow import facts as F
from keylint.dataflow.summary import SinkEvent
from keylint.dataflow.walk.nodes import template_text
from keylint.facts.names import code_of
from keylint.facts.python_bindings import literal_string


class SinksMixin:
    """Sink events: a tainted value reaching a sink (a call's arguments, a stored key)."""

    def key_sinks(self, key: str, node: cst.CSTNode, taint: dict) -> None:
        """A value stored under `key`; a key that names another module's constant is matched
        once the solver knows its text (SinkEvent.key)."""
        deferred = F.CONSTANT_MARK in key
        for sink in self.config.sinks:
            if sink.stores and (deferred or sink.stores.search(key)):
                self.sink_event(sink, node, taint, key=key if deferred else None)

    def sink_event(self, sink, node: cst.CSTNode, taint: dict, url: str | None = None, key: str | None = None) -> None:
        taint = F.transform(taint, ("drop", self.assumed)) if self.assumed else taint
        if not taint:
            return
        line, column, end_line, end_column = self.a.positions[node]
        self.fs.sinks.append(SinkEvent(
            rule_id=sink.rule_id, sink_index=sink.index, taint=taint,
            line=line, column=column + 1, end_line=end_line, end_column=end_column + 1,
            code=code_of(node), scope="" if self.is_module else self.fs.qname.removeprefix(self.a.module + "."), url=url,
            key=key,
        ))

    def call_sinks(self, node: cst.Call, names: tuple, args: list, receiver: dict) -> None:
        for sink in self.a.matching("sinks", "calls", names):
            if not self._literals_match(sink, args):
                continue
            watched = [F.transform(t, ("push", p)) if sink.whole_request and isinstance(p, str) and p not in ("*", "**") else t
                       for p, t, _ in args if sink.selects(p)]
            if "receiver" in sink.args:
                watched.append(receiver)
            self.sink_event(sink, node, F.join(*watched), self._url_text(args) if sink.url else None)

    @staticmethod
    def _url_text(args: list) -> str | None:
        """The URL argument (first positional or url=) as text with {} for its variable parts."""
        return template_text(next((v for p, _, v in args if p in (0, "url")), None))

    @staticmethod
    def _literals_match(sink, args: list) -> bool:
        values = {p: literal_string(v) for p, _, v in args}
        return all(pattern.search(values.get(position) or "\0") for position, pattern in sink.literals)
