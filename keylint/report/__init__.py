"""Stage 6: render a scan report in one of the output formats."""

from keylint.report import jsonfmt, sarif, text

FORMATS = {"text": text.render, "json": jsonfmt.render, "sarif": sarif.render}

__all__ = ["FORMATS"]
