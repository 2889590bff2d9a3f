#!/usr/bin/env python3
"""Check with HiGHS that the constraints `scenario solve` names for an infeasible cut form a
minimal conflicting set.

For each scenario and each infeasible cut with a positive deficit, `scenario solve --format json`
gives `conflict` (labels `floor:<service>`, `fund:<fund>`, `group-min:<group>`,
`group-max:<group>`). The first-stage LP of the same cut (`scenario export --format mps`) is
read by HiGHS; every floor (the `level:<service>` column's lower bound), fund limit and group
limit the set does not name is relaxed. Then:

- with exactly the named constraints, HiGHS must find the LP infeasible;
- with any one of them relaxed as well, HiGHS must find it feasible.

Relaxed rows get a bound of 1e6 (the LP's money is in units of the largest amount, so nothing
comes near it) rather than an infinite one.

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


def status_with(mps: Path, kept: set[str], document: dict) -> highspy.HighsModelStatus:
    """HiGHS's status on the LP with every candidate constraint relaxed except those in `kept`."""
    h = highs_for(mps)
    lp = h.getLp()
    rows = {name: i for i, name in enumerate(lp.row_names_)}
    cols = {name: j for j, name in enumerate(lp.col_names_)}
    for service in document["service"]:
        j = cols[f"level:{service['id']}"]
        if f"floor:{service['id']}" not in kept:
            h.changeColBounds(j, 0.0, lp.col_upper_[j])
    for fund in document.get("fund", []):
        i = rows[f"fund:{fund['id']}"]
        if f"fund:{fund['id']}" not in kept:
            h.changeRowBounds(i, lp.row_lower_[i], FAR_AWAY)
    for group in document.get("group", []):
        i = rows.get(f"group:{group['id']}")
        if i is None:
            continue
        lower = lp.row_lower_[i] if f"group-min:{group['id']}" in kept else -FAR_AWAY
        upper = lp.row_upper_[i] if f"group-max:{group['id']}" in kept else FAR_AWAY
        h.changeRowBounds(i, lower, upper)
    h.run()
    return h.getModelStatus()


def check(binary: str, document: dict, name: str, cuts: list[float], work: Path) -> tuple[int, int, list[str]]:
    path = work / name
    path.write_text(generate.to_toml(document))
    mps = work / "cut.mps"
    checked = named = 0
    failures: list[str] = []
    for cut in cuts:
        ours = json.loads(run(binary, "solve", str(path), "--cut", f"{cut}", "--format", "json"))
        deficit = ours["cut"].get("deficit")
        if ours["cut"]["status"] != "infeasible" or deficit is None or deficit < 0.01:
            continue
        conflict = set(ours["conflict"])
        where = f"{name} at {cut}% ({sorted(conflict)})"
        run(binary, "export", str(path), "--cut", f"{cut}", "--format", "mps", "--output", str(mps))
        checked += 1
        if status_with(mps, conflict, document) != highspy.HighsModelStatus.kInfeasible:
            failures.append(f"{where}: the named constraints alone are feasible")
        for label in sorted(conflict):
            named += 1
            if status_with(mps, conflict - {label}, document) != highspy.HighsModelStatus.kOptimal:
                failures.append(f"{where}: still infeasible without {label}")
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
