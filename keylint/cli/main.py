"""The `keylint` command line.

Exit codes: 0 no findings; 1 findings or suppression issues; 2 usage error, invalid configuration,
baseline or rule pack, or a git ref --diff cannot use;
3 no findings, but some files could not be analysed (listed under errors);
4 keylint itself failed (a bug, or the system: a full disk, no memory; `--debug` shows the traceback);
130 interrupted (Ctrl-C). A failure of keylint never exits 1, which CI reads as "findings".
"""

from __future__ import annotations

import os
import sys

import click

from keylint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INCOMPLETE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130
SEVERITY_CHOICE = click.Choice(["low", "medium", "high", "critical"])


def fail(message: str) -> None:
    click.echo(f"keylint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def split_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeatable options also take comma-separated lists: --select KL101,KL102."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def load_packs(extra_packs: tuple[str, ...], cache_dir: str | None = None):
    from keylint.rules.packs import PackError, load_rules, load_rules_cached

    try:
        if cache_dir is None:
            return load_rules(list(extra_packs))
        return load_rules_cached(list(extra_packs), cache_dir)
    except PackError as exc:
        fail(f"invalid rule pack:\n{exc}")


rules_option = click.option(
    "--rules", "rule_packs", multiple=True, type=click.Path(), metavar="PATH",
    help="Extra rule pack file or folder (repeatable).",
)


def project_options(command):
    """The options that override the project configuration, shared by scan, baseline and config."""
    options = [
        click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Configuration file (default: nearest .keylint.yaml or pyproject.toml [tool.keylint])."),
        rules_option,
        click.option("--select", multiple=True, metavar="ID|PITFALL", help="Only these rules or pitfalls (repeatable, comma-separated)."),
        click.option("--ignore", multiple=True, metavar="ID|PITFALL", help="Skip these rules or pitfalls (repeatable, comma-separated)."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Skip paths matching this gitignore-style glob (repeatable)."),
        click.option("--no-gitignore", is_flag=True, help="Also scan files that git ignores (walks the folders instead of asking git)."),
        click.option("--min-severity", type=SEVERITY_CHOICE, help="Report only findings at or above this severity [default: low]."),
        click.option("--require-reason/--no-require-reason", default=None,
                     help="Suppressions without `-- reason` silence nothing and are reported."),
        click.option("--report-unused-suppressions/--no-report-unused-suppressions", default=None,
                     help="Report suppressions that silence nothing."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def load_config(config_file: str | None, rule_packs: tuple[str, ...]):
    """The configuration file's settings with --rules replacing its `rules`."""
    from keylint.rules.config import load_config, override

    return override(load_config(config_file), rules=tuple(os.path.abspath(p) for p in rule_packs))


def configured_packs(rule_packs: tuple[str, ...]) -> list:
    """The rules of the shipped packs plus the configured (or given) extra packs."""
    from keylint.rules.config import ConfigError

    try:
        config = load_config(None, rule_packs)
    except ConfigError as exc:
        fail(f"invalid configuration:\n{exc}")
    return packs_of(config)


def packs_of(config, cache_dir: str | None = None) -> list:
    from keylint.rules.config import resolve

    return load_packs(tuple(resolve(config, p) for p in config.rules), cache_dir)


def project_config(flags: dict, cache_dir: str | None = None):
    """The effective configuration (file, then command-line flags) and the rules it enables."""
    from dataclasses import replace

    from keylint.rules.config import ConfigError, check_names, configured_severity, override
    from keylint.pipeline.scan import select_rules

    try:
        config = override(
            load_config(flags["config_file"], flags["rule_packs"]),
            select=split_ids(flags["select"]),
            ignore=split_ids(flags["ignore"]),
            exclude=split_ids(flags["exclude"]),
            min_severity=flags["min_severity"],
            require_reason=flags["require_reason"],
            report_unused_suppressions=flags["report_unused_suppressions"],
        )
        loaded = packs_of(config, cache_dir)
        check_names(config, loaded)
    except ConfigError as exc:
        fail(f"invalid configuration:\n{exc}")
    overrides = dict(config.severity)
    rules = []
    for rule in select_rules(loaded, config.select, config.ignore):
        severity = configured_severity(overrides, rule.id, rule.pitfall, rule.severity)
        rules.append(rule if severity == rule.severity else replace(rule, severity=severity))  # a copy loads the spec
    return config, rules


def scan_options(config, flags: dict, **extra):
    from keylint.pipeline.scan import ScanOptions

    return ScanOptions(
        root=config.root, excludes=config.exclude, gitignore=not flags["no_gitignore"], min_severity=config.min_severity,
        per_path=config.per_path, severity=config.severity, key_types=config.key_types,
        require_reason=config.require_reason, report_unused_suppressions=config.report_unused_suppressions, **extra,
    )


class _Keylint(click.Group):
    """The command group, turning keylint's own failures into their exit codes (see the module
    docstring) instead of a traceback and exit 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("keylint: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:  # noqa: BLE001 - every failure gets its documented exit code
            if ctx.params.get("debug"):
                import traceback

                traceback.print_exc()
            what = f"{type(exc).__name__}: {exc}"
            if isinstance(exc, OSError) and exc.strerror:  # the system's failure, said plainly
                what = exc.strerror + (f": {exc.filename}" if exc.filename else "")
            hint = "" if ctx.params.get("debug") else " (run `keylint --debug ...` for the traceback)"
            click.echo(f"keylint: internal error: {what}{hint}", err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=_Keylint, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="keylint")
@click.option("--debug", is_flag=True, help="Print the traceback when keylint itself fails (exit code 4).")
def main(debug: bool) -> None:
    """Find leaked and misused Vipps MobilePay API keys in Python code and config."""


def existing_paths(paths: tuple[str, ...]) -> list[str]:
    """The paths to scan (default: the current folder); one that does not exist is a usage error
    (a symbolic link that leads nowhere exists: the scan reports what is wrong with it)."""
    missing = [path for path in paths if not os.path.lexists(path)]
    if missing:
        fail(f"no such file or directory: {', '.join(missing)}")
    return list(paths) or ["."]


def say_if_empty(report, paths: tuple[str, ...]) -> None:
    """A scan that read nothing says so: a wrong path or an exclude that hides everything shows."""
    if report.files_scanned or report.errors:
        return
    where = " ".join(paths) or "."
    skipped = f"; {report.files_skipped} excluded" if report.files_skipped else ""
    click.echo(
        f"keylint: warning: no file to read in {where}{skipped} (keylint reads Python, .env, YAML, JSON, TOML, "
        "INI/CFG, template and notebook files that git tracks or does not ignore)",
        err=True,
    )


def history_scan(rev_range: str, paths, rules, options):
    from keylint.pipeline.gitdiff import GitError
    from keylint.pipeline.history import scan_history

    try:
        return scan_history(rev_range, list(paths), rules, options)
    except GitError as exc:
        fail(f"--history {rev_range}: {exc}".replace("--history :", "--history:"))


def emit(rendered: str, output: str | None, colour: bool = False) -> None:
    """Print, or write FILE atomically (a failed write leaves the old file, never a truncated one)."""
    from keylint.services.atomic import write_atomic

    if output is None:
        click.echo(rendered, nl=False, color=colour or None)
        sys.stdout.flush()  # a full disk is reported here, not as an exception at exit
        return
    try:
        write_atomic(output, rendered.encode("utf-8"))
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
