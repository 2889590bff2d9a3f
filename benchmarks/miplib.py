#!/usr/bin/env python3
"""MIPLIB 3 benchmark: the built-in branch and bound (`scenario lp --format json`) against
HiGHS (highspy), on the twenty instances of shared/miplib3/, in one run.

- ours: `scenario lp FILE --format json --time-limit T` from a release build; the seconds
  are the search time the command reports (reading the file is not counted).
- HiGHS: highspy reads the model, then only `h.run()` is timed. One thread
  (`threads = 1`), `mip_rel_gap = 1e-6` (our default gap), `time_limit = T`, default
  options otherwise (presolve, cuts, heuristics on).

Beside the wall-clock seconds, each side's CPU seconds (user + system) are measured: ours
from the child process's resource usage (reading the file included), HiGHS's as this
process's CPU time over `h.run()`. On a shared machine the wall clock of either solver
depends on the load; the CPU seconds do much less.

Each instance is solved once by each solver (a search of seconds to minutes is not worth
repeating on a shared machine). An instance passes when the status is optimal and the
objective is within 1e-6 (relative) of the README's reference optimum. The ratio is our
seconds over HiGHS's; its geometric mean is taken over the instances both pass. The load
average is printed first and last.

Usage: python3 benchmarks/miplib.py [--scenario PATH] [--miplib DIR] [--time-limit SECONDS]
           [--only a,b,c]
"""

import argparse
import json
import math
import os
import resource
import subprocess
import time

import highspy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def read_reference(directory):
    """The README's table: name -> reference optimum."""
    problems = []
    with open(os.path.join(directory, "README.md")) as f:
        for line in f:
            fields = [x.strip() for x in line.strip().strip("|").split("|")]
            if len(fields) == 5 and fields[1].isdigit():
                problems.append((fields[0], float(fields[3])))
    return problems


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_ours(scenario, path, limit):
    before = children_cpu()
    try:
        done = subprocess.run([scenario, "lp", path, "--format", "json", "--time-limit", str(limit)],
                              capture_output=True, text=True, timeout=limit + 60)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "objective": None, "seconds": None, "nodes": None, "cpu": None}
    cpu = children_cpu() - before
    try:
        result = json.loads(done.stdout)
    except json.JSONDecodeError:
        return {"status": "crash", "objective": None, "seconds": None, "nodes": None, "cpu": cpu}
    result["cpu"] = cpu
    return result


def run_highs(path, limit):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("mip_rel_gap", 1e-6)
    h.setOptionValue("time_limit", float(limit))
    h.readModel(path)
    start = time.perf_counter()
    cpu_start = time.process_time()
    h.run()
    cpu = time.process_time() - cpu_start
    seconds = time.perf_counter() - start
    status = h.modelStatusToString(h.getModelStatus()).lower()
    info = h.getInfo()
    return {"status": status, "objective": info.objective_function_value, "seconds": seconds,
            "nodes": info.mip_node_count, "cpu": cpu}


def passes(result, reference):
    objective = result.get("objective")
    return (result.get("status") == "optimal" and objective is not None
            and abs(objective - reference) <= 1e-6 * max(1.0, abs(reference)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", default=os.path.join(ROOT, ".build/release/scenario"))
    parser.add_argument("--miplib", default=os.path.join(os.path.dirname(ROOT), "shared/miplib3"))
    parser.add_argument("--time-limit", type=float, default=300)
    parser.add_argument("--only", default=None)
    args = parser.parse_args()
    problems = read_reference(args.miplib)
    if args.only:
        wanted = set(args.only.split(","))
        problems = [p for p in problems if p[0] in wanted]
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    print(f"{'problem':10} {'ours s':>9} {'nodes':>8} {'HiGHS s':>9} {'nodes':>7} {'ratio':>7} "
          f"{'ours cpu':>9} {'HiGHS cpu':>9} {'cpu ratio':>9}  result")
    ratios = []
    cpu_ratios = []
    passed = []
    for name, reference in problems:
        path = os.path.join(args.miplib, name + ".mps")
        ours = run_ours(args.scenario, path, args.time_limit)
        theirs = run_highs(path, args.time_limit)
        ok, highs_ok = passes(ours, reference), passes(theirs, reference)
        ratio = ours["seconds"] / theirs["seconds"] if ok and highs_ok else None
        cpu_ratio = ours["cpu"] / theirs["cpu"] if ratio is not None and theirs["cpu"] > 0 else None
        if ratio is not None:
            ratios.append(ratio)
        if cpu_ratio is not None:
            cpu_ratios.append(cpu_ratio)
        if ok:
            passed.append(name)
        seconds = f"{ours['seconds']:9.2f}" if ours.get("seconds") is not None else f"{'-':>9}"
        nodes = f"{ours['nodes']:8d}" if ours.get("nodes") is not None else f"{'-':>8}"
        verdict = "optimal" if ok else f"{ours.get('status')} objective={ours.get('objective')} bound={ours.get('bound')}"
        cpu = f"{ours['cpu']:9.2f}" if ours.get("cpu") is not None else f"{'-':>9}"
        print(f"{name:10} {seconds} {nodes} {theirs['seconds']:9.2f} {theirs['nodes']:7d} "
              f"{(f'{ratio:7.2f}' if ratio is not None else '      -')} {cpu} {theirs['cpu']:9.2f} "
              f"{(f'{cpu_ratio:9.2f}' if cpu_ratio is not None else '        -')}  {verdict}", flush=True)
    if ratios:
        geometric = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric-mean ratio (ours / HiGHS) over {len(ratios)} instances: {geometric:.2f}")
    if cpu_ratios:
        geometric = math.exp(sum(math.log(r) for r in cpu_ratios) / len(cpu_ratios))
        print(f"geometric-mean CPU ratio (ours / HiGHS) over {len(cpu_ratios)} instances: {geometric:.2f}")
    print(f"optimal at the reference: {len(passed)} of {len(problems)}: {', '.join(passed)}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
