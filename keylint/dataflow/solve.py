"""The project phase: resolve calls between the scanned modules and make every fact concrete.

Per-function return summaries stay symbolic in the function's own parameters, so each call site
gets its own result (context-sensitive returns). Parameter values are the union over all
call sites (context-insensitive), as are module globals; a method's `self` is its receivers, so
`self` fields are those of the instances it runs on (instances.py); `settings.X` is X per
deployment (environments.py); optional arguments are given or not per call (presence.py). The
tables only grow, over finite fact sets, and at most MAX_ROUNDS rounds run: recursion and import
cycles terminate.
"""

from __future__ import annotations

from keylint.dataflow import environments as E
from keylint.dataflow import facts as F
from keylint.dataflow import presence as P
from keylint.dataflow.instances import MAX_BASES, Instances
from keylint.dataflow.summary import FunctionSummary, ModuleSummary

MAX_ROUNDS = 30


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a.split("."), b.split(".")):
        if x != y:
            break
        n += 1
    return n


def functions_in_order(functions: dict) -> list:
    return [functions[q] for q in sorted(functions)]


class ProjectIndex(Instances):
    """All module summaries of a scan, solved. Plain data: it pickles for worker processes."""

    def __init__(self, summaries: dict[str, ModuleSummary], rule_ids: frozenset | None = None):
        self.summaries = summaries
        self.rule_ids = rule_ids  # the rules whose project prefilter passed (None: all)
        self.functions: dict[str, FunctionSummary] = {}
        self.classes: dict[str, tuple] = {}
        self.modules: dict[str, ModuleSummary] = {}
        self.sites: dict = {}
        self._named: dict[str, list] = {}  # last dotted part -> the qnames ending in it (see lookup)
        self._suffix: dict[str, tuple] = {}  # dotted suffix -> the qnames ending in it, as looked up
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
            _, dot, last = qname.rpartition(".")
            if dot:
                self._named.setdefault(last, []).append(qname)
        self._callees: dict = {}
        self.ret: dict = {}
        self.pval: dict = {}
        self.fval: dict = {}  # (class, attribute) -> what methods other than __init__ store
        self.ival: dict = {}  # (class, attribute) -> what __init__ stores, in any instance
        self.gval: dict = {}
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
        self._solved: dict | None = None
        self._solve()
        self._solved = {}  # call-site values from here on: the tables no longer change

    # ----- resolution ---------------------------------------------------------------------------

    def lookup(self, name: str, near: str) -> str | None:
        """The project function, class or module `name` refers to (exactly, or as a suffix)."""
        if name in self.functions or name in self.classes or name in self.modules:
            return name
        matches = self._suffix.get(name)
        if matches is None:  # every suffix of a qname ends in its last part: only those can match
            ending = "." + name
            named = self._named.get(name.rpartition(".")[2], ())
            matches = self._suffix[name] = tuple(q for q in named if q.endswith(ending))
        if not matches:
            return None
        return max(matches, key=lambda q: (_common_prefix(q, near), [-ord(c) for c in q]))

    def slot_text(self, slot: str | None) -> str | None:
        """A slot's text with the module constants it names filled in; an unknown one stands
        for any text, so only what follows it counts."""
        if not slot or F.CONSTANT_MARK not in slot:
            return slot
        parts = slot.split(F.CONSTANT_MARK)
        text = parts[0]
        for ref, after in zip(parts[1::2], parts[2::2]):
            module, _, name = ref.rpartition(".")
            summary = self.modules.get(self.lookup(module, module) or "")
            known = summary.strings.get(name) if summary is not None else None
            text = (text + known if known is not None else "") + after
        return text

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

    def callees(self, site) -> tuple:
        """((function, bound, is_constructor), ...) a call site may land in (kept for every site: a tuple)."""
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
                owners = self.made_by(owner) if owner in self.functions else [owner]  # a factory's result
                for function in [self.method(o, name) for o in owners if o in self.classes]:
                    if function is not None:
                        found.append((function, site.bound, False))
            if found and not site.any_of:
                break
        found = self._callees[site.id] = tuple(found)
        return found

    def made_by(self, qname: str, depth: int = 0) -> list:
        """The classes a factory function returns instances of: its return annotation, else the
        classes its `return C(...)` or `return TABLE[key](...)` construct (or that the factories
        it returns the result of make)."""
        fs = self.functions[qname]
        if fs.returns_class:
            return [self.lookup(fs.returns_class, qname)]
        made: list = []
        for origin, ops in fs.returns if depth < MAX_BASES else ():
            site = self.sites.get(origin[1]) if origin[0] == "call" and not ops else None
            for position, (function, _, constructor) in enumerate(self.callees(site) if site else ()):
                if constructor:
                    made.append(self._made_class[(site.id, position)])
                elif function is not None and function.qname != qname:
                    made += self.made_by(function.qname, depth + 1)
        return sorted(set(made))

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
        steps = ((step,) if step else ()) + suffix
        if not ops and not steps:  # concrete facts carry no ops: nothing to replay
            return value
        out: dict = {}
        for (origin, own_ops), path in value.items():
            if origin[0] == "src":
                replayed = F.replay(origin, ops) if ops else origin
                if replayed is None:
                    continue
                key = (replayed, ())
            else:
                combined = F.compose_all(own_ops, ops) if ops else own_ops
                if combined is None:
                    continue
                key = (origin, combined)
            full = path
            for s in steps:
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
                F.put(out, (origin, ops), path)
                continue
            if kind == "given":
                F.merge_into(out, self._given_value(origin, ops, path))
                continue
            if kind == "call":
                value = self._site_value_memo(origin[1], fs, memo)
            elif kind == "global":
                key = (self.lookup(origin[1], fs.qname), origin[2])
                self.read("gval", key)
                value = self.gval.get(key, {})
            elif kind == "field":
                value = self._field(origin[1], origin[2])
            elif kind == "settings":
                value = self._setting(origin[1])
            else:
                value, ops = self._param(origin, ops)
            if value:
                F.merge_into(out, self._replay(value, ops, path))
        return E.select(F.widen(out))

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
            self.read("ret", function.qname)
            for (origin, ops), path in self.ret.get(function.qname, {}).items():
                if origin[0] == "src":
                    F.put(out, (origin, ops), path)
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

    def _setting(self, name: str) -> dict:
        """`settings.<name>`: its value in each settings module (deployment), tagged with it."""
        out: dict = {}
        self.read("setting", name)
        for module in self.settings_modules:
            value = E.setting(self.modules, self.gval, module, name)
            if value:
                F.merge_into(out, E.tag(value, module))
        return out

    def concretize(self, taint: dict, fs: FunctionSummary, memo: dict | None = None) -> dict:
        """Only concrete facts: the function's own parameters replaced by what callers pass."""
        if memo is None:
            memo = {} if self._solved is None else self._solved
        out: dict = {}
        for (origin, ops), path in self.expand(taint, fs, memo).items():
            if origin[0] == "src":
                F.put(out, (origin, ops), path)
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

    def _solve(self) -> None:
        functions = functions_in_order(self.functions)
        with_returns = [f for f in functions if f.returns]
        with_calls = [f for f in functions if any(s.receiver or any(t for _, t in s.args) for s in f.calls)]
        with_stores = [f for f in functions if f.field_stores]
        self._start_tracking()
        for _ in range(MAX_ROUNDS):
            changed = False
            for fs in with_returns:
                changed |= self.run(("ret", fs.qname), lambda: self.grow("ret", fs.qname, self.expand(fs.returns, fs)))
            for fs in with_calls:
                changed |= self.run(("args", fs.qname), lambda: self._pass_arguments(fs))
            for fs in with_stores:
                changed |= self.run(("stores", fs.qname), lambda: self._store_fields(fs))
            self.new_round()
            for module in self.modules.values():
                changed |= self.run(("globals", module.module), lambda: self._bind_globals(module))
            if not changed:
                break
        self.stop_tracking()

    def _store_fields(self, fs: FunctionSummary) -> bool:
        changed, memo = False, {}
        for class_qname, attr, taint in fs.field_stores:
            table = "ival" if fs.name == "__init__" and class_qname == fs.class_qname else "fval"
            changed |= self.grow(table, (class_qname, attr), self.concretize(taint, fs, memo))
        return changed

    def _bind_globals(self, module: ModuleSummary) -> bool:
        changed = False
        scope, memo = self.functions[module.module_scope], {}
        for name, taint in module.globals.items():
            changed |= self.grow("gval", (module.module, name), self.concretize(taint, scope, memo))
        return changed

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
                    changed |= self.grow("pval", (function.qname, name), value)
        return changed
