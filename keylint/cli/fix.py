"""`keylint fix`: rewrite hard-coded keys into lookups and mask keys in logs, where that changes
nothing but the key's source or the log message.

A rule is fixable when its pack gives it an `autofix` block: `env`, the conventional environment
variable (VIPPS_CLIENT_SECRET), and examples that `keylint test-rules` checks. What a fix does:

- Python (LibCST, so formatting and comments survive): the literal becomes
  `os.environ["VIPPS_CLIENT_SECRET"]` (a PARTNER/ACCOUNTING/MANAGEMENT/MERCHANT qualifier of the
  name is kept: VIPPS_PARTNER_CLIENT_SECRET), `import os` is added when missing; the literal
  fallback of `os.getenv(NAME, "...")` is dropped (NAME already says where the key lives); the
  default of a pydantic `BaseSettings` field is dropped (pydantic reads the environment). In a
  Django project (one settings module sets INSTALLED_APPS), application code reads
  `settings.VIPPS_CLIENT_SECRET` (django.conf) and the settings module gains
  `VIPPS_CLIENT_SECRET = os.environ["VIPPS_CLIENT_SECRET"]`; settings modules themselves, and a
  module where `settings` already names something else, use the environment directly. A default
  parameter value is not rewritten (it would read the environment at import time): reported only.
  The variable is added to a `.env.example` in the file's folder or one above it, when there is one.
- .env, YAML, TOML, JSON, INI: the value becomes a reference the user must fill,
  `${VIPPS_CLIENT_SECRET}` (never a guessed value).
- Tests: the literal becomes an obvious fake (`"fake-client-secret"`), so that tests keep running
  without the environment; the real key still has to be rotated.
- Notebooks (keylint/cli/fix_notebook.py): a code cell is fixed like a Python module; a key
  printed into a saved output is removed by clearing that cell's outputs.
- Other files: reported only.

A rule whose `autofix` block says `mask` (KL401, keys in logs) is fixed where the key reaches a
log or print call: the part of the call that carries it becomes "<redacted>" (keylint/cli/fix_logs.py).

Every fix is checked by analysing the fixed text again: a finding the rule still reports there is
not counted as fixed. A second run changes nothing. Removing a key from the code does not remove it
from git history: the caller says so.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field

from keylint.core.lines import split_lines
from keylint.cli.fix_names import binding_name, env_name
from keylint.core.values import redact_inline
from keylint.facts.testfiles import is_test_path
from keylint.pipeline.analyse import analyse_file
from keylint.pipeline.discover import SourcePath, discover, read_bytes
from keylint.pipeline.parse import ParseFailure, decode, parse
from keylint.pipeline.project import summarise_project
from keylint.rules.kinds import KINDS

CONFIG_KINDS = ("env", "yaml", "json", "toml", "ini")
_NEW_VARIABLE = re.compile(r"\bos\.environ\[\"([A-Z0-9_]+)|\(reads ([A-Z0-9_]+)\)|^settings\.([A-Z0-9_]+)")
_DJANGO_SETTINGS = re.compile(r"^INSTALLED_APPS\s*[:=+]", re.M)


def fixable(rules: list) -> list:
    return [r for r in rules if getattr(r, "autofix", None)]


@dataclass
class FileFix:
    """The outcome for one file: its new text, what was fixed, what was left and why."""

    path: str
    old: str
    new: str
    fixed: list = field(default_factory=list)  # (finding, replacement description)
    left: list = field(default_factory=list)  # (finding, reason)
    env_vars: list[str] = field(default_factory=list)
    settings_vars: list[str] = field(default_factory=list)  # Django settings it now reads
    secrets: list[str] = field(default_factory=list)

    def diff(self) -> str:
        """A unified diff with every secret of the file redacted."""
        lines = difflib.unified_diff(self.old.splitlines(keepends=True), self.new.splitlines(keepends=True),
                                     f"a/{self.path}", f"b/{self.path}")
        return redact("".join(line if line.endswith("\n") else line + "\n" for line in lines), self.secrets)


def redact(text: str, secrets: list[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, redact_inline(secret))
    return text


def fix_text(source: SourcePath, text: str, rules: list, project: dict | None = None,
             redact_rules: list = (), django: bool = False) -> FileFix:
    """Fix the findings of `rules` in one file's text (nothing is written): keys in log calls are
    masked first (keylint/cli/fix_logs.py), then hardcoded keys rewritten. `project` is the project
    index data-flow rules read; the keys found by the secret-kind rules among `rules` and
    `redact_rules` are redacted from the diff; `django`: application code of a Django project."""
    raw: dict[str, str] = {}
    analyse_file(source, text.encode("utf-8"), [r for r in [*rules, *redact_rules] if r.kind == "secret"], raw_secrets=raw)
    result = FileFix(source.rel_path, text, text, secrets=sorted(set(raw.values())))
    masked = [r for r in rules if "mask" in r.autofix]
    if masked:
        _mask_logs(source, result, masked, project)
    rewritten = [r for r in rules if "env" in r.autofix]
    if rewritten:
        _rewrite_keys(source, result, rewritten, django)
    return result


def _mask_logs(source: SourcePath, result: FileFix, rules: list, project: dict | None) -> None:
    def reported(text: str) -> set:
        found = analyse_file(source, text.encode("utf-8"), rules, project=_as_if(project, source, text, rules)).findings
        return {(f.rule_id, f.line, f.column) for f in found}

    found = analyse_file(source, result.new.encode("utf-8"), rules, project=project).findings
    if not found:
        return
    if source.kind != "python":
        result.left += [(f, f"keylint does not rewrite {source.kind} files") for f in found]
        return
    from keylint.cli.fix_logs import mask_logs

    by_id = {r.id: r for r in rules}
    result.new, outcomes = mask_logs(result.new, [(f, by_id[f.rule_id]) for f in found], reported)
    result.fixed += [(f, replacement) for f, replacement, _ in outcomes if replacement]
    result.left += [(f, reason) for f, replacement, reason in outcomes if not replacement]


def _as_if(project: dict | None, source: SourcePath, text: str, rules: list) -> dict | None:
    """The project index as if the file held `text` (a trial of a fix): a file the project phase
    summarised is analysed from its summary, so the summary is made again and the index re-solved."""
    if not project or not any(source.rel_path in index.summaries for index in project.values()):
        return project
    try:
        parsed = parse(source.rel_path, text, source.kind, lazy=True)
    except ParseFailure:
        return project
    return {name: KINDS[name].build_index({**index.summaries, source.rel_path: KINDS[name].summarise(parsed, rules)},
                                          index.rule_ids)
            for name, index in project.items()}


def _rewrite_keys(source: SourcePath, result: FileFix, rules: list, django: bool) -> None:
    """Hardcoded keys become lookups (Python) or references to fill (config files)."""
    raw: dict[str, str] = {}
    before = result.new
    found = analyse_file(source, before.encode("utf-8"), rules, raw_secrets=raw)
    targets = [(f, raw[f.fingerprint]) for f in found.findings if f.fingerprint in raw]
    if not targets:
        return
    by_id = {r.id: r for r in rules}
    if source.kind == "python":
        from keylint.cli.fix_python import fix_python

        result.new, outcomes = fix_python(before, [(f, secret, by_id[f.rule_id]) for f, secret in targets],
                                          is_test_path(source.rel_path), django)
    elif source.kind == "notebook":
        from keylint.cli.fix_notebook import fix_notebook

        result.new, outcomes = fix_notebook(before, [(f, secret, by_id[f.rule_id]) for f, secret in targets])
    elif source.kind in CONFIG_KINDS:
        result.new, outcomes = _fix_config(before, [(f, by_id[f.rule_id]) for f, _ in targets], source.kind)
    else:
        outcomes = [(f, None, f"keylint does not rewrite {source.kind} files") for f, _ in targets]
    _verify(source, before, result, outcomes, rules)


def _verify(source: SourcePath, before: str, result: FileFix, outcomes: list, rules: list) -> None:
    """Count a fix only if the fixed text no longer has the finding (by fingerprint's identity)."""
    after = analyse_file(source, result.new.encode("utf-8"), rules) if result.new != before else None
    remaining = {(f.rule_id, f.match_key) for f in after.findings} if after is not None else set()
    if after is not None and after.errors:
        result.new = before  # never leave a file that no longer parses
        result.left += [(f, f"the fix would break the file ({after.errors[0].message})") for f, _, _ in outcomes]
        return
    for finding, replacement, reason in outcomes:
        if replacement is None:
            result.left.append((finding, reason))
        elif (finding.rule_id, finding.match_key) in remaining:
            result.left.append((finding, "still reported after the rewrite"))
        else:
            result.fixed.append((finding, replacement))
            variable = _NEW_VARIABLE.search(replacement)
            if variable:
                result.env_vars.append(variable.group(1) or variable.group(2) or variable.group(3))
            if variable and variable.group(3):
                result.settings_vars.append(variable.group(3))


def _fix_config(text: str, targets: list, kind: str) -> tuple[str, list]:
    """Each value span becomes `${NAME}` (for .env the variable's own name when it is one)."""
    lines = split_lines(text, kind, keepends=True)
    outcomes = []
    for finding, rule in sorted(targets, key=lambda t: (t[0].line, t[0].column), reverse=True):
        bound = binding_name(finding)
        name = bound if kind == "env" and re.fullmatch(r"[A-Z][A-Z0-9_]*", bound) else env_name(rule, finding, config=True)
        if finding.end_line != finding.line:
            outcomes.append((finding, None, "the value spans several lines"))
            continue
        line = lines[finding.line - 1]
        lines[finding.line - 1] = line[: finding.column - 1] + "${" + name + "}" + line[finding.end_column - 1 :]
        outcomes.append((finding, "${" + name + "}", ""))
    return "".join(lines), outcomes


def _env_examples(changed: list[FileFix], by_path: dict, root: str) -> dict[str, FileFix]:
    """The nearest .env.example above each Python file with new variables (up to `root`), with a
    `NAME=` line for each variable it lacks: {its absolute path: its change}."""
    updates: dict[str, FileFix] = {}
    for result in changed:
        source = by_path[result.path]
        candidate = _nearest_env_example(source.abs_path, root) if source.kind in ("python", "notebook") and result.env_vars else None
        if candidate is None:
            continue
        if candidate not in updates:
            with open(candidate, encoding="utf-8") as handle:
                text = handle.read()
            updates[candidate] = FileFix(os.path.relpath(candidate, root).replace(os.sep, "/"), text, text)
        update = updates[candidate]
        known = set(re.findall(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=", update.new, re.M))
        missing = [n for n in dict.fromkeys(result.env_vars) if n not in known]
        if missing:
            update.new += ("" if not update.new or update.new.endswith("\n") else "\n") + "".join(f"{n}=\n" for n in missing)
    return {path: update for path, update in updates.items() if update.new != update.old}


def _nearest_env_example(path: str, stop: str) -> str | None:
    folder = os.path.dirname(os.path.abspath(path))
    stop = os.path.abspath(stop)
    while True:
        candidate = os.path.join(folder, ".env.example")
        if os.path.isfile(candidate):
            return candidate
        if folder == stop or os.path.dirname(folder) == folder or not folder.startswith(stop):
            return None
        folder = os.path.dirname(folder)


def fix_paths(paths: list[str], rules: list, root: str, write: bool,
              redact_rules: list = ()) -> tuple[list[FileFix], list[str]]:
    """Fix every file under `paths`; (outcomes of changed files or files with findings, errors).
    Keys that `redact_rules` find are redacted from the diffs too."""
    sources, discovery = discover(paths, root)
    errors = [f"{p}: no such file or directory" for p in discovery.missing]
    project = summarise_project(sources, [r for r in rules if "mask" in r.autofix])
    texts: dict[str, str] = {}
    for source in sources:
        try:
            texts[source.rel_path] = decode(read_bytes(source), source.kind)
        except (OSError, ParseFailure) as exc:
            errors.append(f"{source.rel_path}: {exc}")
    django = _django_settings(sources, texts)
    outcomes = {}
    for source in sources:
        if source.rel_path in texts:
            application = django is not None and not _is_settings_module(source.rel_path)
            outcomes[source.rel_path] = fix_text(source, texts[source.rel_path], rules, project, redact_rules,
                                                 application)
    if django is not None:
        _define_settings(django, texts[django.rel_path], outcomes, redact_rules)
    changed = [o for o in outcomes.values() if o.fixed or o.left or o.new != o.old]
    by_path = {s.rel_path: s for s in sources}
    examples = _env_examples(changed, by_path, root)
    if write:
        for path, result in [*((by_path[o.path].abs_path, o) for o in changed), *examples.items()]:
            if result.new != result.old:
                with open(path, "w", encoding="utf-8", newline="") as handle:
                    handle.write(result.new)
    return changed + list(examples.values()), errors


def _django_settings(sources: list, texts: dict[str, str]) -> SourcePath | None:
    """The project's Django settings module: the one Python module that sets INSTALLED_APPS."""
    found = [s for s in sources if s.kind == "python" and _DJANGO_SETTINGS.search(texts.get(s.rel_path, ""))
             and not is_test_path(s.rel_path)]
    return found[0] if len(found) == 1 else None


def _is_settings_module(rel_path: str) -> bool:
    """settings.py, settings_*.py, or any module of a settings/ package (per-environment files)."""
    parts = rel_path.replace("\\", "/").split("/")
    return parts[-1].startswith("settings") or "settings" in parts[:-1]


def _define_settings(source: SourcePath, text: str, outcomes: dict, redact_rules: list) -> None:
    """The settings module reads from the environment every setting the application code now uses."""
    from keylint.cli.fix_python import define_settings

    names = [n for result in outcomes.values() for n in result.settings_vars]
    if not names:
        return
    result = outcomes.get(source.rel_path) or fix_text(source, text, [], redact_rules=redact_rules)
    result.new = define_settings(result.new, names)
    result.env_vars += names
    outcomes[source.rel_path] = result
