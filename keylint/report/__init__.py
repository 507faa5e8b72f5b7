"""Stage 6: render a scan report in one of the output formats.

The formats' modules are imported when a report is rendered, not when the CLI starts: the
command line needs only their names.
"""

from collections.abc import Mapping
from importlib import import_module

_RENDERERS = {
    "text": ("text", "render"),
    "json": ("jsonfmt", "render"),
    "sarif": ("sarif", "render"),
    "github": ("github", "render"),
    "gitlab": ("gitlab", "render"),
    "gitlab-sast": ("gitlab", "render_sast"),
    "junit": ("junit", "render"),
    "markdown": ("markdown", "render"),
}


class _Formats(Mapping):
    """Format name -> render function, each imported on first use."""

    def __getitem__(self, name: str):
        module, function = _RENDERERS[name]
        return getattr(import_module(f"keylint.report.{module}"), function)

    def __iter__(self):
        return iter(_RENDERERS)

    def __len__(self) -> int:
        return len(_RENDERERS)


FORMATS = _Formats()

# Formats a CI system attaches to the repository's files: their paths are relative to its top level.
CI_FORMATS = frozenset({"sarif", "github", "gitlab", "gitlab-sast", "junit", "markdown"})


def render(name: str, report, rules, color: bool = False, quiet: bool = False) -> str:
    """The report in format `name`; `quiet` text holds the findings only."""
    if name in CI_FORMATS:
        from keylint.report.paths import rebased, repository_top

        report = rebased(report, repository_top(report.root))
    if quiet and name == "text":
        from keylint.report.text import render_findings

        return render_findings(report, color)
    return FORMATS[name](report, rules, color=color)


__all__ = ["CI_FORMATS", "FORMATS", "render"]
