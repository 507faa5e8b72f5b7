"""The `keylint` command line: the group and its shared options in main.py, the commands and what
only they use (fix, the rule-test harness, the progress bar) beside it.
"""

from keylint.cli import commands, scan  # noqa: F401 - each registers its commands on `main`
from keylint.cli.main import main

__all__ = ["main"]
