"""Globs match exactly as fnmatch.fnmatchcase does, though most are tested without a regex."""

from __future__ import annotations

import fnmatch

from hypothesis import given, settings
from hypothesis import strategies as st

from keylint.dataflow.config import Globs

PIECES = ["requests", "post", "session", "settings", "Merchant", "objects", "mask", ".", "_", "(", ")", "[", "?"]
PATTERNS = ["requests.post", "*.session.post", "settings.*", "*mask*", "*Merchant*.objects.create", "*.Info[*",
            "*authori?ed*", "*", "**", "*requests", "requests*", "**post", "post**", "*[ab]*"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["*"]), max_size=6), st.lists(st.sampled_from(PIECES), max_size=8))
def test_a_glob_matches_as_fnmatchcase(pattern_parts, name_parts):
    pattern, name = "".join(pattern_parts), "".join(name_parts)
    assert Globs([pattern]).match(name) == fnmatch.fnmatchcase(name, pattern)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8), st.lists(st.sampled_from(PIECES), max_size=8))
def test_a_list_matches_when_one_of_its_globs_matches_either_name(first, second):
    written, resolved = "".join(first), "".join(second)
    expected = any(fnmatch.fnmatchcase(n, p) for p in PATTERNS for n in (written, resolved))
    assert Globs(PATTERNS).match(written, None, resolved) == expected


def test_the_simple_shapes_compile_no_regex():
    globs = Globs(["requests.post", "*.session.post", "settings.*", "*mask*"])
    assert globs.match("a.session.post") and not globs.match("session.postal")
    assert globs._regex is None and not globs._other
