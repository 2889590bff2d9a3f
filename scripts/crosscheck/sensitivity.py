#!/usr/bin/env python3
"""Compare `scenario solve --format json`'s sensitivity report with HiGHS on the exported LP.

For each scenario (made weighted, since the Excel-style report is weighted mode's) and each
feasible cut:

1. `scenario export --format mps` writes the weighted stage; HiGHS reads it and solves it from
   scratch (presolve off). Checked: the weighted optimum W, and every fund's and group's shadow
   price against HiGHS's row duals. Duals need not be unique when the optimum is primal
   degenerate, so a differing dual is counted as "degenerate" when HiGHS's basis differs from
   ours, and as a failure when the bases agree.
2. HiGHS is given our optimal basis (the `basis` member of our JSON) and re-run: it must accept
   it as optimal in 0 iterations. Its getRanging() is then compared with every figure of our
   report: per service the reduced cost, per fund and group the shadow price and the limit's
   allowable increase and decrease. These must agree to 1e-6 (relative to the larger of 1 and
   the figure; money in units of the scale).
   For a limit that does not bind (its row basic) HiGHS ranges the activity rather than the
   bound, so there our figures (no limit one way, the slack the other) are checked against
   HiGHS's row activity instead.
3. A weight's allowable increase and decrease are those of the allocation shown (the tiers
   rule's choice among the weighted optima), so they are checked by their definition: with
   the weight moved by half the allowable change (or by 10 times the weight when there is
   no limit) HiGHS's optimum W' must equal W' of our allocation, to 1e-8 of W' (the tiers rule
   holds W to 1e-9) plus 1e-6 of the allocation per unit of weight moved (the solvers leave a
   bound met to about 1e-6 relative); moved by the allowable change plus max(1, the change)
   (any move past the range will do: the weights at which a point is optimal form an
   interval), HiGHS must find a W' better by more than that.
   Each service's final value must be its allocation in the table.
4. `scenario export --format lp` is read by HiGHS too; its optimum must equal the MPS file's.
   The scenario as written (tiers mode for most) is checked the same way, and there HiGHS's
   optimum of the LP file must also equal our own solver's (`scenario lp`) on the MPS file.

Sign conventions: both solvers report duals as derivatives of the (minimised) objective, so a
binding `<=` fund row has a dual <= 0; our report's shadow price is minus that, per pound of W.
Money in the exported LP is divided by the scale (the largest fund amount or baseline).

Usage: python3 scripts/crosscheck/sensitivity.py .build/release/scenario [--seeds N] [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import highspy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

TOLERANCE = 1e-6
STATUS = {
    "basic": highspy.HighsBasisStatus.kBasic,
    "lower": highspy.HighsBasisStatus.kLower,
    "upper": highspy.HighsBasisStatus.kUpper,
    "free": highspy.HighsBasisStatus.kZero,
}


def weighted_copy(document: dict, directory: Path, name: str) -> Path:
    """The scenario with `[objective] mode = "weighted"`, written as TOML."""
    document = dict(document)
    document["objective"] = {**document.get("objective", {}), "mode": "weighted"}
    path = directory / name
    path.write_text(generate.to_toml(document))
    return path


def scale_of(document: dict) -> float:
    amounts = [f["amount"] for f in document.get("fund", [])] + [s["baseline"] for s in document.get("service", [])]
    largest = max(amounts, default=1)
    return largest if largest > 0 else 1


def run(binary: str, *args: str) -> str:
    done = subprocess.run([binary, *args], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: exit {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def highs_for(path: Path) -> highspy.Highs:
    h = highspy.Highs()
    h.silent()
    h.setOptionValue("presolve", "off")
    h.setOptionValue("primal_feasibility_tolerance", 1e-10)
    h.setOptionValue("dual_feasibility_tolerance", 1e-10)
    if h.readModel(str(path)) != highspy.HighsStatus.kOk:
        raise RuntimeError(f"HiGHS cannot read {path}")
    return h


def close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def finite(value) -> float:
    """Our JSON writes an unbounded allowable change as null."""
    return math.inf if value is None else float(value)


def up_change(value: float, base: float) -> float:
    return math.inf if value >= highspy.kHighsInf or math.isinf(value) else value - base


def down_change(value: float, base: float) -> float:
    return math.inf if value <= -highspy.kHighsInf or math.isinf(value) else base - value


class Tally:
    def __init__(self) -> None:
        self.cuts = 0
        self.figures = 0
        self.degenerate_duals = 0
        self.failures: list[str] = []

    def check(self, label: str, ours: float, theirs: float) -> None:
        self.figures += 1
        if not close(ours, theirs):
            self.failures.append(f"{label}: ours {ours!r}, HiGHS {theirs!r}")


def check_cut(binary: str, path: Path, cut: float, scale: float, baselines: dict, work: Path, tally: Tally) -> bool:
    """Checks one cut; False when it is infeasible (nothing to compare)."""
    ours = json.loads(run(binary, "solve", str(path), "--cut", f"{cut}", "--format", "json"))
    if ours["cut"]["status"] != "optimal":
        return False
    report = ours["sensitivity"]
    where = f"{path.name} at {cut}%"
    mps, lp = work / "cut.mps", work / "cut.lp"
    run(binary, "export", str(path), "--cut", f"{cut}", "--format", "mps", "--output", str(mps))
    run(binary, "export", str(path), "--cut", f"{cut}", "--format", "lp", "--output", str(lp))
    tally.cuts += 1

    # 1. HiGHS from scratch: the optimum, and the duals where the optimum leaves them unique.
    h = highs_for(mps)
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        tally.failures.append(f"{where}: HiGHS status {h.getModelStatus()}")
        return True
    objective = h.getInfo().objective_function_value
    tally.check(f"{where}: W / scale", report["objective"] / scale, -objective)
    lp_model = h.getLp()
    rows = {name: i for i, name in enumerate(lp_model.row_names_)}
    cols = {name: j for j, name in enumerate(lp_model.col_names_)}
    own = h.getSolution()
    own_basis = h.getBasis()
    same_basis = all(
        STATUS[report["basis"]["columns"][name]] == own_basis.col_status[j] for name, j in cols.items()
    ) and all(STATUS[report["basis"]["rows"][name]] == own_basis.row_status[i] for name, i in rows.items())
    for line in report["constraints"]:
        i = rows[f"{'fund' if line['kind'] == 'fund' else 'group'}:{line['id']}"]
        if close(line["shadow_price"], -own.row_dual[i]):
            tally.figures += 1
        elif same_basis:
            tally.check(f"{where}: shadow price of {line['id']} (same basis)", line["shadow_price"], -own.row_dual[i])
        else:
            tally.degenerate_duals += 1

    # 3. The LP-format file gives the same optimum.
    h_lp = highs_for(lp)
    h_lp.run()
    tally.check(f"{where}: LP-format optimum", h_lp.getInfo().objective_function_value, objective)

    # 2. HiGHS started from our basis: 0 iterations, then its ranging against ours.
    h = highs_for(mps)
    basis = highspy.HighsBasis()
    basis.col_status = [STATUS[report["basis"]["columns"][name]] for name in lp_model.col_names_]
    basis.row_status = [STATUS[report["basis"]["rows"][name]] for name in lp_model.row_names_]
    basis.valid = True
    h.setBasis(basis)
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal or h.getInfo().simplex_iteration_count != 0:
        tally.failures.append(
            f"{where}: HiGHS did not accept our basis as optimal "
            f"({h.getModelStatus()}, {h.getInfo().simplex_iteration_count} iterations)")
        return True
    solution = h.getSolution()
    status, ranging = h.getRanging()
    if status != highspy.HighsStatus.kOk:
        tally.failures.append(f"{where}: HiGHS getRanging failed")
        return True
    for line in report["services"]:
        j = cols[f"level:{line['id']}"]
        per_pound = scale / baselines[line["id"]]
        name = f"{where}: service {line['id']}"
        tally.check(f"{name} reduced cost", line["reduced_cost"], -solution.col_dual[j] * per_pound)
    check_weight_ranges(mps, ours, baselines, scale, where, tally)
    for line in report["constraints"]:
        i = rows[f"{'fund' if line['kind'] == 'fund' else 'group'}:{line['id']}"]
        rhs = line["rhs"] / scale
        name = f"{where}: {line['kind']} {line['id']}"
        tally.check(f"{name} shadow price", line["shadow_price"], -solution.row_dual[i])
        if basis.row_status[i] == highspy.HighsBasisStatus.kBasic:
            # HiGHS ranges a basic row's activity, not its bound; a limit that does not bind can
            # move away freely and towards the activity until it binds.
            slack = abs(rhs - solution.row_value[i])
            theirs = (math.inf, slack) if line["kind"] != "group-min" else (slack, math.inf)
        else:
            theirs = (up_change(ranging.row_bound_up.value_[i], rhs), down_change(ranging.row_bound_dn.value_[i], rhs))
        tally.check(f"{name} allowable increase", finite(line["allowable_increase"]) / scale, theirs[0])
        tally.check(f"{name} allowable decrease", finite(line["allowable_decrease"]) / scale, theirs[1])
    return True


def check_weight_ranges(mps: Path, ours: dict, baselines: dict, scale: float, where: str, tally: Tally) -> None:
    """Each weight's allowable increase and decrease by their definition at our allocation."""
    allocation = {s["id"]: s["allocation"] for s in ours["cut"]["services"]}
    lines = ours["sensitivity"]["services"]
    weights = {line["id"]: line["weight"] for line in lines}
    h = highs_for(mps)
    cols = {name: j for j, name in enumerate(h.getLp().col_names_)}
    for line in lines:
        service = line["id"]
        tally.check(f"{where}: {service} final value is its allocation", line["final_value"], allocation[service])
        if baselines[service] <= 0:
            continue
        j = cols[f"level:{service}"]
        for sign, allowable in ((1.0, finite(line["allowable_increase"])), (-1.0, finite(line["allowable_decrease"]))):
            inside = 10 * max(1.0, abs(weights[service])) if math.isinf(allowable) else allowable / 2
            moves = [(inside, True)] + ([] if math.isinf(allowable) else [(allowable + max(1.0, allowable), False)])
            for change, optimal in moves:
                weight = weights[service] + sign * change
                ours_w = sum(weights[t] * allocation[t] for t in allocation) + sign * change * allocation[service]
                h.changeColCost(j, -weight * baselines[service] / scale)
                h.run()
                best = -h.getInfo().objective_function_value * scale
                label = f"{where}: {service} weight {weight:g}"
                tally.figures += 1
                # The solvers' tolerances leave x_s within about 1e-6 of a bound; the change scales that.
                slack = 1e-8 * max(1.0, abs(ours_w)) + change * 1e-6 * max(1.0, abs(allocation[service]))
                if optimal and abs(best - ours_w) > slack:
                    tally.failures.append(f"{label}: our allocation gives W' {ours_w!r}, HiGHS {best!r}")
                if not optimal and best <= ours_w + slack:
                    tally.failures.append(f"{label}: past the allowable change our allocation is still optimal ({ours_w!r})")
            h.changeColCost(j, -weights[service] * baselines[service] / scale)


def check_lp_format(binary: str, path: Path, cut: float, work: Path, tally: Tally) -> None:
    """HiGHS on the LP-format export against our solver on the MPS export, same cut."""
    mps, lp = work / "as-written.mps", work / "as-written.lp"
    run(binary, "export", str(path), "--cut", f"{cut}", "--format", "mps", "--output", str(mps))
    run(binary, "export", str(path), "--cut", f"{cut}", "--format", "lp", "--output", str(lp))
    ours = json.loads(run(binary, "lp", str(mps), "--format", "json"))
    h = highs_for(lp)
    h.run()
    where = f"{path.name} as written at {cut}%"
    feasible = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    if feasible != (ours["status"] == "optimal"):
        tally.failures.append(f"{where}: HiGHS {h.getModelStatus()} on the LP file, ours {ours['status']}")
    elif feasible:
        tally.check(f"{where}: LP-format optimum", h.getInfo().objective_function_value, ours["objective"])


def check_scenario(binary: str, document: dict, name: str, cuts: list[float], work: Path, tally: Tally) -> None:
    written = work / f"written-{name}"
    written.write_text(generate.to_toml(document))
    for cut in cuts:
        try:
            check_lp_format(binary, written, cut, work, tally)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            tally.failures.append(f"{name} as written at {cut}%: {error}")
    path = weighted_copy(document, work, name)
    baselines = {s["id"]: float(s["baseline"]) for s in document["service"]}
    scale = scale_of(document)
    for cut in cuts:
        try:
            check_cut(binary, path, cut, scale, baselines, work, tally)
        except (RuntimeError, KeyError, subprocess.TimeoutExpired) as error:
            tally.failures.append(f"{name} at {cut}%: {error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="the scenario executable, e.g. .build/release/scenario")
    parser.add_argument("files", nargs="*", type=Path, help="scenario files (each is made weighted)")
    parser.add_argument("--seeds", type=int, default=0, help="also this many generated scenarios (generate.py)")
    parser.add_argument("--cuts", default="-5,0,5,10,15,20,25,30", help="comma-separated cuts in per cent")
    args = parser.parse_args(argv)
    cuts = [float(c) for c in args.cuts.split(",")]
    tally = Tally()
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        for path in args.files:
            with open(path, "rb") as handle:
                check_scenario(args.binary, tomllib.load(handle), path.name, cuts, work, tally)
        for seed in range(1, args.seeds + 1):
            check_scenario(args.binary, generate.scenario_document(seed), f"seed-{seed}.toml", cuts, work, tally)
    print(f"{tally.cuts} feasible cuts, {tally.figures} figures compared, "
          f"{tally.degenerate_duals} shadow prices differing only through degeneracy, "
          f"{len(tally.failures)} failures")
    for failure in tally.failures[:40]:
        print("  " + failure)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
