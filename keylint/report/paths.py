"""Paths CI systems can attach to a repository's files.

Code scanning, annotations and GitLab's widgets resolve a path against the repository's top
level, while keylint reports paths relative to the project root (the configuration file's folder,
or where it ran): in a sub-folder of a monorepo the two differ. The top level is git's, else
`$GITHUB_WORKSPACE` or `$CI_PROJECT_DIR` when the project is inside it, else the project root.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import cache

from keylint.pipeline.discover import printable
from keylint.pipeline.gitdiff import GitError, toplevel

CI_WORKSPACES = ("GITHUB_WORKSPACE", "CI_PROJECT_DIR")


def repository_top(root: str) -> str:
    try:
        return toplevel(root)
    except GitError:
        pass
    for name in CI_WORKSPACES:
        workspace = os.environ.get(name)
        if workspace and _inside(root, workspace):
            return os.path.abspath(workspace)
    return root


def _inside(path: str, folder: str) -> bool:
    relative = os.path.relpath(os.path.realpath(path), os.path.realpath(folder))
    return relative != ".." and not relative.startswith(".." + os.sep)


def rebased(report, base: str):
    """A copy of `report` whose paths are relative to `base`; files outside it keep their path."""
    real_base = os.path.realpath(base)

    @cache
    def path(rel: str) -> str:
        where = os.path.realpath(report.locations.get(rel) or os.path.join(report.root, rel))
        if not _inside(where, real_base):
            return rel
        return printable(os.path.relpath(where, real_base).replace(os.sep, "/"))

    return replace(
        report,
        root=os.path.abspath(base),
        locations={path(rel): where for rel, where in report.locations.items()},
        findings=[
            replace(f, path=path(f.path), flow=tuple(replace(step, path=path(step.path)) for step in f.flow))
            for f in report.findings
        ],
        errors=[replace(e, path=path(e.path)) for e in report.errors],
        suppression_issues=[replace(n, path=path(n.path)) for n in report.suppression_issues],
    )
