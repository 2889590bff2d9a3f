#!/usr/bin/env python3
"""Turns a scenario file into a three-year plan for the plan benchmark (benchmarks/README.md):
a [plan] table (base year 2016/17, years 2017/18 to 2019/20, inflation 2%) after the top-level
keys, and, from a fixed seed, for about a quarter of the services a start, an end, a contract
(fixed_until) or an uplift of their own; starts and ends only for services in no group, whose
cash limits would otherwise outlast their members.

    python3 plan_from_scenario.py IN.toml OUT.toml [--seed 1]
"""

import argparse
import random
import re
import tomllib

PLAN = """
[plan]
base_year = "2016/17"
years = ["2017/18", "2018/19", "2019/20"]
inflation = "2%"
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    text = open(args.input, encoding="utf-8").read()
    grouped = {sid for group in tomllib.loads(text).get("group", []) for sid in group["services"]}
    first_table = re.search(r"^\[", text, flags=re.MULTILINE)
    cut = first_table.start() if first_table else len(text)
    parts = [text[:cut], PLAN.lstrip("\n") + "\n"]
    for chunk in re.split(r"(?=^\[\[service\]\]$)", text[cut:], flags=re.MULTILINE):
        parts.append(chunk)
        if not chunk.startswith("[[service]]") or "protected = true" in chunk:
            continue
        service_id = re.search(r'^id = "([^"]*)"', chunk, flags=re.MULTILINE).group(1)
        roll = rng.random()
        if service_id in grouped and roll < 0.14:
            continue
        if roll < 0.08:
            parts.append('starts = 2017-10-01\n')
        elif roll < 0.14:
            parts.append('ends = 2018-12-31\n')
        elif roll < 0.20:
            parts.append('fixed_until = 2018-03-31\n')
        elif roll < 0.25:
            parts.append('uplift = "0%"\n')
    body = "".join(parts)
    open(args.output, "w", encoding="utf-8").write(body)


if __name__ == "__main__":
    main()
