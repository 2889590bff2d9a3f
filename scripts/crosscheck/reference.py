#!/usr/bin/env python3
"""An independent reference implementation of SCENARIO-SPEC sections 3, 4 and 6.

For each cut: the envelope E(c), the deficit D(c) (feasible exactly when it
is zero), and for feasible cuts the allocation of every service by the
spec's rule: tiers mode (leximin on shortfalls, tier by tier, by the spec's
reference algorithm with an LP per service deciding which shortfalls are
fixed) or weighted mode (maximise sum w x, hold it to within a relative
1e-9, then tiers). The shortfall is the file's `[objective] fairness`
measure (section 14): relative (b - x) / b, cash b - x, or award -x. Plus the maximum feasible cut, by bisection on
feasibility.

    python3 reference.py FILE --cut -10..60% --step 2.5

prints {"max_feasible_cut_pct": ..., "cuts": [{"cut_pct", "envelope",
"status", "deficit"?, "services": [{"id", "allocation"}]?}]}.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

from cut_model import CutModel
from highs_lp import INF, Problem, Row, SolverError, solve
from scenario_toml import Scenario, ScenarioError, load

# A service's shortfall "cannot go below t*" when, with every unfixed
# shortfall of its tier held at or below t*, the most money it can get is at
# most PINNED_MONEY (in units of the money scale, see money_scale) above
# b_s (1 - t*). Judged in money, not in shortfall, so that a £1k service
# and a £5m one are held to the same standard.
PINNED_MONEY = 1e-8
# Floors of fixed services, and the rows r_u <= t* of the checks, are
# loosened by the first of these amounts of money so that rounding in t*
# does not make a later LP infeasible; when it still does (HiGHS judges its
# tolerances on its own scaling), by the next. All are well under
# PINNED_MONEY, so loosening cannot make a pinned service look free.
FLOOR_SLACKS = (1e-10, 1e-9)
# Weighted mode holds sum w x within this relative distance of its maximum.
WEIGHTED_RELATIVE_SLACK = 1e-9
# A cut is feasible when D(c), in units of the money scale, is at most this.
DEFICIT_TOLERANCE = 1e-9
# The bisection for the maximum feasible cut stops when its bracket is
# narrower than this (percentage points).
BISECTION_WIDTH = 1e-9


class ReferenceFailure(RuntimeError):
    """The reference could not compute a result it can stand behind."""


class _StageInfeasible(ReferenceFailure):
    """A stage or check LP of a feasible cut came back infeasible."""


def money_scale(scenario: Scenario) -> float:
    """The unit of money inside every LP: the mean reference (baseline, or a bid's request)."""
    return sum(s.reference() for s in scenario.services) / len(scenario.services)


def _solve(problem: Problem, what: str):
    try:
        return solve(problem)
    except SolverError as error:
        raise ReferenceFailure(f"{what}: {error}") from error


def deficit(scenario: Scenario, cut_pct: float, scale: float) -> float:
    """D(c) in units of `scale`: the least extra unrestricted, uncut money that
    makes the hard constraints satisfiable (group percentages stay
    percentages of E(c)); math.inf when no amount of money helps."""
    model = CutModel(scenario, cut_pct, scale, extra_money=True)
    problem = model.problem()
    for column in model.extra_columns:
        problem.cost[column] = 1.0
    problem.rows = model.hard_rows()
    result = _solve(problem, f"deficit at {cut_pct}%")
    if result.status == "infeasible":
        return INF
    if result.status != "optimal":
        raise ReferenceFailure(f"deficit LP at {cut_pct}% is {result.status}")
    return max(0.0, result.objective)


def _weighted_row(model: CutModel) -> Row:
    """sum w x >= (1 - 1e-9) * max sum w x, over the hard constraints."""
    weights = {}
    for si, service in enumerate(model.scenario.services):
        for column, value in model.allocation(si).items():
            weights[column] = weights.get(column, 0.0) + service.weight * value
    problem = model.problem()
    for column, value in weights.items():
        problem.cost[column] = value
    problem.maximize = True
    problem.rows = model.hard_rows()
    result = _solve(problem, f"weighted objective at {model.cut_pct}%")
    if result.status != "optimal":
        raise ReferenceFailure(f"weighted LP at {model.cut_pct}% is {result.status}")
    best = result.objective
    return Row(weights, best - WEIGHTED_RELATIVE_SLACK * abs(best), INF)


def _measure(model: CutModel, si: int) -> tuple[float, float]:
    """Service `si`'s shortfall as `offset - slope * x_s`, x_s in scaled money, for the
    scenario's fairness measure: relative 1 - x/b, cash b - x, award -x, where b is the
    baseline, or a new bid's request."""
    fairness = model.scenario.fairness
    if fairness == "relative":
        return 1.0, 1.0 / model.reference(si)
    if fairness == "cash":
        return model.reference(si), 1.0
    return 0.0, 1.0


def _level(model: CutModel, si: int, shortfall: float) -> float:
    """The allocation (scaled money) at which service `si`'s shortfall is `shortfall`."""
    offset, slope = _measure(model, si)
    return (offset - shortfall) / slope


def _shortfalls(model: CutModel, x: tuple[float, ...], services: list[int]) -> dict[int, float]:
    result = {}
    for si in services:
        offset, slope = _measure(model, si)
        result[si] = offset - slope * sum(x[c] * v for c, v in model.allocation(si).items())
    return result


def _loosened(floors: dict[int, float], slack: float) -> dict[int, float]:
    return {si: floor - slack for si, floor in floors.items()}


def _stage(model, extra, floors, unfixed, slack):
    """min t s.t. hard constraints, fixed floors, r_u <= t for unfixed u.
    Returns t* and the shortfalls of the unfixed services in the solution."""
    t = model.num_cols
    problem = model.problem(extra_cols=1)
    problem.cost[t] = 1.0
    problem.rows = model.hard_rows(_loosened(floors, slack)) + extra
    for si in unfixed:
        # shortfall_u <= t  <=>  slope_u x_u + t >= offset_u  (relative: x_u / b_u + t >= 1)
        offset, slope = _measure(model, si)
        coefs = {c: v * slope for c, v in model.allocation(si).items()}
        coefs[t] = 1.0
        problem.rows.append(Row(coefs, offset, INF))
    result = _solve(problem, f"tier stage at {model.cut_pct}%")
    if result.status != "optimal":
        raise _StageInfeasible(f"tier stage at {model.cut_pct}% is {result.status}")
    shortfalls = _shortfalls(model, result.x, unfixed)
    # t* is read off the allocation itself (not the t column, which may sit
    # a hair below it within HiGHS's tolerance), so that this allocation is
    # an exact witness for the rows r_u <= t* of the checks that follow.
    return max(shortfalls.values()), shortfalls


def _lowest_shortfall(model, extra, floors, unfixed, t_star, si, slack):
    """min shortfall_s s.t. hard constraints, fixed floors, shortfall_u <= t* for every
    unfixed u. Returns that minimum and the shortfalls of the unfixed services there."""
    problem = model.problem()
    problem.maximize = True
    offset, slope = _measure(model, si)
    for column, value in model.allocation(si).items():
        problem.cost[column] = value * slope
    problem.rows = model.hard_rows(_loosened(floors, slack)) + extra
    for u in unfixed:
        floor = _level(model, u, t_star) - slack
        problem.rows.append(Row(model.allocation(u), floor, INF, model.size(u)))
    result = _solve(problem, f"shortfall check at {model.cut_pct}%")
    if result.status != "optimal":
        raise _StageInfeasible(f"shortfall check at {model.cut_pct}% is {result.status}")
    return offset - result.objective, _shortfalls(model, result.x, unfixed)


def _tolerant(step, *args):
    """`step(*args, slack)` with the least slack of FLOOR_SLACKS that leaves it feasible."""
    for slack in FLOOR_SLACKS[:-1]:
        try:
            return step(*args, slack)
        except _StageInfeasible:
            continue
    return step(*args, FLOOR_SLACKS[-1])


def _leximin(model: CutModel, extra: list[Row]) -> list[float]:
    """The tiers-mode allocation (scaled money), by the spec's reference algorithm."""
    services = model.scenario.services
    floors: dict[int, float] = {}
    fixed: dict[int, float] = {}

    def gain(si: int, shortfall: float, t_star: float) -> float:
        """Money above the allocation at t* (b_s (1 - t*) for relative shortfalls) that
        shortfall stands for."""
        return (t_star - shortfall) / _measure(model, si)[1]

    for priority in sorted({s.priority for s in services}, reverse=True):
        unfixed = [si for si, s in enumerate(services) if s.priority == priority]
        while unfixed:
            t_star, at_stage = _tolerant(_stage, model, extra, floors, unfixed)
            free = {u for u in unfixed if gain(u, at_stage[u], t_star) > PINNED_MONEY}
            fixed_now, least = [], (INF, None)
            for si in unfixed:
                if si in free:
                    continue
                lowest, at_check = _tolerant(_lowest_shortfall, model, extra, floors, unfixed, t_star, si)
                free |= {u for u in unfixed if gain(u, at_check[u], t_star) > PINNED_MONEY}
                if gain(si, lowest, t_star) <= PINNED_MONEY:
                    fixed_now.append(si)
                least = min(least, (gain(si, lowest, t_star), si), key=lambda pair: pair[0])
            if not fixed_now and least[1] is None:
                raise ReferenceFailure(
                    f"at {model.cut_pct}% every shortfall of priority {priority} looks free below t*={t_star!r}"
                )
            if not fixed_now:
                # Mathematically impossible (some row always binds at t*);
                # numerically, fix the service that can gain least and say so.
                print(
                    f"reference: at {model.cut_pct}% no service of priority {priority} is pinned "
                    f"at t*={t_star!r} to within {PINNED_MONEY} money units; fixing "
                    f"{services[least[1]].id}, which could gain {least[0]!r}",
                    file=sys.stderr,
                )
                fixed_now = [least[1]]
            for si in fixed_now:
                fixed[si] = t_star
                floors[si] = _level(model, si, t_star)
                unfixed.remove(si)
    # (+ 0.0 turns a -0.0 into 0.0 for printing.)
    return [_level(model, si, fixed[si]) + 0.0 for si in range(len(services))]


def allocation(scenario: Scenario, cut_pct: float, scale: float) -> list[float]:
    """x_s in pounds, in file order, at a feasible cut."""
    model = CutModel(scenario, cut_pct, scale)
    extra = [_weighted_row(model)] if scenario.mode == "weighted" else []
    return [x * scale for x in _leximin(model, extra)]


def _feasible(scenario: Scenario, cut_pct: float, scale: float) -> bool:
    return deficit(scenario, cut_pct, scale) <= DEFICIT_TOLERANCE


def _some_feasible_cut(scenario: Scenario, scale: float) -> float | None:
    """A feasible cut in [0, 100], or None. D is convex in c, so a ternary
    search for its minimum finds one whenever one exists; a coarse grid
    first spares that search in the usual cases."""
    grid = [c for c in range(0, 101) if _feasible(scenario, float(c), scale)]
    if grid:
        return float(max(grid))
    lo, hi = 0.0, 100.0
    while hi - lo > BISECTION_WIDTH:
        a, b = lo + (hi - lo) / 3, hi - (hi - lo) / 3
        if deficit(scenario, a, scale) <= deficit(scenario, b, scale):
            hi = b
        else:
            lo = a
    middle = (lo + hi) / 2
    return middle if _feasible(scenario, middle, scale) else None


def max_feasible_cut(scenario: Scenario, scale: float) -> float | None:
    """The largest c in [0, 100) with D(c) = 0 (100 when the constraints
    hold right up to 100), None when no such c exists. The feasible cuts
    form an interval, so bisection on feasibility finds its upper end."""
    lo = 0.0 if _feasible(scenario, 0.0, scale) else _some_feasible_cut(scenario, scale)
    if lo is None:
        return None
    if _feasible(scenario, 100.0, scale):
        return 100.0
    hi = 100.0
    while hi - lo > BISECTION_WIDTH:
        middle = (lo + hi) / 2
        if _feasible(scenario, middle, scale):
            lo = middle
        else:
            hi = middle
    return (lo + hi) / 2


def evaluate_cut(scenario: Scenario, cut_pct: float, scale: float) -> dict:
    """One cut's envelope, status, deficit (when infeasible) and allocations."""
    d = deficit(scenario, cut_pct, scale)
    result = {"cut_pct": cut_pct, "envelope": scenario.envelope(cut_pct)}
    if d > DEFICIT_TOLERANCE:
        result["status"] = "infeasible"
        result["deficit"] = d * scale if math.isfinite(d) else None
        return result
    result["status"] = "optimal"
    result["services"] = [
        {"id": s.id, "allocation": x}
        for s, x in zip(scenario.services, allocation(scenario, cut_pct, scale))
    ]
    return result


def evaluate(scenario: Scenario, cuts: list[float]) -> dict:
    """The reference result for `cuts`, shaped like `scenario sweep --format json`."""
    scale = money_scale(scenario)
    return {
        "max_feasible_cut_pct": max_feasible_cut(scenario, scale),
        "cuts": [evaluate_cut(scenario, c, scale) for c in cuts],
    }


def parse_cuts(text: str, step: float) -> list[float]:
    """Cut levels from "A..B%" (inclusive, by `step`), "a,b,c%" or "c%"."""
    text = text.strip().rstrip("%")
    if ".." in text:
        start, end = (float(part.strip().rstrip("%")) for part in text.split("..", 1))
        if step <= 0 or end < start:
            raise ValueError(f"bad range {text!r} with step {step}")
        count = int(math.floor((end - start) / step + 1e-9))
        return [round(start + k * step, 10) for k in range(count + 1)]
    return [float(part.strip().rstrip("%")) for part in text.split(",")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--cut", required=True, help='"A..B%%", "a,b,c%%" or "c%%"')
    parser.add_argument("--step", type=float, default=5.0)
    args = parser.parse_args(argv)
    try:
        scenario = load(args.file)
        cuts = parse_cuts(args.cut, args.step)
        print(json.dumps(evaluate(scenario, cuts), indent=1))
    except (OSError, ValueError, ScenarioError, ReferenceFailure) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
