"""The adversarial inputs of issue 12, generated (none is stored): each is a small tree of files and
the `keylint` arguments that run it. The tests in this folder and `bench/hardening.py` (which
measures exit code, time and peak memory of each) share them.

Every tree that can hide a key plants one (KEY) on an early line, named so that it shows Vipps
(the hardcoded-secret rules want that evidence): an input that defeats the analysis must still not
hide it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

KEY = "Hb3Nq7Wc2Xe9Rt5Yu1Io8Pa4Sd6Fg0Jk"
HEAD = f'import requests\nVIPPS_CLIENT_SECRET = "{KEY}"\n'


@dataclass(frozen=True)
class Input:
    """Files (text or bytes) to write under a folder, and the scan arguments (paths relative to it)."""

    name: str
    files: dict
    args: tuple[str, ...]
    note: str = ""
    special: tuple[str, ...] = field(default=())  # "fifo", "loop": made by `write`, not as files

    def write(self, root: Path) -> Path:
        root.mkdir(parents=True, exist_ok=True)
        for rel, content in self.files.items():
            path = root / rel if isinstance(rel, str) else Path(os.fsdecode(bytes(root) + b"/" + rel))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        if "fifo" in self.special:
            os.mkfifo(root / "pipe.py")
        if "loop" in self.special:
            os.symlink(root / "loop_b.py", root / "loop_a.py")
            os.symlink(root / "loop_a.py", root / "loop_b.py")
        return root


def _alias_bomb(indent: str = "") -> str:
    """Nine levels of nine aliases: 10 lines, 9**9 scalars when expanded."""
    lines = [f"{indent}l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{indent}l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def _single(name: str, body: str, note: str) -> Input:
    return Input(name, {f"{name}.py": HEAD + body}, ("scan", "--no-cache", f"{name}.py"), note)


DEEP = [
    _single("parens", "x = " + "(" * 10_000 + "1" + ")" * 10_000 + "\n", "10,000 nested parentheses"),
    _single("brackets", "x = " + "[" * 10_000 + "1" + "]" * 10_000 + "\n", "10,000 nested brackets"),
    _single("unary", "x = " + "-" * 100_000 + "1\n", "100,000 unary minus"),
    _single("calls", "x = " + "f(" * 5_000 + "1" + ")" * 5_000 + "\n", "5,000 nested calls"),
    _single("attributes", "x = a" + ".b" * 50_000 + "\n", "a 50,000-long attribute chain"),
    _single("sum", "x = " + " + ".join(["a"] * 100_000) + "\n", "a 100,000-term a + a + ... line"),
]


def assignments(lines: int) -> Input:
    body = "".join(f"v{i} = {i}\n" for i in range(lines))
    return _single(f"assign{lines}", body, f"{lines:,} lines of simple assignments")


def one_line_list(megabytes: float) -> Input:
    count = int(megabytes * 2**20 / 9)
    body = "x = [" + ", ".join(str(1_000_000 + i) for i in range(count)) + "]\n"
    return _single("oneline", body, f"a {megabytes:g} MB single-line Python list")


YAML_BOMBS = [
    Input("yaml-config-bomb", {"config/settings.yaml": f'vipps_client_secret: "{KEY}"\n' + _alias_bomb()},
          ("scan", "--no-cache", "config/settings.yaml"), "a 10-line alias bomb in a scanned config file"),
    Input("yaml-pack-bomb", {
        "pack.yaml": "pack: bomb\nversion: '1'\ndescription: d\nanchors:\n" + _alias_bomb("  ") + "rules: *l8\n",
        "app.py": "x = 1\n",
    }, ("scan", "--no-cache", "--rules", "pack.yaml", "app.py"), "a rule pack whose rules are an alias bomb"),
    Input("yaml-config-select-bomb", {
        ".keylint.yaml": "x-anchors:\n" + _alias_bomb("  ") + "select: *l8\n",
        "app.py": "x = 1\n",
    }, ("scan", "--no-cache", "app.py"), "`select:` in .keylint.yaml as an alias bomb"),
]

FILES = [
    Input("toml-escape", {"settings.toml": f'[vipps]\nnote = "\\U0001F600"\nclient_secret = "{KEY}"\n'},
          ("scan", "--no-cache", "settings.toml"), "a TOML \\U escape beside a key"),
    Input("toml-inline", {"settings.toml": f'vipps = {{ client_secret = "{KEY}" }}\n'},
          ("scan", "--no-cache", "settings.toml"), "a key in a TOML inline table"),
    Input("jsonc", {"appsettings.json": f'{{\n  // Vipps test merchant\n  "client_secret": "{KEY}",\n}}\n'},
          ("scan", "--no-cache", "appsettings.json"), "JSON with a // comment and a trailing comma"),
    Input("python-syntax-error", {"broken.py": HEAD + "def f(:\n"},
          ("scan", "--no-cache", "broken.py"), "Python with a syntax error"),
    Input("json-broken", {"broken.json": f'{{"vipps_client_secret": "{KEY}", oops}}\n'},
          ("scan", "--no-cache", "broken.json"), "JSON that is not even JSONC"),
    Input("non-utf8-name", {b"caf\xe9.py": HEAD}, ("scan", "--no-cache", "--format", "json", "."),
          "a file name with a non-UTF-8 byte"),
    Input("coding-cookie", {"cookie.py": "# -*- coding: bogus -*-\n" + HEAD},
          ("scan", "--no-cache", "cookie.py"), "a bogus coding cookie"),
    Input("fifo", {}, ("scan", "--no-cache", "pipe.py"), "a named FIFO given on the command line", ("fifo",)),
    Input("symlink-loop", {}, ("scan", "--no-cache", "loop_a.py"), "a symbolic link loop given on the command line",
          ("loop",)),
]

EXIT_CODES = [
    Input("pyproject-not-utf8", {"pyproject.toml": b"[tool.keylint]\nselect = ['\xff']\n", "app.py": "x = 1\n"},
          ("scan", "--no-cache", "app.py"), "a pyproject.toml that is not UTF-8"),
    Input("baseline-huge-count", {
        "base.json": '{"keylint_baseline": 1, "findings": [{"rule_id": "KL101", "path": "a.py", "fingerprint": "f", "count": 1e400}]}',
        "app.py": "x = 1\n",
    }, ("scan", "--no-cache", "--baseline", "base.json", "app.py"), "a baseline with count 1e400"),
    Input("baseline-deep", {"base.json": "[" * 100_000 + "]" * 100_000, "app.py": "x = 1\n"},
          ("scan", "--no-cache", "--baseline", "base.json", "app.py"), "a 100,000-deep baseline JSON"),
]
