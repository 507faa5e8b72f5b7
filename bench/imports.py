"""Import-graph shape of the keylint package: depth of the longest import chain and the cycles.

Used to show that a restructure keeps the layers shallow and acyclic:
`python bench/imports.py` prints the depth, the longest chain and every strongly connected
component (a group of modules that import each other in a circle).
"""
from __future__ import annotations

import sys
from functools import lru_cache

import grimp


def components(graph: grimp.ImportGraph, modules: list[str]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.find_modules_directly_imported_by(node)):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(10000)
    for module in modules:
        if module not in index:
            visit(module)
    return found


def top_level(graph: grimp.ImportGraph, package: str) -> grimp.ImportGraph:
    """The graph of the package's top-level entries (keylint.pipeline, keylint.cli, ...): one node
    for each, an edge where any module of one imports any module of another."""
    def entry(module: str) -> str:
        return ".".join(module.split(".")[:2])

    squashed = grimp.ImportGraph()
    for module in graph.modules:
        if module != package:
            squashed.add_module(entry(module))
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if module != package and imported != package and entry(module) != entry(imported):
                squashed.add_import(importer=entry(module), imported=entry(imported))
    return squashed


def main() -> None:
    package = sys.argv[1] if len(sys.argv) > 1 else "keylint"
    graph = grimp.build_graph(package, exclude_type_checking_imports=True)
    report(graph, "modules")
    report(top_level(graph, package), "top-level entries of the package")


def report(graph: grimp.ImportGraph, what: str) -> None:
    modules = sorted(graph.modules)
    cycles = components(graph, modules)
    cyclic = {m for group in cycles for m in group}

    @lru_cache(maxsize=None)
    def chain(module: str) -> tuple[str, ...]:
        """Longest acyclic import chain from module (members of a cycle count once)."""
        best: tuple[str, ...] = ()
        for nxt in graph.find_modules_directly_imported_by(module):
            if nxt in cyclic and module in cyclic:
                continue
            candidate = chain(nxt)
            if len(candidate) > len(best) or (len(candidate) == len(best) and candidate < best):
                best = candidate
        return (module, *best)

    longest = max((chain(m) for m in modules), key=lambda c: (len(c), c))
    edges = sum(len(graph.find_modules_directly_imported_by(m)) for m in modules)
    print(f"== {what}: {len(modules)}, imports between them: {edges}")
    print(f"depth (longest import chain, modules): {len(longest)}")
    print("  " + " -> ".join(longest))
    print(f"cycles (strongly connected groups): {len(cycles)}")
    for group in cycles:
        print(f"  {len(group)} modules: " + ", ".join(group))


if __name__ == "__main__":
    main()
