"""Project configuration: `[tool.keylint]` in pyproject.toml, or `.keylint.yaml` for other repos.

The file is found in the current folder or the nearest parent (stopping at the repository
root), validated against a schema (unknown keys are errors naming file and key), and its
folder becomes the scan root: paths and globs in it are relative to that folder.
Command-line flags replace the values they name.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING

from keylint.core.findings import SEVERITIES

if TYPE_CHECKING:
    import pathspec
    import yaml

YAML_NAMES = (".keylint.yaml", ".keylint.yml")
KEY_TYPES = ("merchant", "partner", "management", "accounting")

_NAMES = {"type": "array", "items": {"type": "string", "minLength": 1}}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "rules": {**_NAMES, "description": "extra rule pack files or folders"},
        "select": {**_NAMES, "description": "only these rule ids or pitfalls"},
        "ignore": {**_NAMES, "description": "never these rule ids or pitfalls"},
        "exclude": {**_NAMES, "description": "gitignore-style globs of paths not to scan"},
        "severity": {"type": "object", "additionalProperties": {"enum": list(SEVERITIES)}},
        "per-path": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "minProperties": 1,
                "properties": {"select": _NAMES, "ignore": _NAMES},
            },
        },
        "key-types": {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_.-]*$"},
            "additionalProperties": {"enum": list(KEY_TYPES)},
        },
        "min-severity": {"enum": list(SEVERITIES)},
        "require-reason": {"type": "boolean"},
        "report-unused-suppressions": {"type": "boolean"},
        "baseline": {"type": "string", "minLength": 1},
    },
}


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class PathRules:
    """Which rules apply to files matching a gitignore-style `pattern` (per-path settings)."""

    pattern: str
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    spec: pathspec.GitIgnoreSpec = field(default=None, compare=False, repr=False)

    def matches(self, rel_path: str) -> bool:
        return self.spec.match_file(rel_path)


@dataclass(frozen=True)
class Config:
    """The effective settings. `source` is the file they came from (None: defaults only)."""

    source: str | None = None
    root: str = "."
    rules: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    per_path: tuple[PathRules, ...] = ()
    key_types: tuple[tuple[str, str], ...] = ()
    min_severity: str = "low"
    require_reason: bool = False
    report_unused_suppressions: bool = False
    baseline: str | None = None

    def to_dict(self) -> dict:
        """The settings as `[tool.keylint]` keys, for `keylint config`."""
        return {
            "rules": list(self.rules),
            "select": list(self.select),
            "ignore": list(self.ignore),
            "exclude": list(self.exclude),
            "severity": dict(self.severity),
            "per-path": {p.pattern: _per_path_dict(p) for p in self.per_path},
            "key-types": dict(self.key_types),
            "min-severity": self.min_severity,
            "require-reason": self.require_reason,
            "report-unused-suppressions": self.report_unused_suppressions,
            "baseline": self.baseline,
        }

    def where(self, key: str) -> str:
        """How an error message names a key of this configuration."""
        prefix = "tool.keylint" if self.source and self.source.endswith(".toml") else ""
        name = ".".join(part for part in (prefix, key) if part)
        return f"{self.source or 'command line'}" + (f": {name}" if name else "")


def _per_path_dict(rules: PathRules) -> dict:
    return {k: list(v) for k, v in (("select", rules.select), ("ignore", rules.ignore)) if v}


def find_config(start: str) -> str | None:
    """The nearest `.keylint.yaml` or pyproject.toml with [tool.keylint], up to the repository root."""
    current = os.path.abspath(start)
    while True:
        for name in YAML_NAMES:
            if os.path.isfile(os.path.join(current, name)):
                return os.path.join(current, name)
        pyproject = os.path.join(current, "pyproject.toml")
        if os.path.isfile(pyproject) and _read_toml(pyproject) is not None:
            return pyproject
        parent = os.path.dirname(current)
        if os.path.exists(os.path.join(current, ".git")) or parent == current:
            return None
        current = parent


def load_config(path: str | None = None, start: str = ".") -> Config:
    """Settings from `path`, or from the file `find_config(start)` finds, or the defaults."""
    path = path or find_config(start)
    if path is None:
        return Config(root=os.path.abspath(start))
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: configuration file not found")
    raw = _read_toml(path) if path.endswith(".toml") else _read_yaml(path)
    return _build(path, {} if raw is None else raw)


def _read_toml(path: str) -> dict | None:
    """The [tool.keylint] table of a TOML file, or None if it has none."""
    if sys.version_info >= (3, 11):  # imported here: most projects configure nothing
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        if b"keylint" not in raw:  # no way to write the table without its name: nothing to parse
            return None
        data = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    return data.get("tool", {}).get("keylint")


def _read_yaml(path: str) -> dict:
    import yaml  # with yamlsafe: only for a .keylint.yaml, not on every start

    from keylint.core import yamlsafe

    try:
        with open(path, encoding="utf-8") as handle:
            _, data = yamlsafe.load(handle)
    except RecursionError as exc:
        raise ConfigError(f"{path}: cannot read: YAML nested too deeply") from exc
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    return data if data is not None else {}


def _build(path: str, raw: dict) -> Config:
    source = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    config = Config(source=source, root=os.path.dirname(os.path.abspath(path)))
    _validate(config, raw)
    per_path = tuple(
        path_rules(pattern, value.get("select", ()), value.get("ignore", ()))
        for pattern, value in raw.get("per-path", {}).items()
    )
    return replace(
        config,
        rules=tuple(raw.get("rules", ())),
        select=tuple(raw.get("select", ())),
        ignore=tuple(raw.get("ignore", ())),
        exclude=tuple(raw.get("exclude", ())),
        severity=tuple(raw.get("severity", {}).items()),
        per_path=per_path,
        key_types=tuple(sorted(raw.get("key-types", {}).items())),
        min_severity=raw.get("min-severity", "low"),
        require_reason=raw.get("require-reason", False),
        report_unused_suppressions=raw.get("report-unused-suppressions", False),
        baseline=raw.get("baseline"),
    )


def path_rules(pattern: str, select=(), ignore=()) -> PathRules:
    import pathspec  # only a configuration with per-path settings needs it

    return PathRules(pattern, tuple(select), tuple(ignore), pathspec.GitIgnoreSpec.from_lines([pattern]))


def _validate(config: Config, raw) -> None:
    import jsonschema  # slow to import: only projects with a configuration file pay for it

    if not isinstance(raw, dict):
        raise ConfigError(f"{config.where('')}: expected a table of settings, got {type(raw).__name__}")
    errors = sorted(
        jsonschema.Draft202012Validator(SCHEMA).iter_errors(raw), key=lambda e: [str(p) for p in e.absolute_path]
    )
    if errors:
        raise ConfigError("\n".join(_describe(config, error) for error in errors))


def _describe(config: Config, error) -> str:
    from keylint.core import yamlsafe

    where = [str(p) for p in error.absolute_path]
    message = yamlsafe.brief(error.message)
    if error.validator == "additionalProperties" and "properties" in error.schema:
        known = error.schema["properties"]
        unknown = sorted(str(k) for k in error.instance if k not in known)
        where.append(unknown[0])
        message = f"unknown key {unknown[0]!r} (expected one of: {', '.join(known)})"
    elif error.validator == "enum":
        message = f"{yamlsafe.brief(repr(error.instance), 80)} is not one of: {', '.join(map(str, error.validator_value))}"
    elif error.validator == "propertyNames":
        message = f"{yamlsafe.brief(repr(error.instance), 80)} is not a valid name"
    return f"{config.where('.'.join(where))}: {message}"


def override(config: Config, **flags) -> Config:
    """`config` with every flag the command line gave (not None, not empty) replacing its key."""
    known = {f.name for f in fields(Config)}
    given = {k: v for k, v in flags.items() if k in known and v is not None and v != ()}
    return replace(config, **given)


def check_names(config: Config, rules: list) -> None:
    """Every rule id or pitfall the configuration names must exist among the loaded rules."""
    known = {r.id for r in rules} | {r.pitfall for r in rules}
    named = [("select", config.select), ("ignore", config.ignore), ("severity", [k for k, _ in config.severity])]
    named += [(f"per-path.{p.pattern}.{key}", getattr(p, key)) for p in config.per_path for key in ("select", "ignore")]
    for key, names in named:
        unknown = sorted(set(names) - known)
        if unknown:
            raise ConfigError(f"{config.where(key)}: unknown rule id or pitfall: {', '.join(unknown)}")


def configured_severity(overrides: dict[str, str], rule_id: str, pitfall: str, default: str) -> str:
    """The severity `overrides` set for a rule id, else for its pitfall, else `default`."""
    return overrides.get(rule_id, overrides.get(pitfall, default))


def resolve(config: Config, path: str | None) -> str | None:
    """A path from the configuration, made absolute against the configuration's folder."""
    return None if path is None else os.path.join(config.root, path)
