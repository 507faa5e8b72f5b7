"""Config file formats reduced to name/value bindings with exact positions.

Each reader first checks that the file is well formed with the format's own parser (so a
broken file is reported, not half-read), then finds string values and where they stand.
"""

from __future__ import annotations

import configparser
import json
import re
import sys
from bisect import bisect_right

import yaml

from keylint.core.lines import position, split_lines
from keylint.core.yamlsafe import check_aliases
from keylint.facts.bindings import Binding

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigSyntaxError(ValueError):
    """The file is not valid for its format."""


_ENV_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$")
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
        for document in documents:
            check_aliases(document)
    except RecursionError as exc:
        raise ConfigSyntaxError("YAML nested too deeply to read") from exc
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
    """JSON (and JSONC): every `"key": "string"` pair, wherever it is nested."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        try:
            json.loads(_JSONC_EXTRAS.sub(_blank, text))
        except json.JSONDecodeError:
            raise ConfigSyntaxError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    found = []
    for match in _JSON_PAIR.finditer(text):
        name, value = json.loads(f'"{match.group(1)}"'), json.loads(f'"{match.group(2)}"')
        line, column = position(text, match.start(2))
        column += 1
        found.append(Binding(name, value, line, column, line, column + len(match.group(2))))
    return found


_JSONC_EXTRAS = re.compile(r'"(?:[^"\\\n]|\\.)*"|//[^\n]*|/\*[\s\S]*?\*/|,(?=\s*[}\]])')
"""What JSON with comments (JSONC: VS Code settings, some provider examples) adds: comments and
trailing commas; strings are matched so that `//` in a URL stays."""


def _blank(match: re.Match) -> str:
    """A comment or trailing comma as spaces (newlines kept, so error lines stay right); a string as is."""
    text = match.group(0)
    return text if text.startswith('"') else re.sub(r"[^\n]", " ", text)


def read_toml(text: str) -> list[Binding]:
    """TOML: every string value under a key, scoped by its table. The values (escapes, inline
    tables, dotted keys, arrays of tables) come from the TOML parser; their positions from the
    `key = "value"` spots in the text whose literal the parser reads as the same value."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigSyntaxError(f"invalid TOML: {exc}") from exc
    scopes: dict[tuple[str, str], list[str]] = {}
    for scope, name, value in _toml_strings(data, ()):
        scopes.setdefault((name, value), []).append(scope)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found = []
    for match in _TOML_PAIR.finditer(text):
        name, value = _toml_leaf(match.group("key")), _toml_value(match.group("literal"))
        waiting = scopes.get((name, value))
        if not waiting:  # not a key/string pair to the parser (inside a comment or a string)
            continue
        quote = 3 if match.group("literal")[:3] in ('"""', "'''") else 1
        start, end = match.start("literal") + quote, match.end("literal") - quote
        line, end_line = bisect_right(starts, start), bisect_right(starts, end)
        found.append(Binding(name, value, line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1,
                             waiting.pop(0)))
    return found


_TOML_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_TOML_LITERAL = r"""(?:"{3}[\s\S]*?"{3}(?!")|'{3}[\s\S]*?'{3}(?!')|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_TOML_PAIR = re.compile(
    rf"""(?:^|(?<=[{{,]))[ \t]*(?P<key>{_TOML_KEY}(?:[ \t]*\.[ \t]*{_TOML_KEY})*)[ \t]*=[ \t]*(?P<literal>{_TOML_LITERAL})""",
    re.M,
)
"""`key = "value"` at the start of a line or in an inline table."""


def _toml_strings(value, path: tuple[str, ...]):
    """(table path, key, string) for every string held directly by a key, in document order."""
    items = value.items() if isinstance(value, dict) else ((None, item) for item in value)
    for key, item in items:
        if isinstance(item, str) and key is not None:
            yield ".".join(path), key, item
        elif isinstance(item, (dict, list)):
            yield from _toml_strings(item, path if key is None else (*path, key))


def _toml_leaf(key: str) -> str:
    """The last part of a (dotted, maybe quoted) key, as the TOML parser reads it."""
    table = tomllib.loads(f"{key} = 0")
    while True:
        (leaf, inner), = table.items()
        if not isinstance(inner, dict):
            return leaf
        table = inner


def _toml_value(literal: str) -> str:
    return tomllib.loads(f"v = {literal}")["v"]


def read_ini(text: str) -> list[Binding]:
    """INI/CFG: `key = value` or `key: value` lines, scoped by their [section]."""
    parser = configparser.RawConfigParser(strict=False, allow_no_value=True, interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        raise ConfigSyntaxError(f"invalid INI: {exc.message.splitlines()[0]}") from exc
    return _read_sectioned(text, _INI_LINE)


def _read_sectioned(text: str, pattern: re.Pattern) -> list[Binding]:
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
