"""A Python settings module as name/value settings, each in the branch or class it is set in.

Only assignments that run when the module (or a class body) is read count: module level, the
branches of `if`/`else`, `try` and `with` blocks, class bodies, and the string-keyed entries of
dict literals assigned there (`VIPPS = {"base_url": ...}`). Function bodies are code, not settings.
"""

from __future__ import annotations

import libcst as cst

from keylint.facts.bindings import Setting
from keylint.facts.python_bindings import literal_string, target_name


def module_settings(parsed) -> list[Setting]:
    found: list[Setting] = []
    _block(parsed.wrapper.module.body, (), parsed.positions, found)
    return found


def _block(statements, scope: tuple[str, ...], positions, found: list[Setting]) -> None:
    for statement in statements:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                _assignment(small, scope, positions, found)
        elif isinstance(statement, cst.If):
            _branches(statement, scope, positions, found)
        elif isinstance(statement, cst.ClassDef):
            _block(statement.body.body, (*scope, statement.name.value), positions, found)
        elif isinstance(statement, (cst.Try, cst.With)):
            _block(statement.body.body, scope, positions, found)


def _branches(statement: cst.If, scope: tuple[str, ...], positions, found: list[Setting]) -> None:
    """`if` and `else` are two deployments; an `elif` is an `if` inside the `else`."""
    where = f"if@{positions[statement][0]}"
    _block(statement.body.body, (*scope, where, "then"), positions, found)
    orelse = statement.orelse
    if isinstance(orelse, cst.If):
        _branches(orelse, (*scope, where, "else"), positions, found)
    elif isinstance(orelse, cst.Else):
        _block(orelse.body.body, (*scope, where, "else"), positions, found)


def _assignment(small, scope: tuple[str, ...], positions, found: list[Setting]) -> None:
    if isinstance(small, cst.Assign):
        targets, value = [t.target for t in small.targets], small.value
    elif isinstance(small, cst.AnnAssign) and small.value is not None:
        targets, value = [small.target], small.value
    else:
        return
    for target in targets:
        name = target_name(target)
        if name is not None:
            _bind(name, value, scope, positions, found)


def _bind(name: str, value: cst.BaseExpression, scope: tuple[str, ...], positions, found: list[Setting]) -> None:
    if isinstance(value, cst.Dict):
        for element in value.elements:
            key = literal_string(element.key) if isinstance(element, cst.DictElement) else None
            if key is not None:
                _bind(key, element.value, (*scope, name), positions, found)
        return
    literal = "" if isinstance(value, cst.Name) and value.value == "None" else literal_string(value)
    line, column, end_line, end_column = positions[value]
    found.append(Setting(name, literal, line, column + 1, end_line, end_column + 1, scope))
