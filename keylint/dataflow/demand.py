"""Which calls that land outside the project index could change a finding (the project phase
summarises their targets next): see _Demand."""

from __future__ import annotations

from keylint.dataflow.solve import ProjectIndex
from keylint.dataflow.summary import FunctionSummary
from keylint.facts.modules import WANTED_GLOB


class _Demand:
    """Which calls that land outside the index could change a finding, were their targets
    summarised too: a concrete value goes in (a sink may wait inside), or a sink's value depends
    on what comes out. The answer is the calls' candidate names (plus the bases of classes
    whose methods or fields are missing), for the project phase to summarise next."""

    def __init__(self, index: ProjectIndex):
        self.index = index
        self.wanted: set[str] = set()
        self._seen: set = set()
        self.owner = {site.id: fs for fs in index.functions.values() for site in fs.calls}
        self._callers: dict | None = None

    def run(self) -> set[str]:
        for qname in sorted(self.index.functions):
            fs = self.index.functions[qname]
            memo: dict = {}
            for site in fs.calls:
                if not self.index.callees(site) and any(t and self.index.concretize(t, fs, memo) for _, t in site.args):
                    self._want(site)
            for event in fs.sinks:
                self._trace(event.taint, fs)
        return self.wanted

    def _want(self, site) -> None:
        self.wanted.update(site.candidates)
        for candidate in site.candidates:  # a method the class may inherit from an unsummarised base
            owner = self.index.lookup(candidate.rpartition(".")[0], site.path.replace("/", "."))
            self.wanted.update(self.index.classes.get(owner, ()))

    def _trace(self, taint: dict, fs: FunctionSummary) -> None:
        """Follow the symbolic facts of a value that reaches a sink back to unresolved calls."""
        for (origin, _), _ in taint.items():
            if origin[0] == "src" or (origin, fs.qname) in self._seen:
                continue
            self._seen.add((origin, fs.qname))
            getattr(self, f"_trace_{origin[0]}")(origin, fs)

    def _trace_call(self, origin: tuple, fs: FunctionSummary) -> None:
        site = self.index.sites.get(origin[1])
        if site is None:
            return
        caller = self.owner.get(site.id, fs)
        for _, taint in site.args:
            self._trace(taint, caller)
        callees = self.index.callees(site)
        if not callees:
            self._want(site)
        for function, _, _ in callees:
            if function is not None:
                self._trace(function.returns, function)

    def _trace_param(self, origin: tuple, fs: FunctionSummary) -> None:
        for site, function, bound in self.callers().get(origin[1], ()):
            taint = ProjectIndex.map_args(site, function, bound).get(origin[2])
            if taint:
                self._trace(taint, self.owner[site.id])

    def _trace_global(self, origin: tuple, fs: FunctionSummary) -> None:
        module = self.index.modules.get(self.index.lookup(origin[1], fs.qname) or "")
        if module is None:  # a module-level value of a module not summarised yet
            self.wanted.add(f"{origin[1]}.{origin[2]}")
        elif origin[2] in module.globals:
            self._trace(module.globals[origin[2]], self.index.functions[module.module_scope])

    def _trace_given(self, origin: tuple, fs: FunctionSummary) -> None:
        """Whether an optional argument is given is known from the call sites alone."""

    def _trace_settings(self, origin: tuple, fs: FunctionSummary) -> None:
        """The settings modules: all of them (by name), and what they bind the name to."""
        self.wanted.update(f"{WANTED_GLOB}{g}" for m in self.index.modules.values() for g in m.reads_settings)
        for module in self.index.settings_modules:
            summary = self.index.modules[module]
            if origin[1] in summary.globals:
                self._trace(summary.globals[origin[1]], self.index.functions[summary.module_scope])

    def _trace_field(self, origin: tuple, fs: FunctionSummary) -> None:
        stores = [(taint, store_fs) for store_fs in self.index.functions.values()
                  for cls, attr, taint in store_fs.field_stores if (cls, attr) == (origin[1], origin[2])]
        for taint, store_fs in stores:
            self._trace(taint, store_fs)
        if not stores:  # set in a base class, perhaps, or in a class not summarised yet
            self.wanted.update(self.index.classes.get(origin[1], (origin[1],)))

    def callers(self) -> dict:
        """Function qname -> [(site, function, bound)] of the calls that land in it."""
        if self._callers is None:
            self._callers = {}
            for site_id in sorted(self.owner):
                site = self.index.sites[site_id]
                for function, bound, _ in self.index.callees(site):
                    if function is not None:
                        self._callers.setdefault(function.qname, []).append((site, function, bound))
        return self._callers


def wanted_callees(index: ProjectIndex) -> set[str]:
    """See _Demand."""
    return _Demand(index).run()
