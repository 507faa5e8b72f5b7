"""Print the CHANGELOG.md section of a release tag (vX.Y.Z); fail when the tag, pyproject.toml's
version and a dated changelog section do not agree. Used by .github/workflows/release.yml."""

from __future__ import annotations

import re
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
SECTION = re.compile(r"^## \[(?P<version>[^\]]+)\] - (?P<date>\S+)[^\n]*\n(?P<body>.*?)(?=^## |\Z)", re.S | re.M)


def project_version() -> str:
    text = (TOP / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version = "([^"]+)"', text, re.M).group(1)


def notes(tag: str, changelog: str) -> str:
    """The release notes of `tag`; ValueError says what disagrees."""
    version = project_version()
    if tag != f"v{version}":
        raise ValueError(f"tag {tag} does not match version {version} in pyproject.toml")
    sections = {m["version"]: m for m in SECTION.finditer(changelog)}
    if version not in sections:
        raise ValueError(f"CHANGELOG.md has no section for {version}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", sections[version]["date"]):
        raise ValueError(f"CHANGELOG.md: date the {version} section (## [{version}] - YYYY-MM-DD) before tagging")
    return sections[version]["body"].strip() + "\n"


if __name__ == "__main__":
    try:
        sys.stdout.write(notes(sys.argv[1], (TOP / "CHANGELOG.md").read_text(encoding="utf-8")))
    except ValueError as exc:
        print(f"::error::{exc}", file=sys.stderr)
        sys.exit(1)
