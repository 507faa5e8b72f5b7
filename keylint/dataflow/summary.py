"""What the per-module analysis leaves for the project solver: plain, picklable records.

Taints inside are symbolic (see facts.py): they may depend on the enclosing function's
parameters, on call results, module globals and `self` fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MODULE_SCOPE = "<module>"


@dataclass(slots=True)
class CallSite:
    """A call that may land in a function of the scanned project."""

    id: str
    callee: str
    candidates: tuple
    args: tuple  # ((position, taint), ...): position is an index, a keyword, "*" or "**"
    default: dict  # the result if no candidate is a project function
    bound: bool  # called through an instance: the callee's first parameter is already bound
    path: str
    line: int
    receiver: dict = field(default_factory=dict)  # the instance it is called on: the callee's `self`
    any_of: bool = False  # it may call each candidate (a dispatch table), not the first that resolves
    presence: tuple = ()  # ((position, presence), ...): keylint/dataflow/presence.py


@dataclass(slots=True)
class SinkEvent:
    rule_id: str
    sink_index: int
    taint: dict
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    scope: str
    url: str | None = None
    key: str | None = None  # a store's key that names another module's constant (facts.constant_ref)


@dataclass(slots=True)
class FunctionSummary:
    qname: str
    name: str
    params: tuple  # positional-or-keyword parameter names, in order
    kwonly: tuple = ()
    vararg: str | None = None
    kwarg: str | None = None
    class_qname: str | None = None
    returns_class: str | None = None  # the return annotation's class name (`-> EPaymentClient`), as written or resolved
    returns: dict = field(default_factory=dict)
    calls: list = field(default_factory=list)
    field_stores: list = field(default_factory=list)  # (class qname, attribute, taint)
    sinks: list = field(default_factory=list)


@dataclass(slots=True)
class ModuleSummary:
    path: str
    module: str
    functions: dict = field(default_factory=dict)  # qname -> FunctionSummary ("<module>" code too)
    classes: dict = field(default_factory=dict)  # qname -> base candidates
    globals: dict = field(default_factory=dict)  # name -> taint at the end of the module code
    settings_names: frozenset = frozenset()  # a settings module's names (keylint/dataflow/environments.py)
    star_imports: tuple = ()  # the modules it star-imports (`from .base import *`)
    reads_settings: tuple = ()  # globs over the settings modules its `settings.X` reads may come from
    strings: dict = field(default_factory=dict)  # module-level names bound to literal text: name -> text

    @property
    def module_scope(self) -> str:
        return f"{self.module}.{MODULE_SCOPE}"
