"""Stage 6: render a scan report in one of the output formats."""

from keylint.report import github, gitlab, jsonfmt, junit, sarif, text

FORMATS = {
    "text": text.render,
    "json": jsonfmt.render,
    "sarif": sarif.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "junit": junit.render,
}

__all__ = ["FORMATS"]
