"""Stage 6: render a scan report in one of the output formats."""

from keylint.report import github, gitlab, jsonfmt, junit, markdown, sarif, text
from keylint.report.paths import rebased, repository_top

FORMATS = {
    "text": text.render,
    "json": jsonfmt.render,
    "sarif": sarif.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "gitlab-sast": gitlab.render_sast,
    "junit": junit.render,
    "markdown": markdown.render,
}
# Formats a CI system attaches to the repository's files: their paths are relative to its top level.
CI_FORMATS = frozenset({"sarif", "github", "gitlab", "gitlab-sast", "junit", "markdown"})


def render(name: str, report, rules, color: bool = False, quiet: bool = False) -> str:
    """The report in format `name`; `quiet` text holds the findings only."""
    if name in CI_FORMATS:
        report = rebased(report, repository_top(report.root))
    if quiet and name == "text":
        return text.render_findings(report, color)
    return FORMATS[name](report, rules, color=color)


__all__ = ["CI_FORMATS", "FORMATS", "render"]
