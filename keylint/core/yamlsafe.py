"""YAML with a budget for aliases: a ten-line "billion laughs" document must not cost minutes
and gigabytes when keylint walks, builds or validates it.

PyYAML shares an aliased node rather than copying it, so composing a document is cheap; what
explodes is everything that then visits the document as a tree. Each document's size as a tree
is counted over the shared graph (each node once), and one that aliases add more than
ALIAS_BUDGET nodes to is refused.
"""

from __future__ import annotations

import yaml

ALIAS_BUDGET = 10_000
"""Nodes that aliases may add to a document as a tree (anchors for shared defaults add a few)."""


class AliasBomb(yaml.YAMLError):
    """The document's aliases expand it beyond the budget."""

    def __init__(self, node: yaml.Node, expanded: int):
        super().__init__()
        self.problem_mark = node.start_mark
        self.problem = f"aliases expand the document to over {expanded:,} nodes (more than {ALIAS_BUDGET:,} added by aliases); refused"

    def __str__(self) -> str:
        return self.problem


def check_aliases(root: yaml.Node | None) -> None:
    """Raise AliasBomb if aliases make `root` more than ALIAS_BUDGET nodes larger as a tree."""
    if root is None:
        return
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done or not children:
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[id(node)] - len(sizes) > ALIAS_BUDGET:
                raise AliasBomb(root, sizes[id(node)])
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load(stream, loader=yaml.SafeLoader) -> tuple[yaml.Node | None, object]:
    """(node tree, data) of a single-document YAML stream, aliases within budget."""
    parser = loader(stream)
    try:
        root = parser.get_single_node()
        check_aliases(root)
        return root, None if root is None else parser.construct_document(root)
    finally:
        parser.dispose()


def brief(message: str, limit: int = 200) -> str:
    """A validation message cut to `limit` characters: a schema error quotes the offending value,
    which may be a whole document."""
    return message if len(message) <= limit else message[: limit - 1] + "…"
