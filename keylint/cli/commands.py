"""The commands besides `scan`: baseline create, config, docs, rules, fix and test-rules."""

from __future__ import annotations

import os
import sys

import click

from keylint.cli.main import (EXIT_CLEAN, EXIT_FINDINGS, EXIT_INCOMPLETE, configured_packs, emit,
                              existing_paths, fail, history_scan, load_config, load_packs, packs_of, project_config,
                              say_if_empty, scan_options, split_ids, main, project_options, rules_option)


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
    from keylint.pipeline.baseline import DEFAULT_BASELINE, render
    from keylint.rules.config import resolve
    from keylint.pipeline.scan import scan as run_scan

    config, rules = project_config(flags)
    if history_range is not None:
        report = history_scan(history_range, paths, rules, scan_options(config, flags))
    else:
        report = run_scan(existing_paths(paths), rules, scan_options(config, flags))
        say_if_empty(report, paths)
    target = os.path.abspath(output) if output else resolve(config, config.baseline or DEFAULT_BASELINE)
    emit(render(report.findings), target)
    click.echo(f"wrote {len(report.findings)} finding(s) to {os.path.relpath(target)}", err=True)
    sys.exit(EXIT_INCOMPLETE if report.errors else EXIT_CLEAN)


@main.command("config")
@project_options
def config_command(**flags) -> None:
    """Print the effective configuration (file, then flags) as YAML, as `.keylint.yaml` takes it."""
    import yaml

    config, _ = project_config(flags)
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
    from keylint.report.docs import render

    rendered = render(load_packs(rule_packs))
    if check_file:
        try:
            with open(check_file, encoding="utf-8") as handle:
                current = handle.read()
        except OSError as exc:
            fail(f"cannot read {check_file}: {exc.strerror or exc}")
        if current != rendered:
            click.echo(f"{check_file} is out of date: run `keylint docs -o {check_file}`", err=True)
            sys.exit(EXIT_FINDINGS)
        sys.exit(EXIT_CLEAN)
    emit(rendered, output)


@main.group(invoke_without_command=True)
@rules_option
@click.pass_context
def rules(ctx, rule_packs) -> None:
    """List the loaded rules (shipped and configured packs); `keylint rules show ID` documents one."""
    ctx.obj = configured_packs(rule_packs)
    if ctx.invoked_subcommand is None:
        from keylint.report.ruledoc import rule_table

        click.echo(rule_table(ctx.obj), nl=False)


@rules.command("show")
@click.argument("rule_id")
@click.option("--markdown", is_flag=True, help="Print the Markdown section of docs/rules.md instead.")
@click.pass_obj
def rules_show(loaded, rule_id, markdown) -> None:
    """Print the full documentation of RULE_ID (an id such as KL101, or a rule name)."""
    from keylint.report.docs import rule_section
    from keylint.report.ruledoc import rule_page

    matches = [r for r in loaded if r.id == rule_id.upper() or r.name == rule_id]
    if not matches:
        fail(f"no rule {rule_id!r}; `keylint rules` lists them")
    click.echo((rule_section if markdown else rule_page)(matches[0]), nl=False)


@main.command("fix")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rule_ids", multiple=True, metavar="ID,...", help="Only these rules (default: every fixable rule).")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff (secrets redacted) and change nothing.")
def fix_command(paths, rule_ids, show_diff) -> None:
    """Rewrite hard-coded keys in PATHS into environment lookups or placeholders and mask keys in log
    calls (see `keylint rules`, FIX)."""
    from keylint.rules.config import ConfigError
    from keylint.cli.fix import fix_paths, fixable

    try:
        config = load_config(None, ())
    except ConfigError as exc:
        fail(f"invalid configuration:\n{exc}")
    loaded = packs_of(config)
    rules = fixable(loaded)
    wanted = split_ids(rule_ids)
    unknown = sorted(set(wanted) - {r.id for r in rules})
    if unknown:
        fail(f"no fixable rule {', '.join(unknown)}; `keylint rules` marks the fixable ones")
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
    from keylint.rules.packs import PackError, load_rules
    from keylint.cli.ruletest import run_annotated, run_rule_examples

    try:
        loaded = load_rules(list(paths), include_shipped=not paths)
    except PackError as exc:
        fail(f"invalid rule pack:\n{exc}")
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
