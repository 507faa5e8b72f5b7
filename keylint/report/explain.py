"""`keylint scan --explain-keys`: what keylint inferred about each request that key-type rules watch.

For every call watched by a whole-request sink (keylint/dataflow/labels.py), lists the labels the
rules ask about (key type, API, environment, header marks) that its credentials and URL carry,
where each sits (`headers`, `auth`, `url`, ...) and the step that introduced it; then the
families nothing answered ("no evidence for: key"), which is why a rule stayed silent, and the rules
that reported the call.
"""

from __future__ import annotations

from keylint.dataflow.facts import SETTINGS_TAG
from keylint.dataflow.labels import located
from keylint.report.printable import printable
from keylint.rules.kinds.taint import engine_config


def render_explanation(report, rules, key_types=()) -> str:
    index = (report.project or {}).get("taint")
    sinks = {}
    if index is not None:
        config = engine_config([r for r in rules if r.kind == "taint"], key_types)
        sinks = {(s.rule_id, s.index): s for s in config.sinks if s.whole_request}
    if not sinks:
        return "explain-keys: no key-type rules are selected.\n"
    reported = {(f.path, f.line, f.rule_id) for f in report.findings}
    calls = _watched_calls(index, sinks)
    out: list[str] = []
    current = None
    for (path, line, _column), (code, concrete, tests, unless) in sorted(calls.items()):
        found = _labels(concrete, tests, unless)
        if not found:
            continue
        if path != current:
            out.append(printable(path) if current is None else f"\n{printable(path)}")
            current = path
        out.append(f"  line {line}: {printable(code)}")
        out.extend(found)
        rules_here = sorted({rule_id for p, n, rule_id in reported if (p, n) == (path, line)})
        out.append(f"    reported: {', '.join(rules_here) if rules_here else 'nothing'}")
    return "\n".join(out) + "\n" if out else "explain-keys: no request that key-type rules watch was found.\n"


def _watched_calls(index, sinks: dict) -> dict:
    """(path, line, column) -> (code, concrete taint, the sinks' label tests, their `unless` tests)."""
    calls: dict = {}
    for path in sorted(index.summaries):
        for fs in index.summaries[path].functions.values():
            for event in fs.sinks:
                sink = sinks.get((event.rule_id, event.sink_index))
                if sink is None:
                    continue
                key = (path, event.line, event.column)
                if key not in calls:
                    calls[key] = (event.code, index.concretize(event.taint, fs), [], [])
                calls[key][2].extend(sink.tests)
                calls[key][3].extend(sink.unless)
    return calls


def _family(label: str) -> str:
    return label.partition(":")[0]


def _labels(concrete: dict, tests: list, unless: list) -> list[str]:
    """The labels of the families the rules ask about (key, api, env, ...), where they sit and why."""
    families = {_family(label) for t in (*tests, *unless) for label in t.labels}
    shortest: dict = {}
    deployments: dict = {}  # (label, where) -> the settings modules it holds in; None: in every deployment
    for (origin, _), path in concrete.items():
        where = origin[2][0] if origin[2] else "url"
        tags = {label.removeprefix(SETTINGS_TAG) for label in origin[1] if label.startswith(SETTINGS_TAG)}
        for label in origin[1]:
            old = shortest.get((label, where))
            if _family(label) in families and (old is None or len(path) < len(old)):
                shortest[(label, where)] = path
            if _family(label) in families:
                seen = deployments.get((label, where), set())
                deployments[(label, where)] = None if seen is None or not tags else seen | tags
    if not shortest:
        return []
    lines = [
        f"    {label:<18} in {where:<9} <- {printable(note)} ({printable(step_path)}:{step_line})"
        + (f" [deployments: {', '.join(sorted(deployments[(label, where)]))}]" if deployments[(label, where)] else "")
        for (label, where), path in sorted(shortest.items())
        for step_path, step_line, note in path[:1]
    ]
    unknown = _unknown(concrete, tests)
    if unknown:
        lines.append(f"    no evidence for:   {', '.join(unknown)}")
    return lines


def _unknown(concrete: dict, tests: list) -> list[str]:
    """Families a rule asks about of which no label sits where the rule looks."""
    origins = [origin for origin, _ in concrete]
    unknown = set()
    for test in tests:
        for family in {_family(label) for label in test.labels}:
            if not any(located(o[2], test.under) and any(_family(label) == family for label in o[1]) for o in origins):
                unknown.add(family)
    return sorted(unknown)
