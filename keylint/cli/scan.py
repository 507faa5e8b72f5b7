"""`keylint scan`: one scan of the given paths, then its reports (see keylint/pipeline/scan.py)."""

from __future__ import annotations

import os
import sys

import click

from keylint.cli.main import (EXIT_CLEAN, EXIT_FINDINGS, EXIT_INCOMPLETE, emit, existing_paths, fail, history_scan,
                              main, project_config, project_options, say_if_empty, scan_options)


def _format_choice():
    from keylint.report import FORMATS

    return click.Choice(sorted(FORMATS))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=_format_choice(), default="text", show_default=True,
              help="Format of the report on stdout (or in a plain --output FILE).")
@click.option("--output", "-o", "outputs", multiple=True, metavar="[FORMAT:]FILE",
              help="Write a report to FILE; FORMAT:FILE writes one in another format, `-` is stdout "
                   "(repeatable: one scan, several reports).")
@project_options
@click.option("--baseline", type=click.Path(dir_okay=False), metavar="FILE", help="Report only findings not in this baseline.")
@click.option("--diff", "diff_ref", metavar="REF", help="Report only findings on lines changed since git REF (e.g. origin/main).")
@click.option("--no-redact", is_flag=True, help="Show secrets in clear in the report (off by default).")
@click.option("--quiet", "-q", is_flag=True, help="Text format: findings and what to do next only, no summary; nothing when clean.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit non-zero).")
@click.option("--statistics", is_flag=True, help="Also print the number of findings per rule and severity.")
@click.option("--color", "colour", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour text output; auto: on a terminal, unless NO_COLOR is set (FORCE_COLOR forces it).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (default 0: all cores).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), envvar="KEYLINT_CACHE_DIR", metavar="DIR",
              help="Where to keep the cache (default: the user cache folder, e.g. ~/.cache/keylint).")
@click.option("--no-prefilter", is_flag=True, help="Skip the token prefilter: test every file, even those holding none of the rules' tokens.")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=1), default=60, show_default=True,
              help="Seconds one file may take (all phases together) before it is reported as not analysed.")
@click.option("--memory-limit", "memory_mb", type=click.IntRange(min=64), default=2048, show_default=True, metavar="MB",
              help="Memory one file's analysis may take (per worker process) before it is reported as not analysed.")
@click.option("--max-file-size", "max_file_kb", type=click.IntRange(min=0), default=1024, show_default=True, metavar="KB",
              help="Larger files are not parsed: they get the line-based search for hardcoded keys only, and the "
                   "report says so for each (0: no limit).")
@click.option("--history", "history_range", is_flag=False, flag_value="", default=None, metavar="[REV-RANGE]",
              help="Scan what git commits added, on all branches (or --history=REV-RANGE), with the hardcoded-secret "
                   "rules: each key once, with the commit where it first appeared and whether HEAD still has it.")
@click.option("--explain-keys", is_flag=True,
              help="Also print the key type, API and environment inferred for each request, with the evidence "
                   "(to stderr unless the report on stdout is text).")
def scan(paths, fmt, outputs, baseline, diff_ref, no_redact, quiet, exit_zero, statistics, colour,
         jobs, no_cache, cache_dir, no_prefilter, timeout_s, memory_mb, max_file_kb, history_range, explain_keys,
         **flags) -> None:
    """Scan PATHS (default: the current folder) for key leaks and misuse."""
    from keylint.report import render
    from keylint.pipeline.scan import scan as run_scan
    from keylint.services.workers import default_jobs

    reports = _reports(fmt, outputs)
    on_stdout = next((name for name, target in reports if target is None), None)
    if not no_cache and cache_dir is None:
        from keylint.services.cache import user_cache_dir

        cache_dir = str(user_cache_dir())
    cache_dir = None if no_cache else cache_dir
    config, rules = project_config(flags, cache_dir)
    options = scan_options(
        config, flags, redact=not no_redact, baseline=_baseline(config, baseline), diff=_diff(diff_ref, config.root),
        prefilter=not no_prefilter, jobs=jobs or default_jobs(), cache_dir=cache_dir, timeout_s=timeout_s,
        memory_mb=memory_mb, keep_project=explain_keys, max_file_bytes=max_file_kb * 1024 or None,
    )
    if history_range is not None:
        if diff_ref is not None:
            fail("--history and --diff cannot be combined")
        report = history_scan(history_range, paths, rules, options)
    else:
        report = run_scan(existing_paths(paths), rules, options, on_progress=_progress(on_stdout, quiet))
        say_if_empty(report, paths)
    for name, target in reports:
        colour_here = target is None and _colour(colour)
        emit(render(name, report, rules, color=colour_here, quiet=quiet), target, colour_here)
    to_stderr = on_stdout != "text"
    if statistics:
        from keylint.report.text import render_statistics

        click.echo(render_statistics(report, rules), nl=False, err=to_stderr)
    if explain_keys:
        from keylint.report.explain import render_explanation

        click.echo(render_explanation(report, rules, config.key_types), nl=False, err=to_stderr)
    if (report.findings or report.suppression_issues) and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    if report.errors:
        sys.exit(EXIT_INCOMPLETE)
    sys.exit(EXIT_CLEAN)


def _reports(fmt: str, outputs: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """(format, file; None for stdout) of every report: `--output FORMAT:FILE` names its format,
    a plain `--output FILE` takes --format; stdout gets --format unless a plain FILE took it."""
    from keylint.report import FORMATS

    reports, plain = [], False
    for value in outputs:
        name, colon, target = value.partition(":")
        if not (colon and name in FORMATS):
            name, target, plain = fmt, value, True
        if not target:
            fail(f"--output {value}: no file named (use FORMAT:FILE, or FORMAT:- for stdout)")
        reports.append((name, None if target == "-" else target))
    if not plain and all(target is not None for _, target in reports):
        reports.insert(0, (fmt, None))
    if sum(target is None for _, target in reports) > 1:
        fail("more than one report on stdout: give all but one of them a file (--output FORMAT:FILE)")
    return reports


def _colour(choice: str) -> bool:
    """--color: always or never; auto colours a terminal unless NO_COLOR is set, and FORCE_COLOR colours anyway."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0", "false"):
        return True
    return sys.stdout.isatty()


def _baseline(config, path: str | None):
    """The baseline from --baseline, else from the configuration's `baseline` key, else none."""
    from keylint.rules.config import resolve

    path = os.path.abspath(path) if path else resolve(config, config.baseline)
    if path is None:
        return None
    from keylint.pipeline.baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as exc:
        fail(str(exc))


def _diff(ref: str | None, root: str):
    if ref is None:
        return None
    from keylint.pipeline.gitdiff import GitError, changed_lines

    try:
        changed = changed_lines(ref, root)
    except GitError as exc:
        fail(f"--diff {ref}: {exc}")
    for warning in changed.warnings:
        click.echo(f"keylint: warning: {warning}", err=True)
    return changed


def _progress(fmt: str | None, quiet: bool):
    """A progress bar on stderr for text output to a terminal; never in CI logs."""
    if fmt != "text" or quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    from keylint.cli.progress import ProgressBar

    return ProgressBar()
