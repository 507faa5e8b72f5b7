"""Rule documentation as text: the list for `keylint rules` and the page for `rules show`."""

from __future__ import annotations

import textwrap


def help_command(rule) -> str:
    """The command that documents a rule, for reports that point users to it."""
    return f"keylint rules show {rule.id}"


def cwe_ids(rule) -> list[int]:
    """The CWE ids a rule's docs name (`docs.cwe`), in the pack's order."""
    return list(rule.docs.get("cwe", ()))


def cwe_names(rule) -> list[str]:
    return [f"CWE-{n}" for n in cwe_ids(rule)]


def code_language(rule) -> str:
    """The language of a rule's example and fix: templates for the template kind, else Python."""
    return "jinja" if rule.kind == "template" else "python"


def suppression_syntax(rule) -> list[str]:
    """How to silence one finding of `rule` in the files it reads."""
    if rule.kind == "template":
        return [f"{{# keylint: ignore[{rule.id}] -- reason #}}", f"<!-- keylint: ignore[{rule.id}] -- reason -->"]
    if rule.kind == "secret":  # also reads config files: INI takes `;`, JSON has no comments
        return [f"# keylint: ignore[{rule.id}] -- reason      (Python, .env, YAML, TOML, INI)",
                f"; keylint: ignore[{rule.id}] -- reason      (INI)",
                "JSON has no comments: use a baseline (`keylint baseline create`) or --exclude"]
    return [f"# keylint: ignore[{rule.id}] -- reason"]


def rule_table(rules) -> str:
    rows = [("ID", "PITFALL", "SEVERITY", "PACK", "FIX", "SUMMARY")]
    rows += [(r.id, r.pitfall, r.severity, r.pack, "yes" if r.autofix else "-", r.docs["summary"])
             for r in sorted(rules, key=lambda r: r.id)]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5] for row in rows
    ) + "\n"


def fix_sentence(rule) -> str:
    """What `keylint fix` does for a fixable rule (its `autofix` block)."""
    if "mask" in rule.autofix:
        return (f"`keylint fix --rules {rule.id}` masks it in Python, where the key reaches a "
                f"{' or '.join(rule.autofix['mask_notes'])} call: the part of the message that carries the key "
                f"(a `%` argument, an f-string field, a `.format` argument, a `+` operand, a value of extra={{...}} "
                f"or a keyword) becomes \"<redacted>\". Not offered where that would change more than the log: a call "
                f"whose result is used, a part with effects (a call, `await`). Keys already logged stay in the logs: rotate them.")
    env = rule.autofix["env"]
    return (f"`keylint fix --rules {rule.id}` rewrites it: in Python to os.environ[\"{env}\"] (a getenv fallback "
            f"or a pydantic BaseSettings default is dropped; Django application code reads settings.{env}, which "
            f"the settings module reads from the environment), in .env, YAML, TOML, JSON and INI files to "
            f"${{{env}}}, a reference you fill in. The key stays in git history: rotate it.")


def modelled(rule) -> list[str]:
    """One line per ecosystem model the rule uses: its label, what it is, the frameworks it covers."""
    return [f"{m.label} ({m.description}): {', '.join(m.frameworks)}" for m in rule.models]


def _section(title: str, body: str, code: bool = False) -> str:
    body = body.strip("\n")
    text = textwrap.indent(body, "    ") if code else textwrap.fill(" ".join(body.split()), width=88)
    return f"{title}\n{text}\n"


def rule_page(rule) -> str:
    docs = rule.docs
    parts = [
        f"{rule.id} {rule.name}  [{rule.severity}, confidence {rule.confidence}]",
        f"pitfall: {rule.pitfall}    pack: {rule.pack} ({rule.pack_path})"
        + (f"    {', '.join(cwe_names(rule))}" if cwe_ids(rule) else ""),
        "",
        docs["summary"],
        "",
        _section("What it does", docs["what"]),
        _section("Why is this bad", docs["why"]),
        _section("Example", docs["example"], code=True),
        _section("Use instead", docs["fix"], code=True),
    ]
    if rule.autofix:
        parts.append(_section("Fix", fix_sentence(rule)))
    if rule.models:
        parts.append("Frameworks and libraries modelled (rules/models)\n"
                     + "\n".join(textwrap.fill(line, width=88, initial_indent="    ", subsequent_indent="        ")
                                  for line in modelled(rule)) + "\n")
    if docs.get("limitations"):
        parts.append(_section("Known limitations", docs["limitations"]))
    if docs.get("references"):
        parts.append("References\n" + "\n".join(f"    {ref}" for ref in docs["references"]) + "\n")
    parts.append(
        "Suppress one occurrence with a comment on that line (or alone on the line above):\n"
        + "".join(f"    {syntax}\n" for syntax in suppression_syntax(rule))
    )
    return "\n".join(parts)
