#!/usr/bin/env python3
"""Where our simplex iteration counts differ from HiGHS's on Netlib (issue #19 item 2).

HiGHS (highspy, one thread) solves every problem of shared/netlib/REFERENCE.tsv in six
configurations: its defaults; presolve off; and presolve off with one more change each: no
cost perturbation (dual_simplex_cost_perturbation_multiplier = 0), Devex or Dantzig dual
pricing instead of dual steepest edge (simplex_dual_edge_weight_strategy 1 or 0), no scaling
(simplex_scale_strategy 0). Our iteration counts are read from the log of the Netlib test tier
(the `NETLIB name rows=... status=... iterations=N ...` lines that
`SCENARIO_NETLIB_FULL=1 swift test -c release --filter NetlibTests` prints), or from
`scenario lp --format json` when no log is given.

Printed: the geometric mean of ours/HiGHS iterations for each configuration (over the
problems that configuration solves to optimality within --time-limit), the geometric mean
of each configuration's counts over HiGHS's own presolve-off counts (what each feature is
worth to HiGHS), and the problems with the largest ratios.

Usage: python3 benchmarks/iteration_gap.py [--ours-log FILE] [--scenario PATH] [--netlib DIR]
           [--time-limit SECONDS] [--only a,b,c]
"""

import argparse
import json
import math
import os
import subprocess

import highspy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

CONFIGURATIONS = {
    "default": {},
    "presolve off": {"presolve": "off"},
    "off, no perturbation": {"presolve": "off", "dual_simplex_cost_perturbation_multiplier": 0.0},
    "off, Devex": {"presolve": "off", "simplex_dual_edge_weight_strategy": 1},
    "off, Dantzig": {"presolve": "off", "simplex_dual_edge_weight_strategy": 0},
    "off, no scaling": {"presolve": "off", "simplex_scale_strategy": 0},
}


def highs_iterations(path, options, time_limit):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("time_limit", time_limit)
    for key, value in options.items():
        h.setOptionValue(key, value)
    h.readModel(path)
    h.run()
    return h.modelStatusToString(h.getModelStatus()), h.getInfo().simplex_iteration_count


def ours_from_log(path):
    counts = {}
    for line in open(path):
        if line.startswith("NETLIB "):
            fields = dict(f.split("=", 1) for f in line.split()[2:] if "=" in f)
            if fields.get("status") == "optimal":
                counts[line.split()[1]] = int(fields["iterations"])
    return counts


def ours_from_solver(scenario, path):
    done = subprocess.run([scenario, "lp", path, "--format", "json"], capture_output=True, text=True)
    result = json.loads(done.stdout)
    return result["iterations"] if result.get("status") == "optimal" else None


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ours-log", default=None)
    parser.add_argument("--scenario", default=os.path.join(ROOT, ".build", "release", "scenario"))
    parser.add_argument("--netlib", default=os.path.join(os.path.dirname(ROOT), "shared", "netlib"))
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per HiGHS solve")
    parser.add_argument("--only", default=None)
    args = parser.parse_args()

    with open(os.path.join(args.netlib, "REFERENCE.tsv")) as f:
        names = [line.split("\t")[0] for line in f.read().splitlines()[1:]]
    if args.only:
        names = [n for n in names if n in set(args.only.split(","))]
    logged = ours_from_log(args.ours_log) if args.ours_log else {}

    ours, highs = {}, {}
    for name in names:
        path = os.path.join(args.netlib, name + ".mps")
        ours[name] = logged.get(name) if args.ours_log else ours_from_solver(args.scenario, path)
        highs[name] = {c: highs_iterations(path, o, args.time_limit) for c, o in CONFIGURATIONS.items()}
        print(name, ours[name], json.dumps(highs[name]), flush=True)

    def solved(name, configuration):
        status, count = highs[name][configuration]
        return status == "Optimal" and count > 0

    print()
    for c in CONFIGURATIONS:
        ratios = [ours[n] / highs[n][c][1] for n in names if ours[n] and solved(n, c)]
        print(f"ours / HiGHS ({c}): geometric mean {geometric_mean(ratios):.2f} over {len(ratios)} problems")
    for c in CONFIGURATIONS:
        if c == "presolve off":
            continue
        ratios = [highs[n][c][1] / highs[n]["presolve off"][1] for n in names
                  if solved(n, c) and solved(n, "presolve off")]
        print(f"HiGHS ({c}) / HiGHS (presolve off): geometric mean {geometric_mean(ratios):.2f} over {len(ratios)}")
    print()
    for c in ("default", "presolve off"):
        worst = sorted(((ours[n] / highs[n][c][1], n) for n in names if ours[n] and solved(n, c)), reverse=True)[:8]
        print(f"largest ours / HiGHS ({c}): " + ", ".join(f"{n} {r:.1f}" for r, n in worst))


if __name__ == "__main__":
    main()
