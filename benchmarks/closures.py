#!/usr/bin/env python3
"""Closable services (SCENARIO-SPEC section 12) on a generated 100-service scenario.

Generates `scenario generate --services 100 --funds 5 --groups 10 --seed SEED`, multiplies
every fund by FUNDS_FACTOR (0.55: the minimums bind within the sweep), with
--amount-group-minimums turns group minimums in per cent into amounts, marks every
service with a minimum above 0 and not protected, whose number is a multiple of EVERY,
closable, and times against the same file without closures:

- `scenario sweep --cut 5..30% --step 1 --format json` (26 cuts),
- `scenario breakpoints --cut 5..30% --format json`,

each the best of REPEATS runs. Prints the times, their ratio to the file without closures,
the maximum feasible cut of both, the closures chosen at each cut and the jumps found, and
`uptime`. Usage: python3 benchmarks/closures.py [--binary .build/release/scenario]
"""
import argparse, json, os, re, subprocess, sys, tempfile, time

def generate(binary, seed):
    return subprocess.run([binary, "generate", "--services", "100", "--funds", "5", "--groups", "10",
                           "--seed", str(seed)], check=True, capture_output=True, text=True).stdout

def shrink_funds(text, factor):
    """Every fund's amount times `factor` (whole pounds), so that the minimums bind within the sweep."""
    return re.sub(r"(?m)^amount = (\d+)$", lambda m: f"amount = {round(int(m.group(1)) * factor)}", text)

def amount_group_minimums(text):
    """Each group minimum in per cent of the envelope as that amount of the 0% envelope, so that
    feasibility is monotone in the cut (docs/CLOSURES.md) and the closures hold between jumps."""
    envelope = sum(int(m) for m in re.findall(r"(?m)^amount = (\d+)$", text))
    tables = re.split(r"(?m)^(?=\[\[)", text)
    return "".join(
        re.sub(r'(?m)^min = "([0-9.]+)%"$', lambda m: f"min = {round(float(m.group(1)) / 100 * envelope)}", t)
        if t.startswith("[[group]]") else t for t in tables)

def mark_closable(text, every):
    tables = re.split(r"(?m)^(?=\[\[)", text)
    out, marked = [], []
    for table in tables:
        m = re.match(r"\[\[service\]\]\nid = \"service-(\d+)\"", table)
        if m and int(m.group(1)) % every == 0 and "protected = true" not in table and re.search(r"(?m)^min = ", table):
            table = table.replace(f'id = "service-{m.group(1)}"\n', f'id = "service-{m.group(1)}"\nclosable = true\n', 1)
            marked.append(f"service-{m.group(1)}")
        out.append(table)
    return "".join(out), marked

def timed(command, repeats):
    best, output = None, None
    for _ in range(repeats):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
        best = elapsed if best is None else min(best, elapsed)
        output = result.stdout
    return best, output

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/scenario")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--every", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--funds-factor", type=float, default=0.55)
    parser.add_argument("--amount-group-minimums", action="store_true")
    args = parser.parse_args()
    plain = shrink_funds(generate(args.binary, args.seed), args.funds_factor)
    if args.amount_group_minimums:
        plain = amount_group_minimums(plain)
    closable, marked = mark_closable(plain, args.every)
    print(f"seed {args.seed}: {len(marked)} closable services: {', '.join(marked)}")
    with tempfile.TemporaryDirectory() as directory:
        paths = {}
        for name, text in [("plain", plain), ("closable", closable)]:
            paths[name] = os.path.join(directory, f"{name}.toml")
            with open(paths[name], "w") as handle:
                handle.write(text)
        times, sweeps, points = {}, {}, {}
        for name, path in paths.items():
            sweep_time, sweep = timed([args.binary, "sweep", path, "--cut", "5..30%", "--step", "1", "--format", "json"], args.repeats)
            points_time, breakpoints = timed([args.binary, "breakpoints", path, "--cut", "5..30%", "--format", "json"], args.repeats)
            times[name] = (sweep_time, points_time)
            sweeps[name] = json.loads(sweep)
            points[name] = json.loads(breakpoints)
    for name in ["plain", "closable"]:
        print(f"{name:9s} sweep 26 cuts {times[name][0]:7.3f} s   breakpoints {times[name][1]:7.3f} s   "
              f"max cut {sweeps[name]['max_feasible_cut_pct']}%")
    print(f"ratio closable/plain: sweep {times['closable'][0] / times['plain'][0]:.2f}, "
          f"breakpoints {times['closable'][1] / times['plain'][1]:.2f}")
    for cut in sweeps["closable"]["cuts"]:
        closed = cut.get("closed", [])
        extra = f", deficit {cut['deficit']}" if cut["status"] == "infeasible" else ""
        print(f"  {cut['cut_pct']:>5}%: {cut['status']:10s} closed {len(closed)}: {' '.join(closed)}{extra}")
    jumps = [b for b in points["closable"]["breakpoints"] if "jump" in b]
    print(f"jumps in 5..30%: {len(jumps)} at " + ", ".join(f"{b['cut_pct']:.4f}%" for b in jumps))
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())

if __name__ == "__main__":
    main()
