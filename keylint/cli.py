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


def _configured(config_file: str | None, rule_packs: tuple[str, ...]):
    """The configuration file's settings with --rules replacing its `rules`."""
    from keylint.config import load_config, override

    return override(load_config(config_file), rules=tuple(os.path.abspath(p) for p in rule_packs))


def _configured_packs(rule_packs: tuple[str, ...]) -> list:
    """The rules of the shipped packs plus the configured (or given) extra packs."""
    from keylint.config import ConfigError

    try:
        config = _configured(None, rule_packs)
    except ConfigError as exc:
        _fail(f"invalid configuration:\n{exc}")
    return _packs_of(config)


def _packs_of(config, cache_dir: str | None = None) -> list:
    from keylint.config import resolve

    return _load(tuple(resolve(config, p) for p in config.rules), cache_dir)


def _project(flags: dict, cache_dir: str | None = None):
    """The effective configuration (file, then command-line flags) and the rules it enables."""
    from dataclasses import replace

    from keylint.config import ConfigError, check_names, configured_severity, override
    from keylint.scan import select_rules

    try:
        config = override(
            _configured(flags["config_file"], flags["rule_packs"]),
            select=_split(flags["select"]),
            ignore=_split(flags["ignore"]),
            exclude=_split(flags["exclude"]),
            min_severity=flags["min_severity"],
            require_reason=flags["require_reason"],
            report_unused_suppressions=flags["report_unused_suppressions"],
        )
        loaded = _packs_of(config, cache_dir)
        check_names(config, loaded)
    except ConfigError as exc:
        _fail(f"invalid configuration:\n{exc}")
    overrides = dict(config.severity)
    rules = [
        replace(rule, severity=configured_severity(overrides, rule.id, rule.pitfall, rule.severity))
        for rule in select_rules(loaded, config.select, config.ignore)
    ]
    return config, rules


def _scan_options(config, flags: dict, **extra):
    from keylint.scan import ScanOptions

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
@click.option("--no-prefilter", is_flag=True, help="Parse every file, even those no rule can match.")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=1), default=60, show_default=True,
              help="Seconds one file may take (all phases together) before it is reported as not analysed.")
@click.option("--memory-limit", "memory_mb", type=click.IntRange(min=64), default=2048, show_default=True, metavar="MB",
              help="Memory one file's analysis may take (per worker process) before it is reported as not analysed.")
@click.option("--history", "history_range", is_flag=False, flag_value="", default=None, metavar="[REV-RANGE]",
              help="Scan what git commits added, on all branches (or --history=REV-RANGE), with the hardcoded-secret "
                   "rules: each key once, with the commit where it first appeared and whether HEAD still has it.")
@click.option("--explain-keys", is_flag=True,
              help="Also print the key type, API and environment inferred for each request, with the evidence "
                   "(to stderr unless the report on stdout is text).")
def scan(paths, fmt, outputs, baseline, diff_ref, no_redact, quiet, exit_zero, statistics, colour,
         jobs, no_cache, cache_dir, no_prefilter, timeout_s, memory_mb, history_range, explain_keys, **flags) -> None:
    """Scan PATHS (default: the current folder) for key leaks and misuse."""
    from keylint.report import render
    from keylint.scan import scan as run_scan
    from keylint.workers import default_jobs

    reports = _reports(fmt, outputs)
    on_stdout = next((name for name, target in reports if target is None), None)
    if not no_cache and cache_dir is None:
        from keylint.cache import user_cache_dir

        cache_dir = str(user_cache_dir())
    cache_dir = None if no_cache else cache_dir
    config, rules = _project(flags, cache_dir)
    options = _scan_options(
        config, flags, redact=not no_redact, baseline=_baseline(config, baseline), diff=_diff(diff_ref, config.root),
        prefilter=not no_prefilter, jobs=jobs or default_jobs(), cache_dir=cache_dir, timeout_s=timeout_s,
        memory_mb=memory_mb,
    )
    if history_range is not None:
        if diff_ref is not None:
            _fail("--history and --diff cannot be combined")
        report = _history(history_range, paths, rules, options)
    else:
        report = run_scan(_existing(paths), rules, options, on_progress=_progress(on_stdout, quiet))
        _say_if_empty(report, paths)
    for name, target in reports:
        colour_here = target is None and _colour(colour)
        _emit(render(name, report, rules, color=colour_here, quiet=quiet), target, colour_here)
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
            _fail(f"--output {value}: no file named (use FORMAT:FILE, or FORMAT:- for stdout)")
        reports.append((name, None if target == "-" else target))
    if not plain and all(target is not None for _, target in reports):
        reports.insert(0, (fmt, None))
    if sum(target is None for _, target in reports) > 1:
        _fail("more than one report on stdout: give all but one of them a file (--output FORMAT:FILE)")
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


def _existing(paths: tuple[str, ...]) -> list[str]:
    """The paths to scan (default: the current folder); one that does not exist is a usage error
    (a symbolic link that leads nowhere exists: the scan reports what is wrong with it)."""
    missing = [path for path in paths if not os.path.lexists(path)]
    if missing:
        _fail(f"no such file or directory: {', '.join(missing)}")
    return list(paths) or ["."]


def _say_if_empty(report, paths: tuple[str, ...]) -> None:
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


def _baseline(config, path: str | None):
    """The baseline from --baseline, else from the configuration's `baseline` key, else none."""
    from keylint.baseline import BaselineError, load
    from keylint.config import resolve

    path = os.path.abspath(path) if path else resolve(config, config.baseline)
    if path is None:
        return None
    try:
        return load(path)
    except BaselineError as exc:
        _fail(str(exc))


def _history(rev_range: str, paths, rules, options):
    from keylint.gitdiff import GitError
    from keylint.history import scan_history

    try:
        return scan_history(rev_range, list(paths), rules, options)
    except GitError as exc:
        _fail(f"--history {rev_range}: {exc}".replace("--history :", "--history:"))


def _diff(ref: str | None, root: str):
    from keylint.gitdiff import GitError, changed_lines

    if ref is None:
        return None
    try:
        changed = changed_lines(ref, root)
    except GitError as exc:
        _fail(f"--diff {ref}: {exc}")
    for warning in changed.warnings:
        click.echo(f"keylint: warning: {warning}", err=True)
    return changed


def _progress(fmt: str | None, quiet: bool):
    """A progress bar on stderr for text output to a terminal; never in CI logs."""
    if fmt != "text" or quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    from keylint.progress import ProgressBar

    return ProgressBar()


def _emit(rendered: str, output: str | None, colour: bool = False) -> None:
    """Print, or write FILE atomically (a failed write leaves the old file, never a truncated one)."""
    from keylint.atomic import write_atomic

    if output is None:
        click.echo(rendered, nl=False, color=colour or None)
        sys.stdout.flush()  # a full disk is reported here, not as an exception at exit
        return
    try:
        write_atomic(output, rendered.encode("utf-8"))
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")


@main.group("baseline")
def baseline_group() -> None:
    """Record the findings a codebase already has, so scans report only new ones."""


@baseline_group.command("create")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Where to write it [default: the configured `baseline`, else .keylint-baseline.json].")
@click.option("--history", "history_range", is_flag=False, flag_value="", default=None, metavar="[REV-RANGE]",
              help="Record the keys git history holds (as `scan --history` finds them), e.g. rotated ones.")
@project_options
def baseline_create(paths, output, history_range, **flags) -> None:
    """Write the current findings of PATHS (by fingerprint and count, no secrets) to a baseline file."""
    from keylint.baseline import DEFAULT_BASELINE, render
    from keylint.config import resolve
    from keylint.scan import scan as run_scan

    config, rules = _project(flags)
    if history_range is not None:
        report = _history(history_range, paths, rules, _scan_options(config, flags))
    else:
        report = run_scan(_existing(paths), rules, _scan_options(config, flags))
        _say_if_empty(report, paths)
    target = os.path.abspath(output) if output else resolve(config, config.baseline or DEFAULT_BASELINE)
    _emit(render(report.findings), target)
    click.echo(f"wrote {len(report.findings)} finding(s) to {os.path.relpath(target)}", err=True)
    sys.exit(EXIT_INCOMPLETE if report.errors else EXIT_CLEAN)


@main.command("config")
@project_options
def config_command(**flags) -> None:
    """Print the effective configuration (file, then flags) as YAML, as `.keylint.yaml` takes it."""
    import yaml

    config, _ = _project(flags)
    origin = config.source or "no configuration file; defaults"
    click.echo(f"# keylint configuration from {origin} (root: {config.root})")
    click.echo(yaml.safe_dump(config.to_dict(), sort_keys=False, allow_unicode=True), nl=False)


@main.command("docs")
@rules_option
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE", help="Write to FILE instead of stdout.")
@click.option("--check", "check_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Exit 1 if FILE differs from what would be generated (for CI).")
def docs_command(rule_packs, output, check_file) -> None:
    """Generate the Markdown rule reference (docs/rules.md) from the shipped and given packs."""
    from keylint.docs import render

    rendered = render(_load(rule_packs))
    if check_file:
        try:
            with open(check_file, encoding="utf-8") as handle:
                current = handle.read()
        except OSError as exc:
            _fail(f"cannot read {check_file}: {exc.strerror or exc}")
        if current != rendered:
            click.echo(f"{check_file} is out of date: run `keylint docs -o {check_file}`", err=True)
            sys.exit(EXIT_FINDINGS)
        sys.exit(EXIT_CLEAN)
    _emit(rendered, output)


@main.group(invoke_without_command=True)
@rules_option
@click.pass_context
def rules(ctx, rule_packs) -> None:
    """List the loaded rules (shipped and configured packs); `keylint rules show ID` documents one."""
    ctx.obj = _configured_packs(rule_packs)
    if ctx.invoked_subcommand is None:
        from keylint.report.ruledoc import rule_table

        click.echo(rule_table(ctx.obj), nl=False)


@rules.command("show")
@click.argument("rule_id")
@click.option("--markdown", is_flag=True, help="Print the Markdown section of docs/rules.md instead.")
@click.pass_obj
def rules_show(loaded, rule_id, markdown) -> None:
    """Print the full documentation of RULE_ID (an id such as KL101, or a rule name)."""
    from keylint.docs import rule_section
    from keylint.report.ruledoc import rule_page

    matches = [r for r in loaded if r.id == rule_id.upper() or r.name == rule_id]
    if not matches:
        _fail(f"no rule {rule_id!r}; `keylint rules` lists them")
    click.echo((rule_section if markdown else rule_page)(matches[0]), nl=False)


@main.command("fix")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rule_ids", multiple=True, metavar="ID,...", help="Only these rules (default: every fixable rule).")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff (secrets redacted) and change nothing.")
def fix_command(paths, rule_ids, show_diff) -> None:
    """Rewrite hard-coded keys in PATHS into environment lookups or placeholders and mask keys in log
    calls (see `keylint rules`, FIX)."""
    from keylint.config import ConfigError
    from keylint.fix import fix_paths, fixable

    try:
        config = _configured(None, ())
    except ConfigError as exc:
        _fail(f"invalid configuration:\n{exc}")
    loaded = _packs_of(config)
    rules = fixable(loaded)
    wanted = _split(rule_ids)
    unknown = sorted(set(wanted) - {r.id for r in rules})
    if unknown:
        _fail(f"no fixable rule {', '.join(unknown)}; `keylint rules` marks the fixable ones")
    rules = [r for r in rules if not wanted or r.id in wanted]
    by_id = {r.id: r for r in rules}
    outcomes, errors = fix_paths(list(paths) or ["."], rules, config.root, write=not show_diff,
                                 redact_rules=[r for r in loaded if r.kind == "secret"])
    verb = "would fix" if show_diff else "fixed"
    fixed = sum(len(o.fixed) for o in outcomes)
    left = sum(len(o.left) for o in outcomes)
    for outcome in outcomes:
        if show_diff:
            click.echo(outcome.diff(), nl=False)
        for finding, replacement in sorted(outcome.fixed, key=lambda pair: pair[0].sort_key()):
            click.echo(f"{verb} {finding.path}:{finding.line}: {finding.rule_id} -> {replacement}", err=show_diff)
        for finding, reason in sorted(outcome.left, key=lambda pair: pair[0].sort_key()):
            click.echo(f"not fixed {finding.path}:{finding.line}: {finding.rule_id}: {reason}", err=show_diff)
    for error in errors:
        click.echo(f"keylint: error: {error}", err=True)
    click.echo(f"{fixed} finding(s) {verb}, {left} left as they are.", err=show_diff)
    styles = {style for o in outcomes for f, _ in o.fixed for style in by_id[f.rule_id].autofix if style in ("env", "mask")}
    if "env" in styles:
        click.echo("The keys taken out of the code are still in git history and in every clone: rotate them "
                   "(new keys in the portal), set the variables in your secret store, and see "
                   "`keylint scan --history` for where they were committed.", err=show_diff)
    if "mask" in styles:
        click.echo("Keys already written to logs stay in those logs and in every copy of them: rotate the "
                   "keys that were logged (access tokens expire on their own).", err=show_diff)
    if left or (show_diff and fixed):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_INCOMPLETE if errors else EXIT_CLEAN)


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
        if not result.ok:
            click.echo(result.excerpt())
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
