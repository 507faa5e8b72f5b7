"""bench/quality.py's tables: counts per package and rule, totals, and the change between runs.

The benchmark itself downloads packages and is not part of the suite; only its arithmetic is.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SPEC = importlib.util.spec_from_file_location("quality", Path(__file__).resolve().parent.parent / "bench" / "quality.py")
quality = sys.modules[SPEC.name] = importlib.util.module_from_spec(SPEC)  # dataclasses look their module up
SPEC.loader.exec_module(quality)


def finding(rule, line=1):
    return {"rule_id": rule, "path": "a.py", "line": line, "message": "m"}


def cells(line):
    return [cell.strip() for cell in line.strip("|").split("|")]


BEFORE = quality.Run("old", [
    quality.Result("alpha 1", 10, 1.5, 0, [finding("KL401"), finding("KL401", 2), finding("KL104")]),
    quality.Result("beta 2", 5, 0.5, 2, [finding("KL301")]),
    quality.Result("gamma 3", error="download failed: no such version"),
])
AFTER = quality.Run("new", [
    quality.Result("alpha 1", 10, 1.0, 0, [finding("KL401")]),
    quality.Result("beta 2", 5, 0.5, 0, []),
    quality.Result("delta 4", 3, 0.2, 0, [finding("KL101")]),
])


def test_table_counts_per_package_and_rule_with_totals():
    lines = quality.table(BEFORE, ["KL104", "KL301", "KL401"])
    assert cells(lines[0]) == ["package", "files", "CPU s", "KL104", "KL301", "KL401", "total"]
    assert set(lines[1]) == {"|", "-"} and len(lines[1]) == len(lines[0])
    assert cells(lines[2]) == ["alpha 1", "10", "1.5", "1", ".", "2", "3"]
    assert cells(lines[3]) == ["beta 2 (2 not analysed)", "5", "0.5", ".", "1", ".", "1"]
    assert cells(lines[4]) == ["gamma 3", "download failed: no such version"]
    assert cells(lines[5]) == ["total", "15", "2.0", "1", "1", "2", "4"]


def test_changes_count_only_packages_scanned_in_both_runs():
    rows = {cells(line)[0]: cells(line)[1:] for line in quality.changes(BEFORE, AFTER)[2:]}
    assert rows["alpha 1"] == ["3", "1", "-2"]
    assert rows["beta 2"] == ["1", "0", "-1"]
    assert rows["KL401"] == ["2", "1", "-1"] and rows["KL104"] == ["1", "0", "-1"] and "KL101" not in rows
    assert rows["total (2 packages)"] == ["4", "1", "-3"]
    assert rows["delta 4"] == ["-", "1", "-"] and "gamma 3" not in rows


def test_saved_run_loads_back(tmp_path):
    saved = tmp_path / "run.json"
    quality.save(BEFORE, str(saved))
    assert quality.load(str(saved)) == BEFORE
