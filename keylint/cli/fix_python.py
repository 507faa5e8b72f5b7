"""The Python codemod of `keylint fix` (LibCST): key literals become environment lookups, or
Django settings in a Django project's application code.

See keylint/cli/fix.py for what is rewritten and what is only reported.
"""

from __future__ import annotations

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor
from libcst.metadata import MetadataWrapper, ScopeProvider

from keylint.cli.fix_names import GETENV_CALLS, binding_name, env_name, fake_value
from keylint.facts.positions import node_spans
from keylint.facts.python_bindings import dotted_name, literal_string

_STRINGS = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString, cst.BinaryOperation)


def fix_python(text: str, targets: list, in_tests: bool = False, django: bool = False) -> tuple[str, list]:
    """(new text, [(finding, replacement or None, reason)]) for (finding, secret, rule) targets;
    in tests, literals become fakes instead of lookups; with `django`, `settings.NAME` from
    django.conf, unless `settings` names something else somewhere in the module."""
    module = cst.parse_module(text)
    django = django and not _settings_taken(module)
    spans = node_spans(module)
    starts: dict[tuple[int, int], list] = {}
    for node, span in spans.items():
        if isinstance(node, _STRINGS):
            starts.setdefault((span[0], span[1]), []).append(node)
    wanted: dict[cst.CSTNode, tuple] = {}
    outcomes = []
    for finding, secret, rule in targets:
        nodes = [n for n in starts.get((finding.line, finding.column - 1), []) if literal_string(n) == secret]
        if not nodes:
            outcomes.append((finding, None, "the key is not one string literal here"))
            continue
        node = max(nodes, key=lambda n: (spans[n][2], spans[n][3]))  # the whole literal, e.g. "a" "b"
        wanted[node] = (finding, env_name(rule, finding))
    rewriter = _Rewriter(wanted, in_tests, django)
    fixed = module.visit(rewriter)
    if rewriter.needs_import:
        context = CodemodContext()
        AddImportsVisitor.add_needed_import(context, *(("django.conf", "settings") if django else ("os",)))
        fixed = AddImportsVisitor(context).transform_module(fixed)
    return fixed.code, outcomes + rewriter.outcomes


def define_settings(text: str, names: list[str]) -> str:
    """A Django settings module with `NAME = os.environ["NAME"]` for each name it does not set yet."""
    module = cst.parse_module(text)
    known = {t.target.value for s in module.body if isinstance(s, cst.SimpleStatementLine)
             for a in s.body if isinstance(a, cst.Assign) for t in a.targets if isinstance(t.target, cst.Name)}
    missing = [n for n in dict.fromkeys(names) if n not in known]
    if not missing:
        return text
    lines = [cst.parse_statement(f'{n} = os.environ["{n}"]\n') for n in missing]
    context = CodemodContext()
    AddImportsVisitor.add_needed_import(context, "os")
    return AddImportsVisitor(context).transform_module(module.with_changes(body=[*module.body, *lines])).code


def _settings_taken(module: cst.Module) -> bool:
    """Whether some scope binds `settings` other than by `from django.conf import settings`."""
    scopes = set(MetadataWrapper(module, unsafe_skip_copy=True).resolve(ScopeProvider).values())
    for scope in filter(None, scopes):
        for assignment in scope.assignments["settings"]:
            node = getattr(assignment, "node", None)
            if not (isinstance(node, cst.ImportFrom) and dotted_name(node.module) == "django.conf"):
                return True
    return False


def _lookup(name: str, django: bool) -> str:
    return f"settings.{name}" if django else f'os.environ["{name}"]'


class _Rewriter(cst.CSTTransformer):
    """Replaces the wanted literals; their context decides how (see keylint/cli/fix.py). A literal
    whose parent decides (parameter default, getenv fallback, settings field) is left to the
    parent's leave_ method, which runs after the literal's own and sees the original node."""

    def __init__(self, wanted: dict, in_tests: bool, django: bool):
        super().__init__()
        self.wanted = wanted
        self.in_tests = in_tests
        self.django = django
        self.outcomes: list = []
        self.needs_import = False
        self._deferred: set = set()
        self._settings_classes: list[bool] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        bases = [dotted_name(b.value) or "" for b in node.bases]
        self._settings_classes.append(any(b.rsplit(".", 1)[-1] == "BaseSettings" for b in bases))

    def leave_ClassDef(self, original_node, updated_node):
        self._settings_classes.pop()
        return updated_node

    def visit_Param(self, node: cst.Param) -> None:
        self._deferred.add(node.default)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if self._settings_classes and self._settings_classes[-1]:
            self._deferred.add(node.value)

    def visit_Call(self, node: cst.Call) -> None:
        if (dotted_name(node.func) or "") in GETENV_CALLS:
            self._deferred.update(a.value for a in node.args[1:])

    def leave_Param(self, original_node: cst.Param, updated_node: cst.Param):
        if original_node.default in self.wanted:
            finding, _ = self.wanted.pop(original_node.default)
            self.outcomes.append((finding, None, "a default parameter value: reading the environment there "
                                                 "would happen at import time; pass the key in instead"))
        return updated_node

    def leave_AnnAssign(self, original_node: cst.AnnAssign, updated_node: cst.AnnAssign):
        if original_node.value in self.wanted and original_node.value in self._deferred:
            finding, _ = self.wanted.pop(original_node.value)
            name = original_node.target.value.upper() if isinstance(original_node.target, cst.Name) else "its name"
            self.outcomes.append((finding, f"pydantic BaseSettings field without a default (reads {name})", ""))
            return updated_node.with_changes(value=None, equal=cst.MaybeSentinel.DEFAULT)
        return updated_node

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call):
        fallbacks = [i for i, a in enumerate(original_node.args) if a.value in self.wanted and a.value in self._deferred]
        if not fallbacks:
            return updated_node
        callee = dotted_name(original_node.func)
        for index in fallbacks:
            finding, _ = self.wanted.pop(original_node.args[index].value)
            self.outcomes.append((finding, f"{callee}(...) without the literal fallback", ""))
        args = [a for i, a in enumerate(updated_node.args) if i not in fallbacks]
        args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(args=args)

    def on_leave(self, original_node, updated_node):
        updated = super().on_leave(original_node, updated_node)
        if original_node in self.wanted and self.in_tests:
            finding, _ = self.wanted.pop(original_node)
            fake = fake_value(binding_name(finding))
            self.outcomes.append((finding, f'"{fake}" (a fake value for tests)', ""))
            return cst.SimpleString(f'"{fake}"')
        if original_node in self.wanted and original_node not in self._deferred:
            finding, name = self.wanted.pop(original_node)
            self.needs_import = True
            self.outcomes.append((finding, _lookup(name, self.django), ""))
            return cst.parse_expression(_lookup(name, self.django))
        return updated
