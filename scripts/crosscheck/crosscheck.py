#!/usr/bin/env python3
"""Cross-check `scenario sweep --format json` against the reference implementation.

    python3 crosscheck.py PATH/TO/scenario [--seeds 200] [--first-seed 1]
    python3 crosscheck.py PATH/TO/scenario --file some.toml other.toml

For each seed, generate.py writes a scenario; the binary sweeps it over
-10..60% in steps of 2.5 points; reference.py computes the same cuts. Every
cut must agree on its status and envelope, every allocation of a feasible
cut and every deficit of an infeasible one to within £1, and the maximum
feasible cut to within 1e-4 percentage points. Each mismatch is printed
with its seed; the scenario file, our JSON and the reference JSON are kept
in the --keep directory for reproduction. Exit status 1 on any mismatch.

With --areas (section 13) the scenarios have areas, rates of cut and shared services, and
every feasible cut of ours must also pay each shared service's areas' part in exactly the
stated proportions (to 1e-6 of the service's baseline), and no area may pay more than its
funds after the cut.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generate import scenario_document, to_toml
from reference import ReferenceFailure, evaluate, evaluate_cut, max_feasible_cut, money_scale, parse_cuts
from scenario_toml import load

MONEY_TOLERANCE = 1.0
# With --regions, money up to £1e12: allocations agree to £1 or to 1e-7 of the largest amount,
# whichever is larger (both sides work to relative tolerances), and to a millionth of the
# largest amount when that is under £1.
RELATIVE_MONEY_TOLERANCE = 1e-7
# With --regions: the cuts swept besides those around the maximum cut m, and the distances
# from m (points), all in one sweep so that each starts warm from the one before.
REGION_CUTS = (0.0, 20.0, 40.0)
NEAR_MAXIMUM = (-1e-3, -1e-6, 1e-6, 1e-3)


def money_tolerance(largest: float) -> float:
    """How far two allocations (or deficits) may differ in a scenario whose largest amount of
    money is `largest`."""
    if largest <= 1e7:
        return min(MONEY_TOLERANCE, 1e-6 * largest)
    return RELATIVE_MONEY_TOLERANCE * largest


def region_cuts(maximum: float | None) -> str:
    """The --cut list for a --regions run: REGION_CUTS and, when the maximum cut lies inside
    (0, 100), m - 1e-3, m - 1e-6, m + 1e-6 and m + 1e-3 written to nine decimals."""
    cuts = set(REGION_CUTS)
    if maximum is not None and 0 < maximum < 100:
        cuts.update(round(maximum + d, 9) for d in NEAR_MAXIMUM if -100 < maximum + d < 100)
    return ",".join(f"{c:.9f}".rstrip("0").rstrip(".") for c in sorted(cuts))


def region_reference(path: Path) -> tuple[str, dict]:
    """The cuts of a --regions run for the file at `path` and the reference's result there."""
    scenario = load(path)
    scale = money_scale(scenario)
    maximum = max_feasible_cut(scenario, scale)
    cuts = region_cuts(maximum)
    return cuts, {"max_feasible_cut_pct": maximum,
                  "cuts": [evaluate_cut(scenario, c, scale) for c in parse_cuts(cuts, 1.0)]}
CUT_TOLERANCE = 1e-4
REFERENCE_SOURCES = ("reference.py", "cut_model.py", "highs_lp.py", "scenario_toml.py")


FAIRNESS_CHOICES = ("file", "relative", "cash", "award", "mixed")


def with_fairness(document: dict, choice: str, seed: int) -> dict:
    """The generated document with `[objective] fairness` set as --fairness asks (section 14)."""
    if choice == "file":
        return document
    measure = ("relative", "cash", "award")[seed % 3] if choice == "mixed" else choice
    objective = dict(document.get("objective", {}))
    objective["fairness"] = measure
    return {**document, "objective": objective}


def reference_result(path: Path, cut: str, step: float, cache: Path | None) -> dict:
    """The reference's answer for the file at `path`, from `cache` when it
    holds one computed by the same reference code for the same file and cuts."""
    if cache is None:
        return evaluate(load(path), parse_cuts(cut, step))
    digest = hashlib.sha256(path.read_bytes())
    digest.update(f"{cut} {step!r}".encode())
    for name in REFERENCE_SOURCES:
        digest.update(Path(__file__).with_name(name).read_bytes())
    entry = cache / f"{digest.hexdigest()}.json"
    if entry.exists():
        return json.loads(entry.read_text())
    result = evaluate(load(path), parse_cuts(cut, step))
    cache.mkdir(parents=True, exist_ok=True)
    entry.write_text(json.dumps(result))
    return result


def run_sweep(binary: str, path: Path, cut: str, step: float, timeout: float) -> tuple[dict | None, str]:
    """Our sweep's JSON for the file at `path`, or None and why not."""
    command = [binary, "sweep", str(path), f"--cut={cut}", "--format", "json"]
    if ".." in cut:
        command += ["--step", str(step)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"no answer within {timeout:g} s"
    except OSError as error:
        return None, f"cannot run {binary}: {error}"
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["(nothing on standard error)"])[0]
        return None, f"exit status {done.returncode}: {first}"
    try:
        return json.loads(done.stdout), ""
    except json.JSONDecodeError as error:
        return None, f"standard output is not JSON: {error}"


def _number(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def compare(ours: dict, reference: dict, tolerance: float = MONEY_TOLERANCE) -> list[str]:
    """Every disagreement between our sweep and the reference, in words."""
    problems = []
    ours_max, ref_max = ours.get("max_feasible_cut_pct"), reference["max_feasible_cut_pct"]
    if (ours_max is None) != (ref_max is None) or (
        ref_max is not None and (_number(ours_max) is None or abs(ours_max - ref_max) > CUT_TOLERANCE)
    ):
        problems.append(f"max_feasible_cut_pct: ours {ours_max!r}, reference {ref_max!r}")
    our_cuts = ours.get("cuts")
    if not isinstance(our_cuts, list):
        return problems + ["our JSON has no list of cuts"]
    if len(our_cuts) != len(reference["cuts"]):
        problems.append(f"{len(our_cuts)} cuts, reference {len(reference['cuts'])}")
    for ref in reference["cuts"]:
        cut = ref["cut_pct"]
        mine = next((c for c in our_cuts if _number(c.get("cut_pct")) is not None
                     and abs(c["cut_pct"] - cut) < 1e-9), None)
        if mine is None:
            problems.append(f"cut {cut}%: missing from our output")
            continue
        problems += [f"cut {cut}%: {p}" for p in _compare_cut(mine, ref, tolerance)]
    return problems


@dataclass
class Margins:
    """The largest differences seen where both sides gave an answer, and
    how much was compared: how close to the tolerances the agreement is."""

    cuts: int = 0
    allocations: int = 0
    allocation: tuple[float, str] = (0.0, "")
    deficit: tuple[float, str] = (0.0, "")
    max_cut: tuple[float, str] = (0.0, "")
    notes: list[str] = field(default_factory=list)

    def add(self, ours: dict, reference: dict, label: str) -> None:
        """Fold in the differences between one scenario's two results."""
        ours_max, ref_max = _number(ours.get("max_feasible_cut_pct")), reference["max_feasible_cut_pct"]
        if ours_max is not None and ref_max is not None:
            self.max_cut = max(self.max_cut, (abs(ours_max - ref_max), label))
        for ref in reference["cuts"]:
            mine = next((c for c in ours.get("cuts") or [] if _number(c.get("cut_pct")) is not None
                         and abs(c["cut_pct"] - ref["cut_pct"]) < 1e-9), None)
            if mine is None or mine.get("status") != ref["status"]:
                continue
            self.cuts += 1
            where = f"{label}, cut {ref['cut_pct']}%"
            if ref["status"] == "infeasible":
                d = _number(mine.get("deficit"))
                if d is not None and ref["deficit"] is not None:
                    self.deficit = max(self.deficit, (abs(d - ref["deficit"]), where))
                continue
            ours_by_id = {x.get("id"): _number(x.get("allocation")) for x in mine.get("services") or []}
            for service in ref["services"]:
                value = ours_by_id.get(service["id"])
                if value is not None:
                    self.allocations += 1
                    self.allocation = max(self.allocation, (abs(value - service["allocation"]),
                                                            f"{where}, {service['id']}"))

    def report(self) -> str:
        """One paragraph for the end of a run."""
        return (
            f"compared {self.cuts} cuts and {self.allocations} allocations where both sides answered; "
            f"largest differences: allocation £{self.allocation[0]:.6f} ({self.allocation[1] or '-'}), "
            f"deficit £{self.deficit[0]:.6f} ({self.deficit[1] or '-'}), "
            f"maximum cut {self.max_cut[0]:.3g} points ({self.max_cut[1] or '-'})"
        )


def area_problems(ours: dict, scenario) -> list[str]:
    """Section 13 read from our JSON alone: per feasible cut, each area pays no more than its
    funds after the cut (computed here), and each shared service's payments by area are its
    proportions of what the areas pay it in all."""
    problems = []
    shares = {s.id: dict(s.contributions) for s in scenario.services if s.contributions is not None}
    for cut in ours.get("cuts") or []:
        if cut.get("status") != "optimal":
            continue
        label = f"cut {cut.get('cut_pct')}%"
        areas = cut.get("areas")
        if not isinstance(areas, list) or [a.get("id") for a in areas] != list(scenario.areas):
            problems.append(f"{label}: areas {areas!r} are not the file's {list(scenario.areas)}")
            continue
        paid: dict[str, dict[str, float]] = {}
        for area in areas:
            funds = sum(f.after_cut(cut["cut_pct"]) for f in scenario.funds if f.area == area["id"])
            if abs(area["funds"] - funds) > max(0.01, 1e-12 * funds):
                problems.append(f"{label}: area {area['id']} funds ours {area['funds']!r}, reference {funds!r}")
            total = sum(p["amount"] for p in area["pays"])
            if total > funds + max(0.01, 1e-9 * funds):
                problems.append(f"{label}: area {area['id']} pays {total!r}, more than its funds {funds!r}")
            for payment in area["pays"]:
                paid.setdefault(payment["service"], {})[area["id"]] = payment["amount"]
        for service in scenario.services:
            if service.id not in shares:
                continue
            by_area = paid.get(service.id, {})
            part = sum(by_area.values())
            for area_id, share in shares[service.id].items():
                amount = by_area.get(area_id, 0.0)
                if abs(amount - share * part) > 1e-6 * service.baseline:
                    problems.append(
                        f"{label}: {service.id}: area {area_id} pays {amount!r}, not {share!r} of {part!r}")
    return problems


def _compare_cut(mine: dict, ref: dict, tolerance: float = MONEY_TOLERANCE) -> list[str]:
    problems = []
    envelope = _number(mine.get("envelope"))
    if envelope is None or abs(envelope - ref["envelope"]) > max(0.01, 1e-15 * abs(ref["envelope"])):
        problems.append(f"envelope ours {mine.get('envelope')!r}, reference {ref['envelope']!r}")
    if mine.get("status") != ref["status"]:
        detail = f" (reference deficit {ref['deficit']!r})" if "deficit" in ref else ""
        detail += f" (our deficit {mine['deficit']!r})" if "deficit" in mine else ""
        return problems + [f"status ours {mine.get('status')!r}, reference {ref['status']!r}{detail}"]
    if ref["status"] == "infeasible":
        # A deficit of None: no amount of money meets the constraints.
        ours_d, ref_d = _number(mine.get("deficit")), ref["deficit"]
        if (ours_d is None) != (ref_d is None) or (ref_d is not None and abs(ours_d - ref_d) > tolerance):
            problems.append(f"deficit ours {mine.get('deficit')!r}, reference {ref_d!r}")
        return problems
    ours_by_id = {s.get("id"): s for s in mine.get("services") or []}
    for service in ref["services"]:
        theirs = ours_by_id.get(service["id"])
        value = _number(theirs.get("allocation")) if theirs else None
        if value is None:
            problems.append(f"{service['id']}: no allocation in our output")
        elif abs(value - service["allocation"]) > tolerance:
            problems.append(
                f"{service['id']}: ours {value:.4f}, reference {service['allocation']:.4f} "
                f"(difference {value - service['allocation']:+.4f})"
            )
    return problems


def check_file(binary: str, path: Path, label: str, args, keep: Path, margins: Margins) -> bool:
    """Cross-check one scenario file; print and keep what disagrees."""
    scenario = load(path)
    tolerance = MONEY_TOLERANCE
    cut = args.cut
    try:
        if args.regions:
            cut, reference = region_reference(path)
            largest = max([f.amount for f in scenario.funds] + [s.baseline for s in scenario.services])
            tolerance = money_tolerance(largest)
        else:
            reference = reference_result(path, args.cut, args.step, args.cache)
    except ReferenceFailure as error:
        print(f"{label}: REFERENCE FAILED: {error}")
        _keep(path, keep, label, None, None)
        return False
    ours, why = run_sweep(binary, path, cut, args.step, args.timeout)
    problems = [f"our sweep failed: {why}"] if ours is None else compare(ours, reference, tolerance)
    if ours is not None and scenario.areas:
        problems += area_problems(ours, scenario)
    if ours is not None:
        margins.add(ours, reference, label)
    summary = f"{len(scenario.services)} services, {len(scenario.funds)} funds, " \
              f"{len(scenario.groups)} groups, {len(scenario.areas)} areas, {scenario.mode}"
    if not problems:
        print(f"{label}: ok ({summary}; max cut {reference['max_feasible_cut_pct']})")
        return True
    kept = _keep(path, keep, label, ours, reference)
    print(f"{label}: {len(problems)} MISMATCHES ({summary}); kept in {kept}")
    for problem in problems:
        print(f"    {problem}")
    return False


def _keep(path: Path, keep: Path, label: str, ours: dict | None, reference: dict | None) -> Path:
    keep.mkdir(parents=True, exist_ok=True)
    stem = label.replace(" ", "-")
    target = keep / f"{stem}.toml"
    if path.resolve() != target.resolve():
        shutil.copyfile(path, target)
    if ours is not None:
        (keep / f"{stem}.ours.json").write_text(json.dumps(ours, indent=1))
    if reference is not None:
        (keep / f"{stem}.reference.json").write_text(json.dumps(reference, indent=1))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="the scenario executable, e.g. .build/release/scenario")
    parser.add_argument("--seeds", type=int, default=200, help="how many generated scenarios (default 200)")
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--file", nargs="+", type=Path, help="check these scenario files instead of generated ones")
    parser.add_argument("--cut", default="-10..60%")
    parser.add_argument("--step", type=float, default=2.5)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per sweep")
    parser.add_argument("--cache", type=Path,
                        help="keep reference results here and reuse them on the next run")
    parser.add_argument("--regions", action="store_true",
                        help="generate with money from £1 to £1e12 and mixed amount and per-cent group limits, "
                             "and sweep 0, 20, 40% and m ± 1e-6, m ± 1e-3 around the reference's maximum cut m")
    parser.add_argument("--fairness", choices=FAIRNESS_CHOICES, default="file",
                        help="the [objective] fairness of generated scenarios: file (as generated, relative), "
                             "relative, cash, award, or mixed (by seed: relative, cash, award in turn)")
    parser.add_argument("--areas", action="store_true",
                        help="generate with areas, rates of cut from 0 to 2 and shared services (section 13)")
    parser.add_argument("--keep", type=Path, default=Path(__file__).with_name("failures"),
                        help="where failing scenarios and both outputs are kept")
    args = parser.parse_args(argv)

    failed = []
    margins = Margins()
    if args.file:
        for path in args.file:
            if not check_file(args.binary, path, path.stem, args, args.keep, margins):
                failed.append(str(path))
    else:
        with tempfile.TemporaryDirectory(prefix="crosscheck-") as directory:
            for seed in range(args.first_seed, args.first_seed + args.seeds):
                path = Path(directory) / f"seed-{seed}.toml"
                document = with_fairness(
                    scenario_document(seed, regions=args.regions, areas=args.areas), args.fairness, seed)
                path.write_text(to_toml(document), encoding="utf-8")
                if not check_file(args.binary, path, f"seed {seed}", args, args.keep, margins):
                    failed.append(str(seed))
    total = len(args.file) if args.file else args.seeds
    print("\n" + margins.report())
    print(f"\n{total - len(failed)} of {total} agree" + (f"; mismatches: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
