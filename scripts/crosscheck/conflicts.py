#!/usr/bin/env python3
"""Check with HiGHS that the conflict `scenario solve` reports for an infeasible cut is the
support of an optimal dual solution of the deficit LP (SCENARIO-SPEC section 10).

For each scenario and each infeasible cut with a positive deficit, `scenario solve --format json`
gives `deficit` and `conflict` (`kind`, `id`, `amount`, `limit`). The first-stage LP of the same
cut (`scenario export --format mps`) is read by HiGHS and turned into the deficit LP: every
cost 0, every `extra:<service>` column free above 0 with cost 1. Then:

- HiGHS's optimum, times the scenario's money scale, is our deficit (1e-6 relative);
- the needs' amounts (`minimum`, `protected`, `group-min`) less the others' are the deficit;
- with every floor, maximum, fund limit and group limit the conflict does not name relaxed,
  HiGHS's optimum is still the deficit: the named constraints alone need all of it (a dual
  solution supported on them is still feasible, so the relaxed optimum cannot be lower).

Relaxed bounds are 1e6 (the LP's money is in units of the largest amount, so nothing comes
near it) rather than infinite.

Usage: python3 scripts/crosscheck/conflicts.py .build/release/scenario [--seeds N] [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import highspy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402
from sensitivity import highs_for, run  # noqa: E402

FAR_AWAY = 1e6
NEEDS = {"minimum", "protected", "group-min"}


def money_scale(document: dict) -> float:
    """The largest fund or baseline: what the LPs divide money by."""
    largest = max([f["amount"] for f in document.get("fund", [])] + [s["baseline"] for s in document["service"]])
    return largest if largest > 0 else 1.0


def deficit_with(mps: Path, kept: set[tuple[str, str]] | None, document: dict) -> float | None:
    """HiGHS's deficit (LP units) with every candidate not in `kept` relaxed (none when None)."""
    h = highs_for(mps)
    lp = h.getLp()
    rows = {name: i for i, name in enumerate(lp.row_names_)}
    cols = {name: j for j, name in enumerate(lp.col_names_)}
    for j in range(lp.num_col_):
        h.changeColCost(j, 0.0)
    for service in document["service"]:
        j = cols[f"extra:{service['id']}"]
        h.changeColBounds(j, 0.0, highspy.kHighsInf)
        h.changeColCost(j, 1.0)
    if kept is not None:
        for service in document["service"]:
            j = cols[f"level:{service['id']}"]
            floor = {("minimum", service["id"]), ("protected", service["id"])} & kept
            lower = lp.col_lower_[j] if floor else 0.0
            upper = lp.col_upper_[j] if ("maximum", service["id"]) in kept else FAR_AWAY
            h.changeColBounds(j, lower, upper)
        for fund in document.get("fund", []):
            i = rows[f"fund:{fund['id']}"]
            if not {("fund", fund["id"]), ("ring-fence", fund["id"])} & kept:
                h.changeRowBounds(i, lp.row_lower_[i], FAR_AWAY)
        for group in document.get("group", []):
            i = rows.get(f"group:{group['id']}")
            if i is None:
                continue
            lower = lp.row_lower_[i] if ("group-min", group["id"]) in kept else -FAR_AWAY
            upper = lp.row_upper_[i] if ("group-max", group["id"]) in kept else FAR_AWAY
            h.changeRowBounds(i, lower, upper)
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    return h.getInfo().objective_function_value


def check(binary: str, document: dict, name: str, cuts: list[float], work: Path) -> tuple[int, int, list[str]]:
    path = work / name
    path.write_text(generate.to_toml(document))
    mps = work / "cut.mps"
    scale = money_scale(document)
    checked = named = 0
    failures: list[str] = []
    for cut in cuts:
        ours = json.loads(run(binary, "solve", str(path), "--cut", f"{cut}", "--format", "json"))
        deficit = ours["cut"].get("deficit")
        if ours["cut"]["status"] != "infeasible" or deficit is None or deficit < 0.01:
            continue
        conflict = ours["cut"]["conflict"]
        kept = {(member["kind"], member["id"]) for member in conflict}
        where = f"{name} at {cut}% (deficit {deficit})"
        run(binary, "export", str(path), "--cut", f"{cut}", "--format", "mps", "--output", str(mps))
        checked += 1
        named += len(conflict)
        tolerance = 1e-6 * max(deficit, 1.0)
        need = sum(m["amount"] for m in conflict if m["kind"] in NEEDS)
        available = sum(m["amount"] for m in conflict if m["kind"] not in NEEDS)
        if abs(need - available - deficit) > tolerance:
            failures.append(f"{where}: need {need} less available {available} is not the deficit")
        whole = deficit_with(mps, None, document)
        if whole is None or abs(whole * scale - deficit) > tolerance:
            failures.append(f"{where}: HiGHS's deficit is {None if whole is None else whole * scale}")
        alone = deficit_with(mps, kept, document)
        if alone is None or abs(alone * scale - deficit) > tolerance:
            failures.append(f"{where}: the conflict alone needs {None if alone is None else alone * scale}")
    return checked, named, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="the scenario executable, e.g. .build/release/scenario")
    parser.add_argument("files", nargs="*", type=Path, help="scenario files")
    parser.add_argument("--seeds", type=int, default=0, help="also this many generated scenarios (generate.py)")
    parser.add_argument("--cuts", default="10,20,30,40,50,60,80", help="comma-separated cuts in per cent")
    args = parser.parse_args(argv)
    cuts = [float(c) for c in args.cuts.split(",")]
    documents = []
    for path in args.files:
        with open(path, "rb") as handle:
            documents.append((path.name, tomllib.load(handle)))
    documents += [(f"seed-{seed}.toml", generate.scenario_document(seed)) for seed in range(1, args.seeds + 1)]
    total_cuts = total_named = 0
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as directory:
        for name, document in documents:
            try:
                checked, named, found = check(args.binary, document, name, cuts, Path(directory))
            except (RuntimeError, KeyError, subprocess.TimeoutExpired) as error:
                checked, named, found = 0, 0, [f"{name}: {error}"]
            total_cuts += checked
            total_named += named
            failures += found
    print(f"{total_cuts} infeasible cuts, {total_named} named constraints checked, {len(failures)} failures")
    for failure in failures[:40]:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
