"""Rule documentation as text: the list for `keylint rules` and the page for `rules show`."""

from __future__ import annotations

import textwrap


def rule_table(rules) -> str:
    rows = [("ID", "PITFALL", "SEVERITY", "PACK", "SUMMARY")]
    rows += [(r.id, r.pitfall, r.severity, r.pack, r.docs["summary"]) for r in sorted(rules, key=lambda r: r.id)]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4] for row in rows
    ) + "\n"


def _section(title: str, body: str, code: bool = False) -> str:
    body = body.strip("\n")
    text = textwrap.indent(body, "    ") if code else textwrap.fill(" ".join(body.split()), width=88)
    return f"{title}\n{text}\n"


def rule_page(rule) -> str:
    docs = rule.docs
    parts = [
        f"{rule.id} {rule.name}  [{rule.severity}, confidence {rule.confidence}]",
        f"pitfall: {rule.pitfall}    pack: {rule.pack} ({rule.pack_path})",
        "",
        docs["summary"],
        "",
        _section("What it does", docs["what"]),
        _section("Why is this bad", docs["why"]),
        _section("Example", docs["example"], code=True),
        _section("Use instead", docs["fix"], code=True),
    ]
    if docs.get("references"):
        parts.append("References\n" + "\n".join(f"    {ref}" for ref in docs["references"]) + "\n")
    parts.append(
        "Suppress one occurrence with a comment on that line (or alone on the line above):\n"
        f"    # keylint: ignore[{rule.id}] -- reason\n"
    )
    return "\n".join(parts)
