"""Stage 2: a cheap textual test that rules a file out before it is parsed.

Each kind may provide `prefilter_tokens(spec) -> frozenset[str] | None`: tokens of which at
least one occurs in every file the rule can fire on (None: the kind cannot say, so every file
passes); a rule carries them in its Screen (keylint.rules.packs). There are two sorts of token:

- lowercase tokens, for names: matched in any case against the file's ASCII letters and digits,
  everything else dropped, so `clientSecret`, `CLIENT_SECRET`, "client-secret" and
  "client" "secret" all contain the token `clientsecret`;
- tokens with an uppercase letter, for values: matched exactly in the raw bytes, so `eyJ` (in
  every JWT) does not match `ForeignKey(Job)`. A value split across concatenated literals at
  exactly that point, or written with escapes, is not seen.

A file that no loaded rule can fire on is never decoded or parsed; it counts as scanned and
reports nothing (not even a syntax error). Project-wide phases (data-flow summaries) decide
for themselves which files they read, and every file they summarised passes this filter: a
flow may end in a module that has none of the rule's tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from keylint.pipeline.discover import analysed_kind
from keylint.rules.tokens import Tokens, tokens_of


def rule_tokens(rule) -> Tokens | None:
    """Tokens one of which must occur for `rule` to fire, or None if the rule cannot say."""
    tokens = rule.screen.tokens
    return None if tokens is None else tokens_of(tokens)


@dataclass(frozen=True)
class Prefilter:
    """Per file kind (python, env, ...): the tokens of all rules that look at that kind.

    A kind absent from `tokens` has no rule at all; None means some rule cannot prefilter.
    """

    tokens: dict[str, Tokens | None]
    always: frozenset[str] = frozenset()  # files a project phase summarised: flows may end in them

    def may_match(self, file_kind: str, data: bytes, rel_path: str = "") -> bool:
        if rel_path in self.always:
            return True
        file_kind = analysed_kind(file_kind)
        if file_kind not in self.tokens:
            return False
        tokens = self.tokens[file_kind]
        return tokens is None or tokens.found_in(data)


def build(rules: list, always: frozenset[str] | None = None) -> Prefilter:
    """The prefilter of `rules`; files in `always` pass whatever they contain.

    `always` is given after a project phase: it holds every file a project-wide kind (data
    flow) summarised, and such a kind finds nothing in any other file, so its own tokens are
    not needed then.
    """
    tokens: dict[str, Tokens | None] = {}
    for rule in rules:
        own = Tokens() if always is not None and rule.screen.project_wide else rule_tokens(rule)
        for file_kind in rule.screen.file_kinds:
            known = tokens.get(file_kind, Tokens())
            tokens[file_kind] = None if own is None or known is None else known | own
    return Prefilter(tokens, frozenset(always or ()))
