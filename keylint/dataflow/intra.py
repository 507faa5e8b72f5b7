"""Per-module taint analysis: walks each function's statements in order and records symbolic
summaries (returns, call sites, `self` field stores) and sink events.

The walk is flow-sensitive inside a function (assignments replace, branches merge, a guard
that aborts sanitises what follows) and field-sensitive for literal dict keys and attributes.
What is a source, sink, sanitizer or propagator comes from the EngineConfig (YAML).
"""

from __future__ import annotations

import libcst as cst

from keylint.dataflow.scope_evidence import ScopeEvidence
from keylint.dataflow.summary import MODULE_SCOPE, FunctionSummary, ModuleSummary
from keylint.dataflow.walk.calls import CallsMixin
from keylint.dataflow.walk.expressions import ExpressionsMixin
from keylint.dataflow.walk.nodes import block_body, declared_globals, dispatch_tables, module_string_sets, module_strings
from keylint.dataflow.walk.sinks import SinksMixin
from keylint.dataflow.walk.sources import SourcesMixin
from keylint.dataflow.walk.statements import StatementsMixin
from keylint.dataflow.walk.strings import StringsMixin
from keylint.facts.modules import module_name
from keylint.facts.names import Imports, chain
from keylint.facts.python_bindings import literal_string


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
        self.dispatch: dict[str, tuple] = {}
        self.evidence: dict[str, ScopeEvidence] = {}
        self._matching: dict[tuple, tuple] = {}

    @property
    def globals_owner(self) -> str:
        """Stores to `global` names inside functions are kept as fields of this pseudo-class."""
        return f"{self.module}.<globals>"

    def run(self, tree: cst.Module) -> ModuleSummary:
        self.declared_globals = declared_globals(list(tree.body))
        self.string_sets = module_string_sets(list(tree.body))
        self.summary.strings = module_strings(list(tree.body))
        self.dispatch = dispatch_tables(list(tree.body))
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
        if self.config.settings_modules.match(self.module):
            self.summary.settings_names, self.summary.star_imports = frozenset(walker.assigned), tuple(self.imports.stars)
        while self._queue:
            self._function(*self._queue.pop(0))
        return self.summary

    def matching(self, entries: str, attribute: str, names: tuple) -> tuple:
        """The config's `entries` (sinks, sources) whose `attribute` globs match one of `names`, in
        order; remembered per module, which calls the same few names thousands of times."""
        key = (entries, attribute, names)
        found = self._matching.get(key)
        if found is None:
            found = self._matching[key] = tuple(e for e in getattr(self.config, entries) if getattr(e, attribute).match(*names))
        return found

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
        for stmt in block_body(node):
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
        walker.block(block_body(node), env)


class Walker(SourcesMixin, StatementsMixin, SinksMixin, ExpressionsMixin, CallsMixin, StringsMixin):
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
        self.optional: frozenset = frozenset()  # parameters that default to None
        self.given: frozenset = frozenset()  # those the current branch knows were given
        self.assumed: frozenset = frozenset()  # labels no sink of the current branch sees (guard_attributes)
        self.assigned: set[str] = set()
        self.global_names: set[str] = set()

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

    def expr(self, node: cst.BaseExpression, env: dict) -> dict:
        handler = _EXPRESSIONS.get(type(node))
        return handler(self, node, env) if handler else {}


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
