"""A small linear programme solved by HiGHS (through highspy).

Rows are given as sparse dictionaries {column: coefficient} with a range
[lower, upper]; infinite bounds are float("inf") / -float("inf"). Presolve is
off and tolerances are tight: the problems are small, and the reference
wants vertex solutions accurate well below a penny. Each row is divided by
its size before HiGHS sees it, so that the feasibility tolerance is
relative to the row.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import highspy

INF = math.inf
FEASIBILITY_TOLERANCE = 1e-10


@dataclass
class Row:
    """lower <= sum(coefs[j] * x[j]) <= upper. `size` is the amount the row is about (a
    fund, a service's baseline), or None for its largest finite, non-zero bound."""

    coefs: dict[int, float]
    lower: float = -INF
    upper: float = INF
    size: float | None = None


@dataclass
class Problem:
    """min (or max) cost.x subject to rows and column bounds."""

    num_cols: int
    cost: list[float] = field(default_factory=list)
    col_lower: list[float] = field(default_factory=list)
    col_upper: list[float] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    maximize: bool = False


@dataclass(frozen=True)
class Result:
    """status is "optimal", "infeasible" or "unbounded"; x is empty unless optimal."""

    status: str
    x: tuple[float, ...]
    objective: float


class SolverError(RuntimeError):
    """HiGHS did not reach a definite answer."""


def _clip(value: float) -> float:
    if value == INF:
        return highspy.kHighsInf
    if value == -INF:
        return -highspy.kHighsInf
    return value


# HiGHS's dual simplex at these tight tolerances now and then declares a
# feasible problem infeasible; a second opinion from the primal simplex, then
# from the interior-point method (with crossover), settles it.
STRATEGIES = (
    {"solver": "simplex", "simplex_strategy": 1},
    {"solver": "simplex", "simplex_strategy": 4},
    {"solver": "ipm", "run_crossover": "on"},
)


def _row_scale(row: Row) -> float:
    """What HiGHS sees a row divided by: its size, else its largest finite, non-zero
    bound, else 1. HiGHS judges a row's feasibility to an absolute tolerance, so
    dividing each row by its own size makes that tolerance relative to the row: a £2k
    service's minimum or a group's limit of 0.1% of the envelope is held to 1e-10 of
    itself, not to 1e-10 of the scenario's money scale."""
    if row.size is not None and row.size > 0.0:
        return row.size
    bounds = [abs(b) for b in (row.lower, row.upper) if math.isfinite(b) and b != 0.0]
    return max(bounds) if bounds else 1.0


def _highs_model(problem: Problem):
    lp = highspy.HighsLp()
    lp.num_col_ = problem.num_cols
    lp.num_row_ = len(problem.rows)
    lp.col_cost_ = list(problem.cost)
    lp.col_lower_ = [_clip(v) for v in problem.col_lower]
    lp.col_upper_ = [_clip(v) for v in problem.col_upper]
    scales = [_row_scale(row) for row in problem.rows]
    lp.row_lower_ = [_clip(r.lower / k) for r, k in zip(problem.rows, scales)]
    lp.row_upper_ = [_clip(r.upper / k) for r, k in zip(problem.rows, scales)]
    starts, indices, values = [0], [], []
    for row, k in zip(problem.rows, scales):
        for column, coefficient in sorted(row.coefs.items()):
            if coefficient != 0.0:
                indices.append(column)
                values.append(coefficient / k)
        starts.append(len(indices))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.num_col_ = problem.num_cols
    lp.a_matrix_.num_row_ = len(problem.rows)
    lp.a_matrix_.start_ = starts
    lp.a_matrix_.index_ = indices
    lp.a_matrix_.value_ = values
    lp.sense_ = highspy.ObjSense.kMaximize if problem.maximize else highspy.ObjSense.kMinimize
    return lp


def _run(lp, options: dict) -> Result:
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("presolve", "off")
    highs.setOptionValue("primal_feasibility_tolerance", FEASIBILITY_TOLERANCE)
    highs.setOptionValue("dual_feasibility_tolerance", FEASIBILITY_TOLERANCE)
    for key, value in options.items():
        highs.setOptionValue(key, value)
    highs.passModel(lp)
    highs.run()
    status = highs.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        solution = highs.getSolution()
        return Result("optimal", tuple(solution.col_value), highs.getInfo().objective_function_value)
    # Every problem the reference builds is bounded (each allocation has a
    # finite max), so "unbounded or infeasible" can only mean infeasible.
    if status in (highspy.HighsModelStatus.kInfeasible, highspy.HighsModelStatus.kUnboundedOrInfeasible):
        return Result("infeasible", (), math.nan)
    if status == highspy.HighsModelStatus.kUnbounded:
        return Result("unbounded", (), math.nan)
    return Result(highs.modelStatusToString(status), (), math.nan)


def solve(problem: Problem) -> Result:
    """Solve `problem`: the first optimal answer of the STRATEGIES, else
    "infeasible" or "unbounded" when every definite answer agrees on it;
    SolverError when HiGHS reaches no definite answer."""
    lp = _highs_model(problem)
    answers = []
    for options in STRATEGIES:
        result = _run(lp, options)
        if result.status == "optimal":
            return result
        answers.append(result.status)
    definite = {a for a in answers if a in ("infeasible", "unbounded")}
    if len(definite) == 1:
        return Result(definite.pop(), (), math.nan)
    raise SolverError(f"HiGHS gives no definite answer: {', '.join(answers)}")
