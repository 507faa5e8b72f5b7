"""The `keylint` executable (and `python -m keylint`). `keylint --version` is answered before the
command line loads: scripts and pre-commit call it to check an install, and loading click alone
costs more than the whole answer. Everything else goes to the click group (keylint/cli)."""

import sys

from keylint import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"keylint, version {__version__}\n")  # as click.version_option says it
        return
    from keylint.cli import main as command_line

    command_line()


if __name__ == "__main__":
    main()
