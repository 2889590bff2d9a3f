#!/usr/bin/env python3
"""A synthetic national model for the areas benchmark (SCENARIO-SPEC section 13), fixed by a seed.

43 areas (the PCC areas of England and Wales, as many as there are) in 9 regions of 4-6
areas; each area has one fund (£0.8m-£10m, cut at a rate of 0.5, 1 or 1.5) and 30 services
(baselines splitting about its fund, minimums 0-60%, priorities 0-2, one protected hub); each
region shares 2 regional services, paid equally or in proportion to the areas' funds; one
national fund with no area (5% of the total, not cut) pays any service.

    python3 national_model.py [--seed 1] > national-43.toml
"""
import argparse
import random
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    lines = ['title = "National model: 43 areas, 30 services each, regional shared services"',
             'source = "benchmarks/national_model.py (synthetic)"', "unit = 1", ""]
    areas = [f"area-{i:02d}" for i in range(1, 44)]
    regions, position = [], 0
    while position < len(areas):
        size = min(rng.randint(4, 6), len(areas) - position)
        regions.append(areas[position:position + size])
        position += size
    funds = {area: rng.randint(800, 10_000) * 1000 for area in areas}
    for area in areas:
        lines += ["[[area]]", f'id = "{area}"', ""]
    lines += ["[[fund]]", 'id = "national"', f"amount = {sum(funds.values()) // 20}", "cut = false", ""]
    for area in areas:
        lines += ["[[fund]]", f'id = "{area}-grant"', f"amount = {funds[area]}", f'area = "{area}"',
                  f"cut = {rng.choice([0.5, 1, 1, 1.5])}", ""]
    shares = {area: 0.0 for area in areas}
    for r, region in enumerate(regions, 1):
        for k in (1, 2):
            baseline = 20_000 * len(region) * k
            lines += ["[[service]]", f'id = "region-{r}-shared-{k}"', f"baseline = {baseline}", "priority = 2"]
            if k == 1:
                lines.append('contributions = "equal"')
                for area in region:
                    shares[area] += baseline / len(region)
            else:
                total = sum(funds[a] for a in region)
                lines.append("contributions = { " + ", ".join(f'{a} = "{funds[a]}/{total}"' for a in region) + " }")
                for area in region:
                    shares[area] += baseline * funds[area] / total
            lines.append("")
    for area in areas:
        rest = funds[area] * rng.uniform(0.95, 1.1) - shares[area]
        weights = [rng.uniform(0.2, 1.0) for _ in range(30)]
        for index, weight in enumerate(weights, 1):
            baseline = max(1000, round(rest * weight / sum(weights), -2))
            lines += ["[[service]]", f'id = "{area}-s{index:02d}"', f"baseline = {baseline:.0f}", f'area = "{area}"']
            if index == 1:
                lines.append("protected = true")
            else:
                lines.append(f'min = "{rng.choice([0, 0, 20, 40, 60])}%"')
                lines.append(f"priority = {rng.choice([0, 0, 1, 2])}")
            lines.append("")
    sys.stdout.write("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
