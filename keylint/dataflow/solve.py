"""The project phase: resolve calls between the scanned modules and make every fact concrete.

Per-function return summaries stay symbolic in the function's own parameters, so each call site
gets its own result (context-sensitive returns). Parameter values are the union over all
call sites (context-insensitive), as are `self` fields and module globals. Everything is a
monotone fixpoint over finite fact sets: recursion and import cycles terminate.
"""

from __future__ import annotations

from keylint.dataflow import environments as E
from keylint.dataflow import facts as F
from keylint.dataflow import presence as P
from keylint.facts.modules import WANTED_GLOB
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


def functions_in_order(functions: dict) -> list:
    return [functions[q] for q in sorted(functions)]


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
        self._made_class: dict = {}  # constructor call site -> the class it makes
        for path in sorted(summaries):
            summary = summaries[path]
            self.modules[summary.module] = summary
            self.functions.update(summary.functions)
            self.classes.update(summary.classes)
        for fs in self.functions.values():
            for site in fs.calls:
                self.sites[site.id] = site
        self.settings_modules = sorted(m for m, s in self.modules.items() if s.settings_names or s.star_imports)
        for qname in sorted({*self.functions, *self.classes, *self.modules}):
            parts = qname.split(".")
            for i in range(1, len(parts)):
                self._suffix.setdefault(".".join(parts[i:]), []).append(qname)
        self._callees: dict = {}
        self.ret: dict = {}
        self.pval: dict = {}
        self.fval: dict = {}  # (class, attribute) -> what methods other than __init__ store
        self.ival: dict = {}  # (class, attribute) -> what __init__ stores, in any instance
        self.gval: dict = {}
        self._fields: dict = {}
        self.subclasses: dict = {}
        for qname in sorted(self.classes):
            for base in self.classes[qname]:
                resolved = self.lookup(base, qname)
                if resolved in self.classes:
                    self.subclasses.setdefault(resolved, []).append(qname)
        self.constructions: dict = {}  # class -> [(site, __init__, caller)] of the calls that make one
        self.calls_into: dict = {}  # function -> [(site, bound, caller)] of the calls that land in it
        self.owner: dict = {}  # call site id -> the function it is in
        for fs in functions_in_order(self.functions):
            for site in fs.calls:
                self.owner[site.id] = fs
                for position, (function, bound, constructor) in enumerate(self.callees(site)):
                    if function is not None:
                        self.calls_into.setdefault(function.qname, []).append((site, bound, fs))
                    if constructor and function is not None:
                        self.constructions.setdefault(self._made_class[(site.id, position)], []).append((site, function, fs))
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
                self._made_class[(site.id, len(found) - 1)] = resolved
            elif "." in candidate:
                owner, _, name = candidate.rpartition(".")
                owner = self.lookup(owner, site.path.replace("/", "."))
                if owner in self.functions and self.functions[owner].returns_class:  # a factory's result
                    owner = self.lookup(self.functions[owner].returns_class, owner)
                function = self.method(owner, name) if owner in self.classes else None
                if function is not None:
                    found.append((function, site.bound, False))
            if found and not site.any_of:
                break
        self._callees[site.id] = found
        return found

    @staticmethod
    def map_args(site, function: FunctionSummary, bound: bool) -> dict:
        """Parameter name -> taint of what the call site passes to it (the receiver to `self`)."""
        params = list(function.params[1:] if bound and function.params else function.params)
        named = [*params, *function.kwonly]
        out: dict = {}

        def add(name, taint):
            out[name] = F.join(out.get(name, {}), taint)

        if bound and function.params and site.receiver:
            add(function.params[0], site.receiver)

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
            if kind == "src" or (kind in ("param", "given") and origin[1] == fs.qname):
                F.merge_into(out, {(origin, ops): path})
                continue
            if kind == "given":
                F.merge_into(out, self._given_value(origin, ops, path))
                continue
            if kind == "call":
                value = self._site_value_memo(origin[1], fs, memo)
            elif kind == "global":
                value = self.gval.get((self.lookup(origin[1], fs.qname), origin[2]), {})
            elif kind == "field":
                value = self._field(origin[1], origin[2])
            elif kind == "settings":
                value = self._setting(origin[1])
            else:
                value, ops = self._param(origin, ops)
            if value:
                F.merge_into(out, self._replay(value, ops, path))
        return E.select(F.widen(out))

    def _param(self, origin: tuple, ops: tuple, value: dict | None = None) -> tuple:
        """What a parameter holds (`value`, default: what all callers pass) and the ops left to
        apply. `self.attr` in a method is the attribute of the instances it is called on; of an
        instance that does not show it (made where keylint cannot see, or set outside
        `__init__`), the class's field as any instance of it holds it."""
        value = self.pval.get((origin[1], origin[2]), {}) if value is None else value
        fs = self.functions.get(origin[1])
        if not ops or ops[0][0] != "pop" or fs is None or not fs.class_qname or fs.params[:1] != (origin[2],):
            return value, ops
        own = self._replay(value, ops[:1], ())
        return (own, ops[1:]) if own else (self._field(fs.class_qname, ops[0][1]), ops[1:])

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
                if origin[0] == "given":
                    F.merge_into(out, self._given_at(site, function, bound, origin, ops, path))
                    continue
                args = self.map_args(site, function, bound) if args is None else args
                passed, left = self._param(origin, ops, self.expand(args.get(origin[2], {}), fs, memo))
                if passed:
                    step = (site.path, site.line, f"passed to {function.name}() as {origin[2]}")
                    F.merge_into(out, self._replay(passed, left, path, step))
        return E.select(out)

    def _instance(self, site, init: FunctionSummary, fs: FunctionSummary, memo: dict) -> dict:
        """A new object: what each `__init__` parameter received, under the parameter's name
        (`KeySet(cid, secret, "partner")`: `.kind` is not the secret; the fields are read
        through the class's field stores)."""
        out: dict = {}
        args = {name: self.expand(taint, fs, memo) for name, taint in self.map_args(site, init, True).items()}
        for name, taint in args.items():
            F.merge_into(out, F.transform(taint, ("push", name)))
        for attr, taint in self._made_fields(init, args, memo).items():
            F.merge_into(out, F.transform(taint, ("push", attr)))
        return out

    def _made_fields(self, init: FunctionSummary, args: dict, memo: dict, depth: int = 0) -> dict:
        """attribute -> value of what `init` stores in `self` given these arguments, with the
        methods it calls on `self` (`super().__init__(keys)`): fields of this one instance."""
        fields: dict = {}
        if init.class_qname is None or depth > MAX_BASES:
            return fields
        own = (init.params[0],) if init.params else ()
        for class_qname, attr, taint in init.field_stores:
            if class_qname == init.class_qname:
                fields[attr] = F.join(fields.get(attr, {}), self._bind(taint, init, args, memo))
        for site in init.calls:
            if not any(origin[0] == "param" and origin[1:] == (init.qname, *own) for origin, _ in site.receiver):
                continue
            for function, bound, _ in self.callees(site):
                if function is not None and bound:
                    inner = {n: self._bind(t, init, args, memo) for n, t in self.map_args(site, function, bound).items()}
                    for attr, taint in self._made_fields(function, inner, memo, depth + 1).items():
                        fields[attr] = F.join(fields.get(attr, {}), taint)
        return fields

    def _bind(self, taint: dict, fs: FunctionSummary, args: dict, memo: dict) -> dict:
        """`taint` of `fs` with `fs`'s own parameters replaced by `args` (name -> value)."""
        out: dict = {}
        for (origin, ops), path in self.expand(taint, fs, memo).items():
            if origin[0] == "param" and origin[1] == fs.qname:
                value, left = self._param(origin, ops, args.get(origin[2], {}))
                F.merge_into(out, self._replay(value, left, path))
            else:
                F.merge_into(out, {(origin, ops): path})
        return out

    def _setting(self, name: str) -> dict:
        """`settings.<name>`: its value in each settings module (deployment), tagged with it."""
        out: dict = {}
        for module in self.settings_modules:
            value = E.setting(self.modules, self.gval, module, name)
            if value:
                F.merge_into(out, E.tag(value, module))
        return out

    def _field(self, class_qname: str, attr: str) -> dict:
        """An attribute of any instance of the class: what its methods store there, and what its
        `__init__` stores in the instances made of it or of its subclasses where the scan sees
        them (else in any instance: the pooled `__init__` stores)."""
        key = (class_qname, attr)
        if key not in self._fields:
            self._fields[key] = {}  # a field read while making the instances that hold it: nothing yet
            made = self._made_here(class_qname)
            value = F.join(self._stored(self.fval, class_qname, attr),
                           self._constructed(made, attr) if made else self._stored(self.ival, class_qname, attr))
            self._fields[key] = value
        return self._fields[key]

    def _stored(self, table: dict, class_qname: str, attr: str, depth: int = 0) -> dict:
        value = table.get((class_qname, attr), {})
        if depth < MAX_BASES:
            for base in self.classes.get(class_qname, ()):
                resolved = self.lookup(base, class_qname)
                if resolved in self.classes:
                    value = F.join(value, self._stored(table, resolved, attr, depth + 1))
        return value

    def _made_here(self, class_qname: str, depth: int = 0) -> list:
        """The constructor calls the scan sees of the class and its subclasses."""
        found = list(self.constructions.get(class_qname, ()))
        if depth < MAX_BASES:
            for sub in self.subclasses.get(class_qname, ()):
                found += self._made_here(sub, depth + 1)
        return found

    def _constructed(self, made: list, attr: str) -> dict:
        out: dict = {}
        for site, init, owner in made:
            memo: dict = {}
            made = F.transform(self._instance(site, init, owner, memo), ("pop", attr))
            F.merge_into(out, self.concretize(made, owner, memo) if made else made)
        return out

    def concretize(self, taint: dict, fs: FunctionSummary, memo: dict | None = None) -> dict:
        """Only concrete facts: the function's own parameters replaced by what callers pass."""
        out: dict = {}
        for (origin, ops), path in self.expand(taint, fs, memo).items():
            if origin[0] == "src":
                F.merge_into(out, {(origin, ops): path})
            elif origin[0] == "given":
                F.merge_into(out, self._given_value(origin, ops, path))
            else:
                value, left = self._param(origin, ops)
                if value:
                    F.merge_into(out, self._replay(value, left, path))
        return out

    # ----- optional arguments (keylint/dataflow/presence.py) ------------------------------------

    _GIVEN = {(F.src(()), ()): ()}

    def _given_at(self, site, function: FunctionSummary, bound: bool, origin: tuple, ops: tuple, path: tuple) -> dict:
        """A ("given", function, param) fact of what `function` returns, at one call of it."""
        gives = P.site_gives(site, function, bound, origin[2])
        if gives == P.NO:
            return {}
        step = (site.path, site.line, f"{origin[2]} given to {function.name}()")
        if gives == P.YES:
            return self._replay(self._GIVEN, ops, path, step)
        return {(("given", self.owner[site.id].qname, gives), ops): F.extend(path, step)}

    def _given_value(self, origin: tuple, ops: tuple, path: tuple) -> dict:
        """A ("given", function, param) fact where it stays in the function: it holds when every call gives it."""
        return self._replay(self._GIVEN, ops, path) if self._always_given(origin[1], origin[2], set()) else {}

    def _always_given(self, qname: str, param: str, seen: set) -> bool:
        if (qname, param) in seen:
            return True
        seen.add((qname, param))
        function = self.functions.get(qname)
        for site, bound, caller in self.calls_into.get(qname, ()):
            gives = P.site_gives(site, function, bound, param)
            if gives == P.NO or (gives != P.YES and not self._always_given(caller.qname, gives, seen)):
                return False
        return True

    # ----- the fixpoint -----------------------------------------------------------------------------

    @staticmethod
    def _grow(table: dict, key, value: dict) -> bool:
        old = table.get(key, {})
        if all(k in old for k in value):
            return False
        table[key] = F.join(old, value)
        return True

    def _solve(self) -> None:
        functions = functions_in_order(self.functions)
        with_returns = [f for f in functions if f.returns]
        with_calls = [f for f in functions if any(s.receiver or any(t for _, t in s.args) for s in f.calls)]
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
                    table = self.ival if fs.name == "__init__" and class_qname == fs.class_qname else self.fval
                    changed |= self._grow(table, (class_qname, attr), self.concretize(taint, fs, memo))
            self._fields = {}
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
            if not site.receiver and not any(t for _, t in site.args):
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
