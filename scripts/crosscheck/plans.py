#!/usr/bin/env python3
"""An independent reading of SCENARIO-SPEC section 11 (plans over several years), checked
against `scenario plan --format json`.

Written from the spec alone. Each planned year k becomes an ordinary scenario for the
reference of sections 3 to 6 (`reference.py`):

- the year runs from its start date (year_starts in the year's first calendar year) to the
  day before the next year's start: n days;
- a service runs a days of it (between starts and ends, inclusive), f of them on or before
  fixed_until; B_k = baseline (1 + uplift)^k (uplift: the service's, else the plan's
  inflation); a min or max written as an amount is uplifted the same way, one in per cent is
  of B_k; lo_rate also takes B_k when protected; the year's baseline is B_k a / n and its
  bounds lo = B_k f/n + lo_rate (a-f)/n, hi = B_k f/n + hi_rate (a-f)/n;
- a service with a = 0 is left out, and out of its groups and fences (a group left empty is
  dropped; a fence left empty admits no one);
- fund f holds amount_f prod over j <= k of (1 - c_j/100) when it is cut, amount_f when not
  (the plans generated here have no carry-forward: which fund holds unspent money is not
  unique, see README).

The maximum sustainable cut is found by bisection on c (every year feasible with c in every
year) to 1e-9 points. `scenario plan`'s allocations and deficits must agree within £1 (or the
crosscheck's relative money tolerance for very large or small scenarios), every status
exactly, and the maximum sustainable cut within 1e-6 points (widened by 1 / (1 - c) near 100%).

    python3 plans.py ../../.build/release/scenario --seeds 20
    python3 plans.py ../../.build/release/scenario --file ../../scenarios/kent-2017-18-plan.toml --path 5,5,5
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import replace
from pathlib import Path

import generate
import reference
from crosscheck import money_tolerance
from highs_lp import SolverError
from scenario_toml import AmountOrPercent, Fund, Scenario, Service, Group, parse

BISECTION_WIDTH = 1e-9


def _date(value) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def _percent(text: str | None) -> float | None:
    return None if text is None else float(text.rstrip("%"))


class PlanReading:
    """A plan file read by section 11: one scenario per planned year."""

    def __init__(self, document: dict):
        self.base = parse(document)
        plan = document["plan"]
        self.base_year = int(plan["base_year"][:4])
        self.years = [int(label[:4]) for label in plan["years"]]
        self.labels = list(plan["years"])
        month, day = (int(part) for part in plan.get("year_starts", "04-01").split("-"))
        self.month, self.day = month, day
        self.inflation = _percent(plan.get("inflation", "0%"))
        self.raw_services = document["service"]

    def _year_days(self, k: int) -> tuple[datetime.date, datetime.date]:
        start_year = self.base_year + k
        first = datetime.date(start_year, self.month, self.day)
        last = datetime.date(start_year + 1, self.month, self.day) - datetime.timedelta(days=1)
        return first, last

    def service_year(self, index: int, k: int) -> tuple[float, float, float, int]:
        """(baseline, lo, hi, a) of service `index` in year k."""
        raw = self.raw_services[index]
        service = self.base.services[index]
        first, last = self._year_days(k)
        n = (last - first).days + 1
        run_from = max(first, _date(raw.get("starts")) or first)
        run_to = min(last, _date(raw.get("ends")) or last)
        a = max(0, (run_to - run_from).days + 1)
        fixed = _date(raw.get("fixed_until"))
        f = 0 if fixed is None else max(0, (min(run_to, fixed) - run_from).days + 1)
        uplift = _percent(raw.get("uplift"))
        growth = (1 + (self.inflation if uplift is None else uplift) / 100) ** k
        rate = service.baseline * growth

        def at_rate(bound: AmountOrPercent) -> float:
            return bound.value * growth if bound.kind == "amount" else rate * bound.value / 100

        lo_rate = at_rate(service.minimum)
        if service.protected:
            lo_rate = max(lo_rate, rate)
        hi_rate = at_rate(service.maximum)
        lo = rate * f / n + lo_rate * (a - f) / n
        hi = rate * f / n + hi_rate * (a - f) / n
        return rate * a / n, lo, hi, a

    def year_scenario(self, k: int, path: list[float]) -> Scenario:
        services = []
        for index, service in enumerate(self.base.services):
            baseline, lo, hi, a = self.service_year(index, k)
            if a == 0:
                continue
            services.append(Service(
                id=service.id, baseline=baseline, minimum=AmountOrPercent("amount", lo),
                maximum=AmountOrPercent("amount", hi), protected=False, priority=service.priority,
                weight=service.weight))
        present = {s.id for s in services}
        factor = 1.0
        for cut in path[: k - 1]:
            factor *= 1 - cut / 100
        funds = tuple(
            Fund(
                id=fund.id, amount=fund.amount * (factor if fund.cut else 1.0), cut=fund.cut,
                ring_fenced_for=None if fund.ring_fenced_for is None
                else tuple(s for s in fund.ring_fenced_for if s in present))
            for fund in self.base.funds)
        groups = tuple(
            replace(group, services=tuple(s for s in group.services if s in present))
            for group in self.base.groups if any(s in present for s in group.services))
        return Scenario(self.base.title, self.base.mode, funds, tuple(services), groups)

    def evaluate(self, path: list[float]) -> list[dict]:
        results = []
        for k in range(1, len(self.years) + 1):
            year = self.year_scenario(k, path)
            result = reference.evaluate_cut(year, path[k - 1], reference.money_scale(year))
            result["year"] = self.labels[k - 1]
            results.append(result)
        return results

    def sustainable(self, cut: float) -> bool:
        """Every year feasible with `cut` in every year; a cut HiGHS cannot decide (within
        1e-9 points of 100%) counts as not sustainable."""
        path = [cut] * len(self.years)
        for k in range(1, len(self.years) + 1):
            year = self.year_scenario(k, path)
            try:
                if not reference._feasible(year, cut, reference.money_scale(year)):
                    return False
            except (reference.ReferenceFailure, SolverError):
                return False
        return True

    def maximum_sustainable_cut(self) -> float | None:
        low = 0.0
        if not self.sustainable(0.0):
            # Each year's feasible cuts are an interval that may start above 0: look for a
            # sustainable cut on a grid of whole points, then bisect upwards from the largest.
            found = [c for c in range(1, 100) if self.sustainable(float(c))]
            if not found:
                return None
            low = float(max(found))
        if self.sustainable(100.0 - BISECTION_WIDTH):
            return 100.0
        high = 100.0
        while high - low > BISECTION_WIDTH:
            middle = (low + high) / 2
            if self.sustainable(middle):
                low = middle
            else:
                high = middle
        return low


def random_plan(seed: int) -> dict:
    """A generated scenario (generate.py) made a plan: 1 to 4 years, inflation, and services
    that start, end, are under contract or have their own uplift, at random."""
    document = generate.scenario_document(seed)
    rng = random.Random(f"plan {seed}")
    base = rng.randint(2012, 2022)
    count = rng.randint(1, 4)
    month, day = rng.choice([(4, 1), (4, 1), (1, 1), (7, 1), (10, 15)])
    plan = {
        "base_year": f"{base}/{(base + 1) % 100:02d}",
        "years": [f"{base + k}/{(base + k + 1) % 100:02d}" for k in range(1, count + 1)],
        "year_starts": f"{month:02d}-{day:02d}",
        "inflation": f"{rng.choice([0, 0.5, 1.5, 2, 3.5])}%",
    }
    document = {"title": document["title"], "plan": plan, **{k: v for k, v in document.items() if k != "title"}}
    first = datetime.date(base, month, day)
    span = (datetime.date(base + count + 1, month, day) - first).days
    for service in document["service"]:
        roll = rng.random()
        if roll < 0.5:
            continue
        starts = first + datetime.timedelta(days=rng.randrange(span)) if rng.random() < 0.5 else None
        ends = None
        if rng.random() < 0.5:
            start = starts or first
            ends = start + datetime.timedelta(days=rng.randrange(max(1, (first + datetime.timedelta(days=span) - start).days)))
        if starts:
            service["starts"] = starts.isoformat()
        if ends:
            service["ends"] = ends.isoformat()
        if rng.random() < 0.4 and not service.get("protected"):
            start = starts or first
            stop = ends or first + datetime.timedelta(days=span)
            service["fixed_until"] = (start + datetime.timedelta(days=rng.randrange(max(1, (stop - start).days + 1)))).isoformat()
        if rng.random() < 0.3:
            service["uplift"] = f"{rng.choice([0, 1, 2.5, 4])}%"
    return document


def random_path(seed: int, count: int) -> list[float]:
    rng = random.Random(f"path {seed}")
    if rng.random() < 0.4:
        return [float(rng.choice([0, 2.5, 5, 10]))] * count
    return [float(rng.choice([-2, 0, 1, 3, 5, 7.5, 12, 20])) for _ in range(count)]


def run_plan(binary: str, path: Path, cuts: list[float]) -> dict:
    text = ",".join(repr(c) for c in cuts) + "%"
    completed = subprocess.run(
        [binary, "plan", str(path), "--path", text, "--format", "json"], capture_output=True, text=True, timeout=600)
    if completed.returncode != 0:
        raise RuntimeError(f"scenario plan exited {completed.returncode}: {completed.stderr.strip()}")
    return json.loads(completed.stdout)


def sustainable_tolerance(cut: float) -> float:
    """How far two maximum sustainable cuts may differ: 1e-6 points, widened by 1 / (1 - c)
    near 100%, where year k's cumulative cut 1 - (1 - c)^k moves k (1 - c)^(k-1) times as fast
    as c, so the LPs' tolerances on money move c that much more."""
    return 1e-6 * max(1.0, 1.0 / max(1e-6, 1 - cut / 100))


def compare(ours: dict, reading: PlanReading, cuts: list[float]) -> list[str]:
    problems = []
    expected = reading.evaluate(cuts)
    largest = max([f.amount for f in reading.base.funds] + [s.baseline for s in reading.base.services])
    tolerance = money_tolerance(largest)
    years = ours["paths"][0]["years"]
    for mine, ref in zip(years, expected):
        label = mine["year"]
        if mine["status"] != ref["status"]:
            problems.append(f"{label}: status {mine['status']} != {ref['status']}")
            continue
        if abs(mine["envelope"] - ref["envelope"]) > 0.01:
            problems.append(f"{label}: envelope {mine['envelope']} != {ref['envelope']}")
        if ref["status"] == "infeasible":
            if ref.get("deficit") is not None and abs(mine["deficit"] - ref["deficit"]) > tolerance:
                problems.append(f"{label}: deficit {mine['deficit']} != {ref['deficit']}")
            continue
        allocations = {s["id"]: s["allocation"] for s in mine["services"]}
        wanted = {s["id"]: s["allocation"] for s in ref["services"]}
        if set(allocations) != set(wanted):
            problems.append(f"{label}: services {sorted(allocations)} != {sorted(wanted)}")
        for sid, value in wanted.items():
            if sid in allocations and abs(allocations[sid] - value) > tolerance:
                problems.append(f"{label}: {sid} {allocations[sid]} != {value}")
    ours_cut = ours["max_sustainable_cut_pct"]
    ref_cut = reading.maximum_sustainable_cut()
    if (ours_cut is None) != (ref_cut is None) or (
        ours_cut is not None and abs(ours_cut - ref_cut) > sustainable_tolerance(ref_cut)
    ):
        problems.append(f"maximum sustainable cut {ours_cut} != {ref_cut}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--paths", type=int, default=2, help="cut paths per generated plan")
    parser.add_argument("--file", nargs="*", default=[])
    parser.add_argument("--path", default=None, help="the path for --file plans, such as 5,3,0")
    args = parser.parse_args(argv)
    failures = 0
    checked = 0
    cases: list[tuple[str, dict, list[list[float]]]] = []
    for name in args.file:
        with open(name, "rb") as handle:
            document = tomllib.load(handle)
        count = len(document["plan"]["years"])
        paths = [[float(c) for c in args.path.rstrip("%").split(",")]] if args.path else [[5.0] * count, [0.0] * count]
        cases.append((name, document, paths))
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        document = random_plan(seed)
        count = len(document["plan"]["years"])
        cases.append((f"seed {seed}", document, [random_path(seed * 100 + p, count) for p in range(args.paths)]))
    with tempfile.TemporaryDirectory() as directory:
        for label, document, paths in cases:
            file = Path(directory) / "plan.toml"
            file.write_text(generate.to_toml(document) if not label.endswith(".toml") else Path(label).read_text())
            reading = PlanReading(document)
            for cuts in paths:
                checked += 1
                try:
                    problems = compare(run_plan(args.binary, file, cuts), reading, cuts)
                except Exception as error:  # noqa: BLE001 - reported per case
                    problems = [f"error: {error}"]
                status = "ok" if not problems else "MISMATCH"
                print(f"{label} path {cuts}: {status}")
                for problem in problems:
                    print(f"    {problem}")
                if problems:
                    failures += 1
                    keep = Path("failures")
                    keep.mkdir(exist_ok=True)
                    (keep / f"{label.replace(' ', '-').replace('/', '_')}.plan.toml").write_text(file.read_text())
    print(f"{checked} paths, {failures} mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
