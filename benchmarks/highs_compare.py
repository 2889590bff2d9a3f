#!/usr/bin/env python3
"""HiGHS (highspy) on the LPs that run-comparison.sh exported with `scenario export`, beside the
built-in solver's figures measured in the same job (`scenario bench`).

(a) warm re-solve: HiGHS reads warm-10.mps and solves it; then, RESOLVES times, it sets the rows
    whose bounds differ between warm-10.mps and warm-12.mps to the other cut's values and calls
    h.run(), warm from its own last basis. Only h.run() is timed. The built-in figure is the
    first row of `scenario bench` (the same LP, the same alternation; it times bound changes too).
(c) first-stage LPs of the generated 1000/50/100 model at the feasible cuts of 5..20% step 1
    (5..17%; sweep-*.mps):
    cold (a new Highs per LP, h.run() timed) and warm (one Highs; each next LP's row bounds set,
    h.run() timed), beside `scenario bench --mps` on the same files. Objectives are compared.

Usage: python3 highs_compare.py OUTDIR [RESOLVES]
"""
import csv
import glob
import re
import statistics
import sys
import time

import highspy


def read(path):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    if h.readModel(path) != highspy.HighsStatus.kOk:
        sys.exit(f"HiGHS could not read {path}")
    return h


def row_bounds(h):
    lp = h.getLp()
    return list(lp.row_lower_), list(lp.row_upper_)


def warm_resolve(out, resolves):
    h = read(f"{out}/warm-10.mps")
    h.run()
    bounds = [row_bounds(h), row_bounds(read(f"{out}/warm-12.mps"))]
    changed = [i for i in range(len(bounds[0][0]))
               if bounds[0][0][i] != bounds[1][0][i] or bounds[0][1][i] != bounds[1][1][i]]
    objectives = [h.getInfo().objective_function_value, None]
    times, iterations = [], 0
    for r in range(resolves):
        lower, upper = bounds[(r + 1) % 2]
        for i in changed:
            h.changeRowBounds(i, lower[i], upper[i])
        start = time.perf_counter()
        h.run()
        times.append(time.perf_counter() - start)
        iterations += h.getInfo().simplex_iteration_count
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            sys.exit("HiGHS warm re-solve not optimal")
        objectives[(r + 1) % 2] = h.getInfo().objective_function_value
    return {"mean": statistics.fmean(times), "median": statistics.median(times), "iterations": iterations,
            "objectives": objectives, "changed": len(changed)}


def sequence(paths):
    cold_seconds, cold_objectives = [], []
    for path in paths:
        h = read(path)
        start = time.perf_counter()
        h.run()
        cold_seconds.append(time.perf_counter() - start)
        cold_objectives.append(h.getInfo().objective_function_value)
    h = read(paths[0])
    warm_seconds, warm_objectives = [], []
    for path in paths:
        lower, upper = row_bounds(read(path))
        start = time.perf_counter()
        h.changeRowsBounds(len(lower), list(range(len(lower))), lower, upper)
        h.run()
        warm_seconds.append(time.perf_counter() - start)
        warm_objectives.append(h.getInfo().objective_function_value)
    return cold_seconds, cold_objectives, warm_seconds, warm_objectives


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "out"
    resolves = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    print(f"highspy / HiGHS {highspy.Highs().version()}")

    bench = open(f"{out}/bench.txt").read()
    match = re.search(r"warm re-solve.*?([0-9.]+) µs per re-solve", bench)
    built_in = float(match.group(1)) * 1e-6 if match else None
    a = warm_resolve(out, resolves)
    print(f"(a) warm re-solve of the 10-service LP, cut 10% <-> 12% ({a['changed']} rows change)")
    print(f"    HiGHS h.run(): mean {a['mean'] * 1e6:.2f} us, median {a['median'] * 1e6:.2f} us over {resolves}"
          f" ({a['iterations']} simplex iterations in all); objectives {a['objectives'][0]:.12g}, {a['objectives'][1]:.12g}")
    if built_in:
        print(f"    built-in (scenario bench): {built_in * 1e6:.2f} us; HiGHS mean / built-in = {a['mean'] / built_in:.1f}x")

    paths = sorted(glob.glob(f"{out}/sweep-*.mps"))
    if not paths:
        return
    with open(f"{out}/bench-mps.tsv") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    cold, cold_obj, warm, warm_obj = sequence(paths)
    swift_cold = sum(float(r["cold_seconds"]) for r in rows)
    swift_warm = sum(float(r["warm_seconds"]) for r in rows)
    worst = max(max(abs(float(r["cold_objective"]) - c), abs(float(r["warm_objective"]) - w))
                for r, c, w in zip(rows, cold_obj, warm_obj))
    cuts = [int(re.search(r"sweep-(\d+)\.mps$", p).group(1)) for p in paths]
    print(f"(c) {len(paths)} first-stage LPs of the generated 1000/50/100 model, cuts {cuts[0]}..{cuts[-1]}% "
          f"({rows[0]['rows']} rows x {rows[0]['columns']} columns)")
    print(f"    cold, each from scratch : built-in {swift_cold * 1e3:.1f} ms, HiGHS {sum(cold) * 1e3:.1f} ms, "
          f"HiGHS / built-in = {sum(cold) / swift_cold:.3f}x")
    print(f"    warm, each from the last: built-in {swift_warm * 1e3:.1f} ms, HiGHS {sum(warm) * 1e3:.1f} ms, "
          f"HiGHS / built-in = {sum(warm) / swift_warm:.3f}x")
    print(f"    largest objective difference (the top tier's shortfall, a fraction): {worst:.2e}")


if __name__ == "__main__":
    main()
