"""Per-module taint analysis: walks each function's statements in order and records symbolic
summaries (returns, call sites, `self` field stores) and sink events.

The walk is flow-sensitive inside a function (assignments replace, branches merge, a guard
that aborts sanitises what follows) and field-sensitive for literal dict keys and attributes.
What is a source, sink, sanitizer or propagator comes from the EngineConfig (YAML).
"""

from __future__ import annotations

import re

import libcst as cst

from keylint.core.values import normalise_name
from keylint.dataflow import facts as F
from keylint.dataflow.evidence import quote
from keylint.dataflow.scope_evidence import ScopeEvidence
from keylint.dataflow.summary import MODULE_SCOPE, CallSite, FunctionSummary, ModuleSummary, SinkEvent
from keylint.facts.modules import module_name
from keylint.facts.names import Imports, chain, code_of
from keylint.facts.python_bindings import literal_string

_PERCENT = re.compile(r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?P<conv>[diouxXeEfFgGcrsa%])")
_FIELD = re.compile(r"\{([^{}]*)\}")
_KEY_METHODS = frozenset({"get", "pop", "getlist", "setdefault", "getone"})
_MUTATORS = frozenset({"update", "append", "extend", "insert", "add", "setdefault", "appendleft", "extendleft",
                       "set_content", "add_alternative", "attach", "set_payload"})  # e-mail messages too
# Methods whose result shows the object's own contents (a response's body, a dict's copy, a
# string's transform): what the object holds in its fields comes out. Any other unknown method
# of an object gives only what the object wholly is (a token's .encode()), not its fields (a
# client's .list() does not return the keys it holds).
_VIEW_METHODS = frozenset({
    "json", "text", "read", "readline", "readlines", "iter_content", "iter_lines", "getvalue", "body", "content",
    "copy", "items", "values", "dict", "to_dict", "as_dict", "asdict", "_asdict", "model_dump", "model_dump_json",
    "decode", "encode", "strip", "lstrip", "rstrip", "lower", "upper", "casefold", "split", "rsplit", "splitlines",
    "join", "replace", "format", "format_map", "partition", "rpartition", "removeprefix", "removesuffix",
    "__str__", "__repr__", "__format__", "to_json", "dumps", "serialize", "result", "get_json", "get_data", "form",
})
_CONSTANTS = (cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary, cst.Ellipsis)


def literal_suffix(node: cst.BaseExpression) -> str:
    """The constant text at the end of a string expression ("" when it ends in a variable)."""
    if isinstance(node, cst.SimpleString):
        return literal_string(node) or ""
    if isinstance(node, cst.FormattedString):
        text = ""
        for part in node.parts:
            text = text + part.value if isinstance(part, cst.FormattedStringText) else ""
        return text
    if isinstance(node, (cst.ConcatenatedString, cst.BinaryOperation)):
        return literal_suffix(node.right)
    return ""


def template_text(node: cst.BaseExpression | None) -> str | None:
    """A string expression with `{}` for every variable part: f"{base}/v1/{x}" -> "{}/v1/{}"."""
    if node is None:
        return None
    if isinstance(node, cst.SimpleString):
        return literal_string(node)
    if isinstance(node, cst.FormattedString):
        return "".join(p.value if isinstance(p, cst.FormattedStringText) else "{}" for p in node.parts)
    if isinstance(node, (cst.ConcatenatedString, cst.BinaryOperation)):
        return (template_text(node.left) or "{}") + (template_text(node.right) or "{}")
    return "{}"


def _is_constant(node: cst.BaseExpression | None) -> bool:
    if node is None or isinstance(node, _CONSTANTS) or (isinstance(node, cst.Name) and node.value in ("None", "True", "False")):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return _is_constant(node.left) and _is_constant(node.right)
    if isinstance(node, cst.IfExp):  # 'Bearer [REDACTED]' if shown else 'Not included'
        return _is_constant(node.body) and _is_constant(node.orelse)
    if isinstance(node, cst.FormattedString):
        return all(isinstance(p, cst.FormattedStringText) for p in node.parts)
    return False


def _small_int(node: cst.BaseExpression | None) -> int | None:
    if isinstance(node, cst.Integer):
        return int(node.value, 0)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus) and isinstance(node.expression, cst.Integer):
        return -int(node.expression.value, 0)
    return None


def _slice_length(sl: cst.Slice) -> int | None:
    """How many characters a constant prefix or suffix slice keeps (x[:4], x[-4:])."""
    lower, upper = sl.lower, sl.upper
    if sl.step is not None:
        return None
    if lower is None and upper is not None:
        n = _small_int(upper)
        return n if n is not None and n >= 0 else None
    if upper is None and lower is not None:
        n = _small_int(lower)
        return -n if n is not None and n < 0 else None
    return None


def _exits(stmt: cst.BaseSmallStatement) -> bool:
    return isinstance(stmt, (cst.Return, cst.Raise, cst.Continue, cst.Break))


def _body(node) -> list:
    body = node.body
    return list(body.body) if isinstance(body, (cst.IndentedBlock, cst.SimpleStatementSuite)) else [body]


def declared_globals(body: list) -> set[str]:
    """Names that functions (and methods) declare `global` among their top-level statements;
    cheaper than a full traversal, and where `global` is written in practice."""
    names: set[str] = set()
    for stmt in body:
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            inner = _body(stmt)
            if isinstance(stmt, cst.FunctionDef):
                names.update(item.name.value for line in inner if isinstance(line, cst.SimpleStatementLine)
                             for small in line.body if isinstance(small, cst.Global) for item in small.names)
            names |= declared_globals(inner)
    return names


def string_set(node: cst.BaseExpression | None, constants: dict) -> frozenset | None:
    """Lower-cased strings of a literal string, collection of strings (`{"a", "b"}`,
    `frozenset((...))`) or module constant naming one; None when it is not such a literal."""
    if isinstance(node, cst.Name):
        return constants.get(node.value)
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in ("set", "frozenset", "tuple", "list") \
            and len(node.args) == 1:
        return string_set(node.args[0].value, constants)
    text = literal_string(node) if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)) else None
    if text is not None:
        return frozenset([text.lower()])
    if isinstance(node, (cst.Set, cst.Tuple, cst.List)):
        texts = [literal_string(e.value) for e in node.elements]
        return frozenset(t.lower() for t in texts) if texts and None not in texts else None
    return None


def module_string_sets(body: list) -> dict:
    """Module-level names bound once to a literal collection of strings (SENSITIVE = {...})."""
    found: dict = {}
    for stmt in body:
        for small in stmt.body if isinstance(stmt, cst.SimpleStatementLine) else ():
            targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else \
                [small.target] if isinstance(small, cst.AnnAssign) and small.value is not None else []
            for target in targets:
                if isinstance(target, cst.Name):
                    value = string_set(small.value, found)
                    found[target.value] = value if target.value not in found else None
    return {name: value for name, value in found.items() if value is not None}


def merge_envs(*envs: dict | None) -> dict | None:
    present = [e for e in envs if e is not None]
    if not present:
        return None
    merged = dict(present[0])
    for env in present[1:]:
        for name, taint in env.items():
            merged[name] = F.join(merged.get(name, {}), taint)
    return merged


class ModuleAnalyser:
    """Analyses one module; `run()` returns its ModuleSummary."""

    def __init__(self, path: str, module: str, is_package: bool, positions, config, text: str = ""):
        self.path = path
        self.text = text
        self.module = module
        self.summary = ModuleSummary(path, module)
        self.imports = Imports(module, is_package)
        self.positions = positions
        self.config = config
        self.toplevel: dict[str, str] = {}
        self.module_types: dict[str, str] = {}
        self.field_types: dict[tuple, str] = {}
        self.globals: dict = {}
        self._sites = 0
        self._queue: list = []
        self.declared_globals: set[str] = set()
        self.class_nodes: dict[str, cst.ClassDef] = {}
        self.string_sets: dict[str, frozenset] = {}
        self.evidence: dict[str, ScopeEvidence] = {}

    @property
    def globals_owner(self) -> str:
        """Stores to `global` names inside functions are kept as fields of this pseudo-class."""
        return f"{self.module}.<globals>"

    def run(self, tree: cst.Module) -> ModuleSummary:
        self.declared_globals = declared_globals(list(tree.body))
        self.string_sets = module_string_sets(list(tree.body))
        self.evidence = {name: ScopeEvidence(spec, tree, self.text, self.positions) for name, spec in self.config.evidence.items()}
        for stmt in tree.body:
            if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
                self.toplevel[stmt.name.value] = f"{self.module}.{stmt.name.value}"
        fs = FunctionSummary(f"{self.module}.{MODULE_SCOPE}", MODULE_SCOPE, ())
        self.summary.functions[fs.qname] = fs
        walker = Walker(self, fs, is_module=True)
        env = walker.block(list(tree.body), {}) or {}
        self.module_types = dict(walker.types)
        self.globals = {name: taint for name, taint in env.items() if "." not in name}
        self.summary.globals = {name: taint for name, taint in self.globals.items() if taint}
        while self._queue:
            self._function(*self._queue.pop(0))
        return self.summary

    def line(self, node: cst.CSTNode) -> int:
        return self.positions[node][0]

    def step(self, node: cst.CSTNode, note: str) -> tuple:
        return (self.path, self.line(node), note)

    def new_site_id(self) -> str:
        self._sites += 1
        return f"{self.path}#{self._sites}"

    def defer(self, node: cst.FunctionDef, prefix: str, class_qname: str | None, outer: dict | None, local_defs: dict) -> str:
        qname = f"{prefix}.{node.name.value}"
        self._queue.append((node, qname, class_qname, outer, local_defs))
        return qname

    def add_class(self, node: cst.ClassDef, prefix: str, walker: "Walker") -> None:
        qname = f"{prefix}.{node.name.value}"
        self.class_nodes[qname] = node
        self.summary.classes[qname] = tuple(
            c for base in node.bases for c in walker.callee_candidates(base.value, {})[0]
        )
        for stmt in _body(node):
            if isinstance(stmt, cst.FunctionDef):
                self.defer(stmt, qname, qname, None, {})
            elif isinstance(stmt, cst.ClassDef):
                self.add_class(stmt, qname, walker)
            elif isinstance(stmt, cst.SimpleStatementLine):
                self._class_attributes(stmt, qname, walker)

    @staticmethod
    def _class_attributes(stmt: cst.SimpleStatementLine, class_qname: str, walker: "Walker") -> None:
        """Class-level values (`base_url: str = "https://..."`) are the defaults of instance fields."""
        for small in stmt.body:
            if isinstance(small, cst.AnnAssign) and small.value is not None:
                targets = [small.target]
            elif isinstance(small, cst.Assign):
                targets = [t.target for t in small.targets]
            else:
                continue
            taint = walker.expr(small.value, {})
            for target in targets:
                if isinstance(target, cst.Name) and taint:
                    walker.fs.field_stores.append((class_qname, target.value, taint))

    def _annotated_class(self, node: cst.FunctionDef) -> str | None:
        """`def epayment_client(merchant) -> EPaymentClient`: the class a factory returns, so that
        methods called on its result can be found (`"EPaymentClient"` and `X | None` too)."""
        if node.returns is None:
            return None
        annotation = node.returns.annotation
        if isinstance(annotation, cst.BinaryOperation):  # X | None
            annotation = annotation.left
        text = literal_string(annotation) if isinstance(annotation, cst.SimpleString) else chain(annotation)
        if not text or text in ("None", "str", "int", "bool", "dict", "list", "bytes", "float", "tuple"):
            return None
        return self.imports.resolve(text) or text

    def _function(self, node: cst.FunctionDef, qname: str, class_qname, outer, local_defs) -> None:
        params = node.params
        positional = [*params.posonly_params, *params.params]
        star = params.star_arg if isinstance(params.star_arg, cst.Param) else None
        fs = FunctionSummary(
            qname=qname,
            name=node.name.value,
            params=tuple(p.name.value for p in positional),
            kwonly=tuple(p.name.value for p in params.kwonly_params),
            vararg=star.name.value if star else None,
            kwarg=params.star_kwarg.name.value if params.star_kwarg else None,
            class_qname=class_qname,
            returns_class=self._annotated_class(node),
        )
        self.summary.functions[qname] = fs
        decorators = [Walker.decorator_name(d, self.imports) for d in node.decorators]
        is_static = any(d[0] == "staticmethod" for d in decorators)
        self_name = fs.params[0] if class_qname and fs.params and not is_static else None
        walker = Walker(self, fs, class_qname=class_qname, self_name=self_name, outer=outer, local_defs=local_defs, decorators=decorators)
        env = walker.init_params(node, decorators)
        walker.block(_body(node), env)


class Walker:
    """Walks one function body (or the module code) over an environment name -> taint."""

    def __init__(self, analyser: ModuleAnalyser, fs: FunctionSummary, class_qname=None, self_name=None,
                 outer=None, local_defs=None, decorators=(), is_module=False):
        self.a = analyser
        self.config = analyser.config
        self.fs = fs
        self.cls = class_qname
        self.self_name = self_name
        self.outer = outer or {}
        self.local_defs = dict(local_defs or {})
        self.decorators = decorators
        self.is_module = is_module
        self.types: dict[str, str] = {}
        self.assigned: set[str] = set()
        self.global_names: set[str] = set()

    # ----- parameters and sources -------------------------------------------------------------

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

    def store_source(self, key: str, value: cst.BaseExpression) -> dict:
        """Labels of a value stored under a key-like key (e.g. an Authorization header; `keys`
        sources mark constants too: that a Merchant-Serial-Number header is set)."""
        constant = _is_constant(value) or self._sanitising(value)
        taint: dict = {}
        for source in self.config.sources:
            if source.keys.search(key) or (not constant and source.stores.search(key)):
                taint = F.join(taint, self._found(source, value, f"source: stored as {key!r}", key))
        return taint

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
        for source in self.config.sources:
            if not getattr(source, attribute).match(*names) or (source.url and not source.url.search(url)):
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

    # ----- statements -------------------------------------------------------------------------

    def block(self, stmts: list, env: dict | None) -> dict | None:
        """The environment after `stmts`; `env` itself is left as it was (one copy per block, not
        per statement: a copy per statement is quadratic in a module of many assignments)."""
        env = None if env is None else dict(env)
        for stmt in stmts:
            if env is None:
                return None
            env = self.statement(stmt, env)
        return env

    def statement(self, stmt: cst.CSTNode, env: dict) -> dict | None:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                env = self.small(small, env)
                if env is None:
                    return None
            return env
        handler = _STATEMENTS.get(type(stmt))
        return handler(self, stmt, env) if handler else env

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
        elif _exits(stmt):
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
        body = self.block(_body(node), self.guarded(node.test, env, True))
        orelse_env = self.guarded(node.test, env, False)
        if node.orelse is None:
            other = orelse_env
        elif isinstance(node.orelse, cst.If):
            other = self.if_(node.orelse, orelse_env)
        else:
            other = self.block(_body(node.orelse), orelse_env)
        return merge_envs(body, other)

    def loop(self, node, env: dict) -> dict | None:
        if isinstance(node, cst.For):
            env = dict(env)
            self.iterate(node.target, node.iter, env)
        else:
            self.expr(node.test, env)
        first = self.block(_body(node), dict(env))
        merged = merge_envs(env, first)
        second = self.block(_body(node), dict(merged))
        merged = merge_envs(merged, second)
        if node.orelse is not None:
            merged = merge_envs(merged, self.block(_body(node.orelse), dict(merged)))
        return merged

    def try_(self, node, env: dict) -> dict | None:
        body = self.block(_body(node), dict(env))
        base = merge_envs(env, body)
        after_body = self.block(_body(node.orelse), dict(body)) if node.orelse and body is not None else body
        outcomes = [after_body, *(self.block(_body(h), dict(base)) for h in node.handlers)]
        merged = merge_envs(*outcomes)
        if node.finalbody is None:
            return merged
        final = self.block(_body(node.finalbody), dict(merged if merged is not None else base))
        return final if merged is not None else None

    def with_(self, node: cst.With, env: dict) -> dict | None:
        env = dict(env)
        for item in node.items:
            taint = self.expr(item.item, env)
            if item.asname is not None:
                self.assign_taint(item.asname.name, taint, env)
        return self.block(_body(node), env)

    def match_(self, node, env: dict) -> dict | None:
        subject = self.expr(node.subject, env)
        branches = []
        for case in node.cases:
            inner = dict(env)
            self._capture(case.pattern, subject, inner)
            branches.append(self.block(_body(case), inner))
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

    # ----- guards (sanitizers on a branch) ----------------------------------------------------

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

    # ----- stores -------------------------------------------------------------------------------

    def assign(self, target: cst.BaseExpression, value: cst.BaseExpression, env: dict) -> None:
        if isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (cst.Tuple, cst.List)) \
                and len(target.elements) == len(value.elements) \
                and not any(isinstance(e, cst.StarredElement) for e in (*target.elements, *value.elements)):
            for t, v in zip(target.elements, value.elements):
                self.assign(t.value, v.value, env)
            return
        taint = self.expr(value, env)
        self.store(target, taint, env, value)
        if isinstance(target, cst.Name):
            candidates = self.callee_candidates(value.func, env)[0] if isinstance(value, cst.Call) else ()
            if candidates:
                self.types[target.value] = candidates[0]
            else:
                self.types.pop(target.value, None)
        elif isinstance(target, cst.Attribute) and self._is_self(target.value) and isinstance(value, cst.Call):
            candidates = self.callee_candidates(value.func, env)[0]
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
            key = literal_string(index.value) if isinstance(index, cst.Index) else None
            if key is None:
                # The key's own labels too, as a dict literal's computed keys: `h[MSN_HEADER] = msn`.
                key_taint = self.expr(index.value, env) if isinstance(index, cst.Index) else {}
                self.update_root(target.value, F.join(taint, key_taint), env)
                return
            if value is not None:
                taint = F.join(taint, self.store_source(key, value))
            self.key_sinks(key, target, taint)
            self._forget(target.value, key, env)
            self.update_root(target.value, F.transform(taint, ("push", key)), env)
        elif isinstance(target, cst.StarredElement):
            self.store(target.value, taint, env, None)
        elif isinstance(target, (cst.Tuple, cst.List)):
            self.assign_taint(target, taint, env)

    def _named_store_source(self, name: str, value: cst.BaseExpression) -> dict:
        """A non-constant value stored under a key-like variable or attribute name is a key."""
        return {} if _is_constant(value) else self.name_source(name, value, lambda: f"source: {name} = {code_of(value)}")

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
            else:
                self.update_root(node.value, F.transform(taint, ("push", node.attr.value)), env)
        elif isinstance(node, cst.Subscript):
            index = node.slice[0].slice if len(node.slice) == 1 else None
            key = literal_string(index.value) if isinstance(index, cst.Index) else None
            self.update_root(node.value, F.transform(taint, ("push", key)) if key else taint, env)

    def _is_self(self, node: cst.BaseExpression) -> bool:
        return self.cls is not None and isinstance(node, cst.Name) and node.value == self.self_name

    def key_sinks(self, key: str, node: cst.CSTNode, taint: dict) -> None:
        for sink in self.config.sinks:
            if sink.stores and sink.stores.search(key):
                self.sink_event(sink, node, taint)

    def sink_event(self, sink, node: cst.CSTNode, taint: dict, url: str | None = None) -> None:
        if not taint:
            return
        line, column, end_line, end_column = self.a.positions[node]
        self.fs.sinks.append(SinkEvent(
            rule_id=sink.rule_id, sink_index=sink.index, taint=taint,
            line=line, column=column + 1, end_line=end_line, end_column=end_column + 1,
            code=code_of(node), scope="" if self.is_module else self.fs.qname.removeprefix(self.a.module + "."), url=url,
        ))

    # ----- expressions -------------------------------------------------------------------------

    def expr(self, node: cst.BaseExpression, env: dict) -> dict:
        handler = _EXPRESSIONS.get(type(node))
        return handler(self, node, env) if handler else {}

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
        taint = F.join(self._pattern_sources(node, (raw, self.a.imports.resolve(raw)), "expressions"), self.name_source(attr, node))
        base = node.value
        if self._is_self(base):
            local = env.get(f"{self.self_name}.{attr}", {})
            return F.join(taint, local, F.symbol(("field", self.cls, attr)))
        if isinstance(base, cst.Name) and base.value not in env and base.value in self.a.imports.aliases:
            return F.join(taint, F.symbol(("global", self.a.imports.aliases[base.value], attr)))
        typed = self._instance_of(base, env)
        if typed:
            taint = F.join(taint, F.symbol(("field", typed, attr)))
        return F.join(taint, F.transform(self.expr(base, env), ("pop", attr)))

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
            position = _small_int(element.value)
            if position is not None and position >= 0:
                return F.transform(base, ("at", F.index_key(position)))
            key = literal_string(element.value)
            if key is not None:
                return F.join(self.name_source(key, node), F.transform(base, ("pop", key)))
            return F.join(F.transform(base, ("popany",)), self.expr(element.value, env))
        length = _slice_length(element)
        if length is not None:
            for sanitizer in self.config.sanitizers:
                if sanitizer.max_slice is not None and length <= sanitizer.max_slice:
                    base = F.transform(base, ("drop", sanitizer.labels))
        return base

    def call(self, node: cst.Call, env: dict) -> dict:
        func = node.func
        raw = chain(func)
        names = (raw, self.a.imports.resolve(raw))
        args = []
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
        if candidates:
            site = CallSite(
                id=self.a.new_site_id(), callee=raw or "<call>", candidates=candidates,
                args=tuple((p, t) for p, t, _ in args), default=default, bound=bound,
                path=self.a.path, line=self.a.line(node),
            )
            self.fs.calls.append(site)
            result = F.symbol(("call", site.id))
        else:
            result = default
        for sanitizer in self.config.sanitizers:
            if sanitizer.calls.match(*names) and (not sanitizer.mentions or self._mentions(sanitizer, node)):
                result = F.transform(result, ("drop", sanitizer.labels))
        result = F.join(result, *self._propagated(node, names, args, "return"))
        result = F.join(result, self._pattern_sources(node, names, "calls", self._url_text(args)), self._name_call_source(node, names))
        return result

    def _default_result(self, method, args, receiver: dict, node: cst.Call) -> dict:
        """What an unknown call returns: its receiver and arguments (keywords under their names)."""
        if method in _KEY_METHODS and args and isinstance(args[0][0], int):
            key = literal_string(args[0][2])
            if key is not None:
                rest = [t for p, t, _ in args[1:]]
                return F.join(F.transform(receiver, ("pop", key)), *rest)
        parts = [receiver if method is None or method in _VIEW_METHODS else F.transform(receiver, ("keyless",))]
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

    def _name_call_source(self, node: cst.Call, names: tuple) -> dict:
        for source in self.config.sources:
            if source.name_calls and source.name_calls.match(*names):
                for arg in node.args:
                    key = literal_string(arg.value) if arg.keyword is None else None
                    if key is not None:
                        return self.name_source(key, node)
        return {}

    def call_sinks(self, node: cst.Call, names: tuple, args: list, receiver: dict) -> None:
        for sink in self.config.sinks:
            if not sink.calls or not sink.calls.match(*names) or not self._literals_match(sink, args):
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

    def propagate(self, node, names, method, args, receiver_node, env) -> None:
        """Arguments flowing into the receiver: dict.update, list.append, YAML propagators."""
        if receiver_node is None:
            return
        moved = []
        if method in _MUTATORS:
            for position, taint, value in args:
                if method == "update" and isinstance(position, str) and position not in ("*", "**"):
                    taint = F.transform(taint, ("push", position))
                elif method == "setdefault" and position == 1 and isinstance(args[0][2], cst.SimpleString):
                    key = literal_string(args[0][2])
                    taint = F.transform(F.join(taint, self.store_source(key, value)), ("push", key))
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
        elif isinstance(base, cst.Call):
            inner = self.callee_candidates(base.func, env)[0]
            return tuple(f"{c}.{method}" for c in inner), True
        return (), False

    def dict_(self, node: cst.Dict, env: dict) -> dict:
        taint: dict = {}
        for element in node.elements:
            if isinstance(element, cst.StarredDictElement):
                taint = F.join(taint, self.expr(element.value, env))
                continue
            value = self.expr(element.value, env)
            key = literal_string(element.key)
            if key is None:
                taint = F.join(taint, value, self.expr(element.key, env))
                continue
            value = F.join(value, self.store_source(key, element.value))
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

    def string(self, node: cst.SimpleString, env: dict) -> dict:
        return self.literal_source(literal_string(node), node)

    def fstring(self, node: cst.FormattedString, env: dict) -> dict:
        taint = self.literal_source(template_text(node), node)
        text = ""
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                text += part.value
                continue
            value = self.expr(part.expression, env)
            if value:
                taint = F.join(taint, F.transform(value, ("slot", text)))
            text = ""
        return taint

    def concatenated(self, node: cst.ConcatenatedString, env: dict) -> dict:
        right = self.expr(node.right, env)
        slot = literal_suffix(node.left)
        return F.join(self.expr(node.left, env), F.transform(right, ("slot", slot)) if slot else right)

    def binary(self, node: cst.BinaryOperation, env: dict) -> dict:
        left = self.expr(node.left, env)
        if isinstance(node.operator, cst.Modulo) and isinstance(node.left, (cst.SimpleString, cst.ConcatenatedString)):
            return F.join(left, self._percent(literal_string(node.left) or "", node.right, env))
        right = self.expr(node.right, env)
        if isinstance(node.operator, cst.Add):
            slot = literal_suffix(node.left)
            if slot:
                right = F.transform(right, ("slot", slot))
        return F.join(left, right)

    def _percent(self, fmt: str, values: cst.BaseExpression, env: dict) -> dict:
        slots, last = [], 0
        for match in _PERCENT.finditer(fmt):
            if match.group("conv") != "%":
                slots.append((match.group("name"), fmt[last:match.start()]))
            last = match.end()
        if isinstance(values, cst.Tuple):
            pairs = zip((s for _, s in slots), (e.value for e in values.elements))
        elif isinstance(values, cst.Dict):
            texts = {name: text for name, text in slots}
            pairs = ((texts.get(literal_string(e.key), ""), e.value) for e in values.elements if isinstance(e, cst.DictElement))
        else:
            pairs = [(slots[0][1] if slots else "", values)]
        return F.join(*(F.transform(self.expr(v, env), ("slot", text)) for text, v in pairs))

    def format_call(self, node: cst.Call, env: dict) -> dict | None:
        """`"...{}...".format(a, b=c)`: each argument lands after the text before its field."""
        func = node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "format"):
            return None
        fmt = literal_string(func.value)
        if fmt is None:
            return None
        texts, auto, last = {}, 0, 0
        for match in _FIELD.finditer(fmt):
            name = re.split(r"[!:.\[]", match.group(1), maxsplit=1)[0]
            if name == "":
                name, auto = auto, auto + 1
            elif name.isdigit():
                name = int(name)
            texts.setdefault(name, fmt[last:match.start()])
            last = match.end()
        taint: dict = {}
        index = 0
        for arg in node.args:
            if arg.keyword is not None:
                position = arg.keyword.value
            else:
                position, index = index, index + 1
            value = self.expr(arg.value, env)
            taint = F.join(taint, F.transform(value, ("slot", texts.get(position, ""))))
        return taint

    def call_or_format(self, node: cst.Call, env: dict) -> dict:
        formatted = self.format_call(node, env)
        return formatted if formatted is not None else self.call(node, env)

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
            shown = shown.orelse if _is_constant(shown.body) else shown.body if _is_constant(shown.orelse) else None
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
            masked_when_true = _is_constant(value.body)
            if masked_when_true or _is_constant(value.orelse):
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


_STATEMENTS = {
    cst.If: Walker.if_,
    cst.For: Walker.loop,
    cst.While: Walker.loop,
    cst.Try: Walker.try_,
    cst.TryStar: Walker.try_,
    cst.With: Walker.with_,
    cst.Match: Walker.match_,
    cst.FunctionDef: Walker.function_def,
    cst.ClassDef: Walker.class_def,
}

_EXPRESSIONS = {
    cst.Name: Walker.name,
    cst.SimpleString: Walker.string,
    cst.Attribute: Walker.attribute,
    cst.Subscript: Walker.subscript,
    cst.Call: Walker.call_or_format,
    cst.Dict: Walker.dict_,
    cst.List: Walker.sequence,
    cst.Tuple: Walker.sequence,
    cst.Set: Walker.sequence,
    cst.FormattedString: Walker.fstring,
    cst.ConcatenatedString: Walker.concatenated,
    cst.BinaryOperation: Walker.binary,
    cst.Comparison: Walker.comparison,
    cst.UnaryOperation: Walker.unary,
    cst.BooleanOperation: Walker.boolean,
    cst.IfExp: Walker.if_exp,
    cst.Await: Walker.await_,
    cst.StarredElement: Walker.starred,
    cst.Yield: Walker.yield_,
    cst.Lambda: Walker.lambda_,
    cst.NamedExpr: Walker.named_expr,
    cst.ListComp: Walker.comprehension,
    cst.SetComp: Walker.comprehension,
    cst.GeneratorExp: Walker.comprehension,
    cst.DictComp: Walker.comprehension,
}


def summarise_module(path: str, tree: cst.Module, positions, config, text: str = "") -> ModuleSummary:
    """`text`: the module's source, for a quick look for service evidence before walking the tree."""
    is_package = path.replace("\\", "/").rsplit("/", 1)[-1] == "__init__.py"
    return ModuleAnalyser(path, module_name(path), is_package, positions, config, text).run(tree)
