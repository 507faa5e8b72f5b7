"""The `keylint` command line.

Exit codes: 0 no findings; 1 findings; 2 usage error, unreadable config or invalid rule pack;
3 no findings, but some files could not be analysed (listed under errors).
"""

from __future__ import annotations

import os
import sys

import click

from keylint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3
SEVERITY_CHOICE = click.Choice(["low", "medium", "high", "critical"])


def _fail(message: str) -> None:
    click.echo(f"keylint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeatable options also take comma-separated lists: --select KL101,KL102."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _load(extra_packs: tuple[str, ...], cache_dir: str | None = None):
    from keylint.packs import PackError, load_rules

    try:
        if cache_dir is None:
            return load_rules(list(extra_packs))
        from keylint.cache import load_rules_cached

        return load_rules_cached(list(extra_packs), cache_dir)
    except PackError as exc:
        _fail(f"invalid rule pack:\n{exc}")


rules_option = click.option(
    "--rules", "rule_packs", multiple=True, type=click.Path(), metavar="PATH",
    help="Extra rule pack file or folder (repeatable).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="keylint")
def main() -> None:
    """Find leaked and misused Vipps MobilePay API keys in Python code and config."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE.")
@rules_option
@click.option("--select", multiple=True, metavar="ID|PITFALL", help="Only these rules or pitfalls (repeatable, comma-separated).")
@click.option("--ignore", multiple=True, metavar="ID|PITFALL", help="Skip these rules or pitfalls (repeatable, comma-separated).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip paths matching this gitignore-style glob (repeatable).")
@click.option("--min-severity", type=SEVERITY_CHOICE, default="low", show_default=True, help="Report only findings at or above this severity.")
@click.option("--no-redact", is_flag=True, help="Show secrets in clear in the report (off by default).")
@click.option("--quiet", "-q", is_flag=True, help="Text format: print findings only, no summary; nothing when clean.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit non-zero).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (default 0: all cores).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), envvar="KEYLINT_CACHE_DIR", metavar="DIR",
              help="Where to keep the cache (default: the user cache folder, e.g. ~/.cache/keylint).")
@click.option("--no-prefilter", is_flag=True, help="Parse every file, even those no rule can match.")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=1), default=60, show_default=True,
              help="Seconds one file may take before it is reported as not analysed.")
def scan(paths, fmt, output, rule_packs, select, ignore, exclude, min_severity, no_redact, quiet, exit_zero,
         jobs, no_cache, cache_dir, no_prefilter, timeout_s) -> None:
    """Scan PATHS (default: the current folder) for key leaks and misuse."""
    from keylint.report import FORMATS
    from keylint.scan import ScanOptions, SelectionError, scan as run_scan, select_rules
    from keylint.workers import default_jobs

    if not no_cache and cache_dir is None:
        from keylint.cache import user_cache_dir

        cache_dir = str(user_cache_dir())
    cache_dir = None if no_cache else cache_dir
    rules = _load(rule_packs, cache_dir)
    try:
        rules = select_rules(rules, _split(select), _split(ignore))
    except SelectionError as exc:
        _fail(str(exc))
    options = ScanOptions(
        excludes=_split(exclude), min_severity=min_severity, redact=not no_redact, prefilter=not no_prefilter,
        jobs=jobs or default_jobs(), cache_dir=cache_dir, timeout_s=timeout_s,
    )
    report = run_scan(list(paths) or ["."], rules, options, on_progress=_progress(fmt, quiet))
    color = output is None and fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    rendered = FORMATS[fmt](report, rules, color=color)
    if quiet and fmt == "text":
        rendered = rendered.rsplit("\n", 2)[0] + "\n" if report.findings or report.errors else ""
    _emit(rendered, output)
    if report.findings and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    if report.errors:
        sys.exit(EXIT_INCOMPLETE)
    sys.exit(EXIT_CLEAN)


def _progress(fmt: str, quiet: bool):
    """A progress bar on stderr for text output to a terminal; never in CI logs."""
    if fmt != "text" or quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    from keylint.progress import ProgressBar

    return ProgressBar()


def _emit(rendered: str, output: str | None) -> None:
    if output is None:
        click.echo(rendered, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(rendered)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")


@main.group(invoke_without_command=True)
@rules_option
@click.pass_context
def rules(ctx, rule_packs) -> None:
    """List the loaded rules; `keylint rules show ID` documents one."""
    ctx.obj = _load(rule_packs)
    if ctx.invoked_subcommand is None:
        from keylint.report.ruledoc import rule_table

        click.echo(rule_table(ctx.obj), nl=False)


@rules.command("show")
@click.argument("rule_id")
@click.pass_obj
def rules_show(loaded, rule_id) -> None:
    """Print the full documentation of RULE_ID."""
    from keylint.report.ruledoc import rule_page

    matches = [r for r in loaded if r.id == rule_id.upper() or r.name == rule_id]
    if not matches:
        _fail(f"no rule {rule_id!r}; `keylint rules` lists them")
    click.echo(rule_page(matches[0]), nl=False)


@main.command("test-rules")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--annotated", multiple=True, type=click.Path(exists=True), metavar="PATH",
              help="Also scan these files or folders and check their `# ruleid:` / `# ok:` annotations.")
@click.option("--verbose", "-v", is_flag=True, help="List passing examples too.")
def test_rules(paths, annotated, verbose) -> None:
    """Run the embedded examples of the packs in PATHS (default: the shipped packs)."""
    from keylint.packs import PackError, load_rules
    from keylint.ruletest import run_annotated, run_rule_examples

    try:
        loaded = load_rules(list(paths), include_shipped=not paths)
    except PackError as exc:
        _fail(f"invalid rule pack:\n{exc}")
    results = run_rule_examples(loaded)
    failures = 0
    for result in results:
        failures += not result.ok
        if verbose or not result.ok:
            mark = "ok  " if result.ok else "FAIL"
            click.echo(f"{mark} {result.rule_id} {result.expectation}[{result.index}] ({result.file}): {result.detail}")
    checks = len(results)
    if annotated:
        mismatches, checked, unloaded = run_annotated(list(annotated), loaded)
        for mismatch in mismatches:
            click.echo(f"FAIL {mismatch}")
        failures += len(mismatches)
        checks += max(checked, len(mismatches))
        if unloaded:
            click.echo(f"note: {unloaded} annotation(s) name rules that are not loaded")
    click.echo(f"{checks - failures} passed, {failures} failed")
    sys.exit(EXIT_FINDINGS if failures else EXIT_CLEAN)
