"""Config file formats reduced to name/value bindings with exact positions.

Each reader first checks that the file is well formed with the format's own parser (so a
broken file is reported, not half-read), then finds string values and where they stand.
"""

from __future__ import annotations

import configparser
import json
import re
import sys

import yaml

from keylint.bindings import Binding
from keylint.lines import position, split_lines

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigSyntaxError(ValueError):
    """The file is not valid for its format."""


_ENV_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$")
_TOML_LINE = re.compile(r"""^\s*([A-Za-z0-9_.\-"' ]+?)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*')""")
_INI_LINE = re.compile(r"^([^\s#;\[=:][^=:]*?)\s*[=:]\s*(.*?)\s*$")
_JSON_PAIR = re.compile(r'"((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"')


def _unquote(raw: str) -> tuple[str, int]:
    """Strip matching quotes (or an inline comment) from a raw value; return value and offset."""
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1], 1
    if raw and raw[0] in "\"'":
        closing = raw.find(raw[0], 1)
        if closing > 0:
            return raw[1:closing], 1
    comment = re.search(r"\s+[#;]", raw)
    return (raw[: comment.start()] if comment else raw), 0


def _binding(name: str, value: str, line: int, column: int, scope: str = "") -> Binding:
    return Binding(name, value, line, column, line, column + len(value), scope)


def read_env(text: str) -> list[Binding]:
    """`.env` files: KEY=VALUE lines, optional `export`, quotes and trailing comments."""
    found = []
    for number, line in enumerate(split_lines(text), 1):
        match = _ENV_LINE.match(line)
        if not match or line.lstrip().startswith("#"):
            continue
        value, offset = _unquote(match.group(2))
        found.append(_binding(match.group(1), value, number, match.start(2) + offset + 1))
    return found


def read_yaml(text: str) -> list[Binding]:
    """YAML: every scalar under a key, `name:`/`value:` pairs (k8s env) and `KEY=VALUE` items."""
    try:
        documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ConfigSyntaxError(f"invalid YAML{where}: {getattr(exc, 'problem', exc)}") from exc
    found: list[Binding] = []
    for document in documents:
        _walk_yaml(document, [], found)
    return found


def _yaml_binding(name: str, node: yaml.ScalarNode, scope: list[str]) -> Binding:
    start, end = node.start_mark, node.end_mark
    quoted = 1 if node.style in ("'", '"') else 0
    return Binding(
        name,
        node.value,
        start.line + 1,
        start.column + 1 + quoted,
        end.line + 1,
        end.column + 1 - quoted,
        ".".join(scope),
    )


def _walk_yaml(node: yaml.Node | None, scope: list[str], found: list[Binding]) -> None:
    if isinstance(node, yaml.MappingNode):
        pairs = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        name, value = pairs.get("name"), pairs.get("value")
        if isinstance(name, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode):
            found.append(_yaml_binding(name.value, value, scope))
        for key, child in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if isinstance(child, yaml.ScalarNode) and child.tag.endswith(":str"):
                found.append(_yaml_binding(key.value, child, scope))
            else:
                _walk_yaml(child, [*scope, key.value], found)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            if isinstance(child, yaml.ScalarNode) and "=" in child.value:
                name, _, value = child.value.partition("=")
                start = child.start_mark
                column = start.column + 1 + len(name) + 1 + (1 if child.style in ("'", '"') else 0)
                found.append(_binding(name.strip(), value, start.line + 1, column, ".".join(scope)))
            else:
                _walk_yaml(child, scope, found)


def read_json(text: str) -> list[Binding]:
    """JSON: every `"key": "string"` pair, wherever it is nested."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigSyntaxError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    found = []
    for match in _JSON_PAIR.finditer(text):
        name, value = json.loads(f'"{match.group(1)}"'), json.loads(f'"{match.group(2)}"')
        line, column = position(text, match.start(2))
        column += 1
        found.append(Binding(name, value, line, column, line, column + len(match.group(2))))
    return found


def read_toml(text: str) -> list[Binding]:
    """TOML: `key = "string"` lines, scoped by their [table]."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigSyntaxError(f"invalid TOML: {exc}") from exc
    return _read_sectioned(text, _TOML_LINE, toml=True)


def read_ini(text: str) -> list[Binding]:
    """INI/CFG: `key = value` or `key: value` lines, scoped by their [section]."""
    parser = configparser.RawConfigParser(strict=False, allow_no_value=True, interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        raise ConfigSyntaxError(f"invalid INI: {exc.message.splitlines()[0]}") from exc
    return _read_sectioned(text, _INI_LINE, toml=False)


def _read_sectioned(text: str, pattern: re.Pattern, toml: bool) -> list[Binding]:
    found = []
    section = ""
    for number, line in enumerate(split_lines(text), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped.strip("[]").strip()
            continue
        if stripped.startswith(("#", ";")):
            continue
        match = pattern.match(line)
        if not match:
            continue
        key = match.group(1).strip().strip("\"'")
        if toml:
            value = match.group(2)[1:-1]
            if match.group(2).startswith('"'):
                value = json.loads(match.group(2)) if "\\" in value else value
            column = match.start(2) + 2
        else:
            value, offset = _unquote(match.group(2))
            column = match.start(2) + offset + 1
        leaf = key.rsplit(".", 1)[-1]
        found.append(_binding(leaf, value, number, column, section))
    return found


READERS = {
    "env": read_env,
    "yaml": read_yaml,
    "json": read_json,
    "toml": read_toml,
    "ini": read_ini,
}
