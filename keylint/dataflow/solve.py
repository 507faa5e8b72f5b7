"""The project phase: resolve calls between the scanned modules and make every fact concrete.

Per-function return summaries stay symbolic in the function's own parameters, so each call site
gets its own result (context-sensitive returns). Parameter values are the union over all
call sites (context-insensitive), as are `self` fields and module globals. Everything is a
monotone fixpoint over finite fact sets: recursion and import cycles terminate.
"""

from __future__ import annotations

from keylint.dataflow import facts as F
from keylint.dataflow.summary import FunctionSummary, ModuleSummary

MAX_ROUNDS = 30
MAX_BASES = 6


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a.split("."), b.split(".")):
        if x != y:
            break
        n += 1
    return n


class ProjectIndex:
    """All module summaries of a scan, solved. Plain data: it pickles for worker processes."""

    def __init__(self, summaries: dict[str, ModuleSummary], rule_ids: frozenset | None = None):
        self.summaries = summaries
        self.rule_ids = rule_ids  # the rules whose project prefilter passed (None: all)
        self.functions: dict[str, FunctionSummary] = {}
        self.classes: dict[str, tuple] = {}
        self.modules: dict[str, ModuleSummary] = {}
        self.sites: dict = {}
        self._suffix: dict[str, list] = {}
        for path in sorted(summaries):
            summary = summaries[path]
            self.modules[summary.module] = summary
            self.functions.update(summary.functions)
            self.classes.update(summary.classes)
        for fs in self.functions.values():
            for site in fs.calls:
                self.sites[site.id] = site
        for qname in sorted({*self.functions, *self.classes, *self.modules}):
            parts = qname.split(".")
            for i in range(1, len(parts)):
                self._suffix.setdefault(".".join(parts[i:]), []).append(qname)
        self._callees: dict = {}
        self.ret: dict = {}
        self.pval: dict = {}
        self.fval: dict = {}
        self.gval: dict = {}
        self._solve()

    # ----- resolution ---------------------------------------------------------------------------

    def lookup(self, name: str, near: str) -> str | None:
        """The project function, class or module `name` refers to (exactly, or as a suffix)."""
        if name in self.functions or name in self.classes or name in self.modules:
            return name
        matches = self._suffix.get(name)
        if not matches:
            return None
        return max(matches, key=lambda q: (_common_prefix(q, near), [-ord(c) for c in q]))

    def method(self, class_qname: str, name: str, depth: int = 0) -> FunctionSummary | None:
        found = self.functions.get(f"{class_qname}.{name}")
        if found is not None or depth > MAX_BASES:
            return found
        for base in self.classes.get(class_qname, ()):
            resolved = self.lookup(base, class_qname)
            if resolved in self.classes:
                found = self.method(resolved, name, depth + 1)
                if found is not None:
                    return found
        return None

    def callees(self, site) -> list:
        """[(function, bound, is_constructor)] a call site may land in."""
        cached = self._callees.get(site.id)
        if cached is not None:
            return cached
        found = []
        for candidate in site.candidates:
            resolved = self.lookup(candidate, site.path.replace("/", "."))
            if resolved in self.functions:
                found.append((self.functions[resolved], site.bound, False))
            elif resolved in self.classes:
                init = self.method(resolved, "__init__")
                found.append((init, True, True))
            elif "." in candidate:
                owner, _, name = candidate.rpartition(".")
                owner = self.lookup(owner, site.path.replace("/", "."))
                if owner in self.functions and self.functions[owner].returns_class:  # a factory's result
                    owner = self.lookup(self.functions[owner].returns_class, owner)
                function = self.method(owner, name) if owner in self.classes else None
                if function is not None:
                    found.append((function, site.bound, False))
            if found:
                break
        self._callees[site.id] = found
        return found

    @staticmethod
    def map_args(site, function: FunctionSummary, bound: bool) -> dict:
        """Parameter name -> taint of what the call site passes to it."""
        params = list(function.params[1:] if bound and function.params else function.params)
        named = [*params, *function.kwonly]
        out: dict = {}

        def add(name, taint):
            out[name] = F.join(out.get(name, {}), taint)

        for position, taint in site.args:
            if not taint:
                continue
            if isinstance(position, int):
                if position < len(params):
                    add(params[position], taint)
                elif function.vararg:
                    add(function.vararg, taint)
            elif position in ("*", "**"):
                for name in (params if position == "*" else named):
                    add(name, taint)
                extra = function.vararg if position == "*" else function.kwarg
                if extra:
                    add(extra, taint)
            elif position in named:
                add(position, taint)
            elif function.kwarg:
                add(function.kwarg, F.transform(taint, ("push", position)))
        return out

    # ----- making facts concrete ------------------------------------------------------------------

    @staticmethod
    def _replay(value: dict, ops: tuple, suffix: tuple, step=None) -> dict:
        """`value` put through a symbolic fact's ops, with the fact's path appended."""
        out: dict = {}
        for (origin, own_ops), path in value.items():
            if origin[0] == "src":
                key = (F.replay(origin, ops), ())
                if key[0] is None:
                    continue
            else:
                combined = own_ops
                for op in ops:
                    combined = F.compose(combined, op) if combined is not None else None
                if combined is None:
                    continue
                key = (origin, combined)
            full = path
            for s in ((step,) if step else ()) + suffix:
                full = F.extend(full, s)
            if key not in out or len(full) < len(out[key]):
                out[key] = full
        return out

    def expand(self, taint: dict, fs: FunctionSummary, memo: dict | None = None) -> dict:
        """`taint` with call results, globals, fields and outer parameters substituted.

        `memo` caches call-site values while the tables stay the same (None marks a site
        being expanded: a cycle contributes nothing).
        """
        memo = {} if memo is None else memo
        out: dict = {}
        for (origin, ops), path in taint.items():
            kind = origin[0]
            if kind == "src" or (kind == "param" and origin[1] == fs.qname):
                F.merge_into(out, {(origin, ops): path})
                continue
            if kind == "call":
                value = self._site_value_memo(origin[1], fs, memo)
            elif kind == "global":
                value = self.gval.get((self.lookup(origin[1], fs.qname), origin[2]), {})
            elif kind == "field":
                value = self._field(origin[1], origin[2])
            else:
                value = self.pval.get((origin[1], origin[2]), {})
            if value:
                F.merge_into(out, self._replay(value, ops, path))
        return F.widen(out)

    def _site_value_memo(self, site_id: str, fs: FunctionSummary, memo: dict) -> dict:
        if site_id in memo:
            return memo[site_id] or {}
        site = self.sites.get(site_id)
        if site is None:
            return {}
        memo[site_id] = None
        value = memo[site_id] = self._site_value(site, fs, memo)
        return value

    def _site_value(self, site, fs: FunctionSummary, memo: dict) -> dict:
        callees = self.callees(site)
        if not callees:
            return self.expand(site.default, fs, memo)
        out: dict = {}
        for function, bound, constructor in callees:
            if constructor and function is not None:
                F.merge_into(out, self._instance(site, function, fs, memo))
                continue
            if function is None:
                F.merge_into(out, self.expand(site.default, fs, memo))
                continue
            args = None
            for (origin, ops), path in self.ret.get(function.qname, {}).items():
                if origin[0] == "src":
                    F.merge_into(out, {(origin, ops): path})
                    continue
                args = self.map_args(site, function, bound) if args is None else args
                passed = args.get(origin[2])
                if passed:
                    step = (site.path, site.line, f"passed to {function.name}() as {origin[2]}")
                    F.merge_into(out, self._replay(self.expand(passed, fs, memo), ops, path, step))
        return out

    def _instance(self, site, init: FunctionSummary, fs: FunctionSummary, memo: dict) -> dict:
        """A new object: what each `__init__` parameter received, under the parameter's name
        (`KeySet(cid, secret, "partner")`: `.kind` is not the secret; the fields are read
        through the class's field stores)."""
        out: dict = {}
        for name, taint in self.map_args(site, init, True).items():
            F.merge_into(out, F.transform(self.expand(taint, fs, memo), ("push", name)))
        return out

    def _field(self, class_qname: str, attr: str, depth: int = 0) -> dict:
        value = self.fval.get((class_qname, attr), {})
        if depth < MAX_BASES:
            for base in self.classes.get(class_qname, ()):
                resolved = self.lookup(base, class_qname)
                if resolved in self.classes:
                    value = F.join(value, self._field(resolved, attr, depth + 1))
        return value

    def concretize(self, taint: dict, fs: FunctionSummary, memo: dict | None = None) -> dict:
        """Only concrete facts: the function's own parameters replaced by what callers pass."""
        out: dict = {}
        for (origin, ops), path in self.expand(taint, fs, memo).items():
            if origin[0] == "src":
                F.merge_into(out, {(origin, ops): path})
            else:
                value = self.pval.get((origin[1], origin[2]), {})
                if value:
                    F.merge_into(out, self._replay(value, ops, path))
        return out

    # ----- the fixpoint -----------------------------------------------------------------------------

    @staticmethod
    def _grow(table: dict, key, value: dict) -> bool:
        old = table.get(key, {})
        if all(k in old for k in value):
            return False
        table[key] = F.join(old, value)
        return True

    def _solve(self) -> None:
        functions = [self.functions[q] for q in sorted(self.functions)]
        with_returns = [f for f in functions if f.returns]
        with_calls = [f for f in functions if any(any(t for _, t in s.args) for s in f.calls)]
        with_stores = [f for f in functions if f.field_stores]
        for _ in range(MAX_ROUNDS):
            changed = False
            for fs in with_returns:
                changed |= self._grow(self.ret, fs.qname, self.expand(fs.returns, fs))
            for fs in with_calls:
                changed |= self._pass_arguments(fs)
            for fs in with_stores:
                memo: dict = {}
                for class_qname, attr, taint in fs.field_stores:
                    changed |= self._grow(self.fval, (class_qname, attr), self.concretize(taint, fs, memo))
            for module in self.modules.values():
                scope, memo = self.functions[module.module_scope], {}
                for name, taint in module.globals.items():
                    changed |= self._grow(self.gval, (module.module, name), self.concretize(taint, scope, memo))
            if not changed:
                break

    def _pass_arguments(self, fs: FunctionSummary) -> bool:
        changed = False
        memo: dict = {}
        for site in fs.calls:
            if not any(t for _, t in site.args):
                continue
            for function, bound, _ in self.callees(site):
                if function is None:
                    continue
                for name, taint in self.map_args(site, function, bound).items():
                    value = F.with_step(self.concretize(taint, fs, memo), (site.path, site.line, f"passed to {function.name}() as {name}"))
                    changed |= self._grow(self.pval, (function.qname, name), value)
        return changed


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
