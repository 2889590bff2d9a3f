#!/usr/bin/env python3
"""HiGHS on the same sequence of LPs as a whole `scenario sweep`, beside the sweep's own time.

1. Times `scenario sweep FILE --cut RANGE [--step S] --format csv > /dev/null`, the whole
   process (best of --repeat runs).
2. Writes the trace of every LP that sweep solves (`scenario bench --trace`): the maximum-cut
   LP, every stage of the allocation rule at every cut, the deficit LPs of infeasible cuts,
   in order.
3. Solves that sequence with HiGHS twice, timing h.run() only:
   warm: one Highs per LP shape, each LP reached from the previous one of its shape by
         changing bounds and costs, so HiGHS starts from its own last basis;
   cold: a new Highs for every LP.
4. Compares statuses and objectives LP by LP, and at every feasible cut every service's
   allocation in HiGHS's solution of the cut's last LP with the sweep's (GBP).

Usage: python3 highs_stages.py SCENARIO_BINARY FILE --cut RANGE [--step S] [--repeat N]
"""
import argparse
import json
import subprocess
import sys
import time

import highspy
import numpy as np

INFINITY = 1e30


def bounds(values):
    array = np.array(values, dtype=np.float64)
    array[array >= INFINITY] = np.inf
    array[array <= -INFINITY] = -np.inf
    return array


def time_sweep(binary, args, repeat):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([binary, "sweep", *args, "--format", "csv"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return best


def read_trace(binary, args):
    text = subprocess.run([binary, "bench", "--trace", *args], check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    return [json.loads(line) for line in text.splitlines()]


class Shape:
    """One LP matrix and the bounds and costs of the last LP of that shape."""

    def __init__(self, record):
        self.record = record
        self.columns = record["columns"]
        self.rows = record["rows"]
        self.column_index = {name: j for j, name in enumerate(record["column_names"])}
        self.arrays = {key: np.zeros(self.columns if key.startswith("c") else self.rows)
                       for key in ("column_lower", "column_upper", "costs", "row_lower", "row_upper")}
        self.highs = None

    def apply(self, lp_record):
        changes = {}
        for key, array in self.arrays.items():
            pairs = lp_record[key]
            if pairs:
                indices = np.array([p[0] for p in pairs], dtype=np.int32)
                array[indices] = bounds([p[1] for p in pairs])
                changes[key] = indices
        return changes

    def new_highs(self):
        lp = highspy.HighsLp()
        lp.num_col_ = self.columns
        lp.num_row_ = self.rows
        lp.col_cost_ = self.arrays["costs"]
        lp.col_lower_ = self.arrays["column_lower"]
        lp.col_upper_ = self.arrays["column_upper"]
        lp.row_lower_ = self.arrays["row_lower"]
        lp.row_upper_ = self.arrays["row_upper"]
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = np.array(self.record["starts"], dtype=np.int32)
        lp.a_matrix_.index_ = np.array(self.record["indices"], dtype=np.int32)
        lp.a_matrix_.value_ = np.array(self.record["values"], dtype=np.float64)
        lp.sense_ = highspy.ObjSense.kMaximize if self.record["sense"] == "maximize" else highspy.ObjSense.kMinimize
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        h.passModel(lp)
        return h

    def update_warm(self, changes):
        h = self.highs
        a = self.arrays
        if "column_lower" in changes or "column_upper" in changes:
            idx = np.union1d(changes.get("column_lower", []), changes.get("column_upper", [])).astype(np.int32)
            h.changeColsBounds(len(idx), idx, a["column_lower"][idx], a["column_upper"][idx])
        if "row_lower" in changes or "row_upper" in changes:
            idx = np.union1d(changes.get("row_lower", []), changes.get("row_upper", [])).astype(np.int32)
            h.changeRowsBounds(len(idx), idx, a["row_lower"][idx], a["row_upper"][idx])
        if "costs" in changes:
            idx = changes["costs"]
            h.changeColsCost(len(idx), idx, a["costs"][idx])


STATUS = {highspy.HighsModelStatus.kOptimal: "optimal", highspy.HighsModelStatus.kInfeasible: "infeasible"}


def run(h):
    start = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - start
    info = h.getInfo()
    status = STATUS.get(h.getModelStatus(), str(h.getModelStatus()))
    return seconds, status, info.objective_function_value, info.simplex_iteration_count


def replay(records, warm):
    shapes, solutions, rows = {}, {}, []
    total = 0.0
    for record in records:
        if "columns" in record:
            shapes[record["shape"]] = Shape(record)
        elif "lp" in record:
            shape = shapes[record["shape"]]
            changes = shape.apply(record)
            if warm and shape.highs is not None:
                shape.update_warm(changes)
                h = shape.highs
            else:
                h = shape.new_highs()
                if warm:
                    shape.highs = h
            seconds, status, objective, iterations = run(h)
            total += seconds
            rows.append((record, status, objective, iterations))
            if status == "optimal":
                solutions[record["lp"]] = (shape, np.array(h.getSolution().col_value))
    return total, rows, solutions


def allocation_gap(records, solutions):
    """Largest |HiGHS allocation - ours| over every service at every feasible cut, in money."""
    largest, compared = 0.0, 0
    for record in records:
        if record.get("status") != "optimal" or "last_lp" not in record:
            continue
        shape, values = solutions[record["last_lp"]]
        for service_id, baseline, ours in record["services"]:
            theirs = values[shape.column_index["level:" + service_id]] * baseline
            largest = max(largest, abs(theirs - ours))
            compared += 1
    return largest, compared


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("file")
    parser.add_argument("--cut", required=True)
    parser.add_argument("--step")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    args = [options.file, "--cut", options.cut] + (["--step", options.step] if options.step else [])

    ours = time_sweep(options.binary, args, options.repeat)
    records = read_trace(options.binary, args)
    warm_seconds, warm_rows, solutions = replay(records, warm=True)
    cold_seconds, cold_rows, _ = replay(records, warm=False)

    our_iterations = sum(r["iterations"] for r, *_ in warm_rows)
    warm_iterations = sum(row[3] for row in warm_rows)
    cold_iterations = sum(row[3] for row in cold_rows)
    mismatched = [r["lp"] for r, status, *_ in warm_rows if status != r["status"]]
    objective_gap = max((abs(objective - r["objective"]) / max(1.0, abs(r["objective"]))
                         for r, status, objective, _ in warm_rows if status == "optimal" == r["status"]), default=0.0)
    gap, compared = allocation_gap(records, solutions)
    cuts = sum(1 for r in records if "last_lp" in r)

    print(f"scenario: {options.file}, cuts {options.cut} step {options.step or 'default'}: {cuts} cuts, "
          f"{len(warm_rows)} LPs")
    print("| what | seconds | simplex iterations |")
    print("|---|---|---|")
    print(f"| built-in: whole `scenario sweep` process, best of {options.repeat} | {ours:.3f} | {our_iterations} |")
    print(f"| HiGHS {highspy.Highs().version()}, warm (h.run() only, summed) | {warm_seconds:.3f} | {warm_iterations} |")
    print(f"| HiGHS, cold, a new Highs per LP (h.run() only, summed) | {cold_seconds:.3f} | {cold_iterations} |")
    print()
    print(f"HiGHS warm / built-in whole process: {warm_seconds / ours:.2f}x; "
          f"HiGHS cold / built-in: {cold_seconds / ours:.2f}x")
    print(f"LPs whose status differs: {len(mismatched)} {mismatched[:10]}")
    print(f"largest relative objective difference: {objective_gap:.2e}")
    print(f"largest allocation difference (HiGHS's last LP of each cut vs the sweep): "
          f"GBP {gap:.2e} over {compared} allocations")
    return 0 if not mismatched and gap <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
