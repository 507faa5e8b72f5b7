"""Syntactic name resolution: dotted names of expressions, import aliases, module names.

Cheaper than LibCST's scope and qualified-name providers and enough for matching rule
patterns and resolving calls between the scanned project's modules.
"""

from __future__ import annotations

import libcst as cst

from keylint.core.values import redact_code
from keylint.facts.modules import IMPORT_STATEMENT




MAX_IMPORT_DOTS = 200


def chain(node: cst.BaseExpression) -> str | None:
    """`a.b.c` for attribute chains; calls inside the chain are written `()`: `env.get_template().render`."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = chain(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    if isinstance(node, cst.Call):
        base = chain(node.func)
        return None if base is None else f"{base}()"
    if isinstance(node, cst.Subscript):
        base = chain(node.value)
        return None if base is None else f"{base}[]"
    return None


def code_of(node: cst.CSTNode, limit: int = 70) -> str:
    """Short, single-line source text of a node, key-like strings redacted (never a secret)."""
    text = redact_code(" ".join(cst.Module([]).code_for_node(node).split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Imports:
    """Alias -> qualified name for a module's imports (any nesting level), relative ones resolved."""

    def __init__(self, module: str, is_package: bool):
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.aliases: dict[str, str] = {}
        self.modules: set[str] = set()  # every dotted name imported, in full
        self.stars: list[str] = []  # the modules of `from m import *`

    def add(self, node: cst.Import | cst.ImportFrom) -> None:
        if isinstance(node, cst.Import):
            for alias in node.names:
                name = chain(alias.name) or ""
                self.modules.add(name)
                if alias.asname is not None:
                    self.aliases[chain(alias.asname.name) or name] = name
                else:
                    head = name.split(".")[0]
                    self.aliases[head] = head
            return
        base = self._from_base(node)
        if base is not None and isinstance(node.names, cst.ImportStar):
            self.stars.append(base)
        if base is None or isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = chain(alias.name) or ""
            local = chain(alias.asname.name) if alias.asname is not None else name
            self.aliases[local or name] = f"{base}.{name}" if base else name
            self.modules.add(self.aliases[local or name])

    def add_statements(self, text: str) -> None:
        """Add the imports of source text that need not parse as a whole (one statement at a time).

        This runs in the scan's own process: what follows a `;` is not parsed (`import a; x = ((((...`
        would overflow LibCST's stack), nor is a statement with hundreds of dots (no real import has
        them; LibCST's time grows fast with them)."""
        for match in IMPORT_STATEMENT.finditer(text):
            statement_text = match.group(0).partition(";")[0].strip()
            if statement_text.count(".") > MAX_IMPORT_DOTS:
                continue
            try:
                statement = cst.parse_statement(statement_text + "\n")
            except cst.ParserSyntaxError:
                continue
            for small in getattr(statement, "body", ()):
                if isinstance(small, (cst.Import, cst.ImportFrom)):
                    self.add(small)

    def _from_base(self, node: cst.ImportFrom) -> str | None:
        written = chain(node.module) if node.module is not None else ""
        if not node.relative:
            return written
        package = self.package.split(".") if self.package else []
        up = len(node.relative) - 1
        if up > len(package):
            return None
        parts = package[: len(package) - up] if up else package
        return ".".join([*parts, written] if written else parts)

    def resolve(self, dotted: str | None) -> str | None:
        """The dotted name with its first part replaced by what it was imported as."""
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        target = self.aliases.get(head)
        if target is None:
            return dotted
        return f"{target}.{rest}" if rest else target
