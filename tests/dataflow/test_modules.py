"""Module names and import words, from paths and text alone."""

from keylint.facts.modules import import_words, module_name


def test_module_names_from_paths():
    assert module_name("pkg/sub/mod.py") == "pkg.sub.mod"
    assert module_name("pkg/__init__.py") == "pkg"
    assert module_name("./app.py") == "app"


def test_import_words_are_the_words_of_import_statements_only():
    text = (
        '"""Imports from elsewhere."""\nimport os, sys as system\nfrom .vipps import (\n    capture,\n    refund,\n)\n'
        "def f():\n    from pkg.sub import helper  # late\n    raise ValueError('x') from None\n"
        "x = 'import secret'\nyield_from = 1\n"
    )
    assert import_words(text) == {"import", "os", "sys", "as", "system", "from", "vipps", "capture", "refund",
                                  "pkg", "sub", "helper", "late"}
