#!/usr/bin/env python3
"""Random but realistic scenario files (SCENARIO-SPEC section 2), one per seed.

    python3 generate.py --seed 7 [--output FILE]

2-40 services with baselines from £1k to £5m, 1-5 funds (some uncut, some
ring-fenced to 1-4 services), priorities 0-3, minimums as amounts or
percentages (0-90%), some services protected, some with a max above the
baseline, 0-4 groups with limits as amounts or percentages of the envelope,
tiers or weighted mode (weights 0-5, with ties). Every file is valid per
section 2, and at every cut from -10% to 60% some amount of extra money
makes it feasible (section 6: otherwise the file is a validation error).
Most are feasible at a 0% cut; some are not.
"""

from __future__ import annotations

import argparse
import json
import random
import sys

from reference import deficit, money_scale
from scenario_toml import parse

SWEEP_RANGE = (-10.0, 60.0)
WEIGHTS = [0, 0.5, 1, 1, 1, 1.5, 2, 2, 3, 4, 5]


def _money(rng: random.Random, value: float):
    """Round money the way analysts write it: mostly whole hundreds or
    thousands, now and then pence."""
    roll = rng.random()
    if roll < 0.1:
        return round(value, 2)
    if roll < 0.25:
        return int(round(value))
    step = 1000 if value >= 100_000 else 100
    return int(round(value / step) * step)


def _percent(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


def _resolve(value, reference: float) -> float:
    if isinstance(value, str):
        return reference * float(value[:-1]) / 100
    return float(value)


def _service(rng: random.Random, index: int, priorities: list[int], weighted: bool) -> dict:
    baseline = _money(rng, 10 ** rng.uniform(3, 6.699))
    baseline = max(baseline, 1000)
    service = {"id": f"s{index:02d}", "name": f"Service {index}", "baseline": baseline}
    roll = rng.random()
    if roll < 0.30:
        service["min"] = _percent(rng.choice([rng.randrange(0, 91, 5), rng.uniform(0, 90)]))
    elif roll < 0.55:
        service["min"] = _money(rng, baseline * rng.uniform(0, 0.9))
    if rng.random() < 0.1:
        service["protected"] = True
    roll = rng.random()
    if roll < 0.2:
        factor = rng.uniform(1.05, 1.5)
        service["max"] = _percent(100 * factor) if rng.random() < 0.5 else _money(rng, baseline * factor)
    elif roll < 0.3 and not service.get("protected"):
        low = _resolve(service.get("min", 0), baseline) / baseline
        factor = rng.uniform(max(low, 0.6), 1.0)
        service["max"] = _percent(100 * factor) if rng.random() < 0.5 else _money(rng, baseline * factor)
    minimum = _resolve(service.get("min", 0), baseline)
    maximum = _resolve(service.get("max", "100%"), baseline)
    if minimum > maximum or (service.get("protected") and maximum < baseline):
        del service["max"]
    priority = rng.choice(priorities)
    if priority or rng.random() < 0.3:
        service["priority"] = priority
    if weighted or rng.random() < 0.1:
        service["weight"] = rng.choice(WEIGHTS)
    return service


def _funds(rng: random.Random, services: list[dict]) -> list[dict]:
    total = sum(s["baseline"] for s in services)
    if rng.random() < 0.12:
        # Short of the floors already at a 0% cut.
        floors = sum(max(_resolve(s.get("min", 0), s["baseline"]),
                         s["baseline"] if s.get("protected") else 0) for s in services)
        target = floors * rng.uniform(0.8, 0.99)
    else:
        target = total * rng.uniform(0.9, 1.2)
    funds = []
    for index in range(1, rng.randint(1, 5)):
        kind = rng.choice(["ring-fenced", "ring-fenced", "uncut", "cut"])
        fund = {"id": f"f{index}", "name": f"Fund {index}"}
        if kind == "ring-fenced":
            members = rng.sample(services, rng.randint(1, min(4, len(services))))
            fund["ring_fenced_for"] = [s["id"] for s in members]
            fund["amount"] = _money(rng, sum(s["baseline"] for s in members) * rng.uniform(0.2, 0.8))
            if rng.random() < 0.3:
                fund["cut"] = False
        else:
            fund["amount"] = _money(rng, total * rng.uniform(0.03, 0.2))
            if kind == "uncut":
                fund["cut"] = False
        funds.append(fund)
    main = max(target - sum(f["amount"] for f in funds), total * 0.05)
    return [{"id": "grant", "name": "Main grant", "amount": _money(rng, main)}] + funds


def _group(rng: random.Random, index: int, services: list[dict], envelope: float) -> dict:
    members = rng.sample(services, rng.randint(1, min(8, len(services))))
    baselines = sum(s["baseline"] for s in members)
    share = 100 * baselines / envelope
    group = {"id": f"g{index}", "name": f"Group {index}", "services": [s["id"] for s in members]}
    kind = rng.choice(["min", "max", "both"])
    low, high = rng.uniform(0.4, 0.9), rng.uniform(0.9, 1.3)
    as_amounts = rng.random() < 0.5
    if kind in ("min", "both"):
        group["min"] = _money(rng, baselines * low) if as_amounts else _percent(share * low)
    if kind in ("max", "both"):
        group["max"] = _money(rng, baselines * high) if as_amounts else _percent(share * high)
    return group


def _money_always_helps(document: dict) -> bool:
    """Whether D(c) is finite at both ends of the sweep range, hence (the set
    where it is finite being an interval) on all of it."""
    scenario = parse(document)
    scale = money_scale(scenario)
    return all(deficit(scenario, c, scale) < float("inf") for c in SWEEP_RANGE)


def _scaled(document: dict, factor: float) -> None:
    """Every amount of money in `document` times `factor` (percentages unchanged), rounded to
    twelve significant figures so that the file stays short."""
    def scale(value):
        if isinstance(value, str):
            return value
        return float(f"{value * factor:.12g}")
    for fund in document["fund"]:
        fund["amount"] = scale(fund["amount"])
    for service in document["service"]:
        for key in ("baseline", "min", "max"):
            if key in service:
                service[key] = scale(service[key])
        # A protected service's max of "100%" reads back a hair below an odd baseline, which
        # validation rejects as a max below the baseline: write the baseline itself.
        if service.get("protected") and service.get("max") == "100%":
            service["max"] = service["baseline"]
    for group in document.get("group", []):
        for key in ("min", "max"):
            if key in group:
                group[key] = scale(group[key])


def _mixed_group(rng: random.Random, index: int, services: list[dict], envelope: float) -> dict:
    """A group with one limit as an amount and the other in per cent of the envelope, on the
    same services: the two cross at some cut."""
    group = _group(rng, index, services, envelope)
    baselines = sum(s["baseline"] for s in services if s["id"] in group["services"])
    share = 100 * baselines / envelope
    low, high = rng.uniform(0.3, 0.8), rng.uniform(0.9, 1.3)
    if rng.random() < 0.5:
        group["min"], group["max"] = _money(rng, baselines * low), _percent(share * high)
    else:
        group["min"], group["max"] = _percent(share * low), _money(rng, baselines * high)
    return group


def _with_areas(document: dict, rng: random.Random) -> None:
    """Section 13: 2-6 areas, each with a fund of its own cut at a rate of 0 to 2 (the main grant
    shrinks by what they hold); about half the services belong to an area, a fifth are shared by
    some or all areas (contributions "equal" or fractions "n/N"), the rest draw only on funds
    with no area; the other funds keep no area and get rates of cut of 0 to 2 too."""
    services = document["service"]
    total = sum(s["baseline"] for s in services)
    areas = [f"a{index}" for index in range(1, rng.randint(2, 6) + 1)]
    document["area"] = [{"id": area, "name": f"Area {area[1:]}"} for area in areas]
    rates = [0, 0.5, 1, 1, 1, 1.5, 2]
    area_funds = []
    for area in areas:
        fund = {"id": f"{area}-grant", "name": f"Area {area[1:]} grant", "area": area,
                "amount": _money(rng, total * rng.uniform(0.4, 1.0) / len(areas))}
        rate = rng.choice(rates + [round(rng.uniform(0, 2), 3)])
        if rate != 1:
            fund["cut"] = rate
        area_funds.append(fund)
    main = document["fund"][0]
    main["amount"] = _money(rng, max(main["amount"] - sum(f["amount"] for f in area_funds), total * 0.05))
    for fund in document["fund"]:
        if rng.random() < 0.3:
            fund["cut"] = rng.choice(rates + [round(rng.uniform(0, 2), 3)])
    document["fund"] = document["fund"] + area_funds
    for service in services:
        roll = rng.random()
        if roll < 0.5:
            service["area"] = rng.choice(areas)
        elif roll < 0.7:
            if rng.random() < 0.4:
                service["contributions"] = "equal"
            else:
                payers = rng.sample(areas, rng.randint(1, len(areas)))
                parts = [rng.randint(1, 5) for _ in payers]
                service["contributions"] = {area: f"{part}/{sum(parts)}" for area, part in zip(payers, parts)}


def scenario_document(seed: int, regions: bool = False, areas: bool = False) -> dict:
    """The scenario for `seed`, as a TOML-shaped dictionary. With `regions`, also (from a
    second random stream, so the rest is the same scenario): money scaled by 1e-3 to 2e5,
    baselines from £1 to about £1e12, and in most scenarios a group with an amount limit
    and a per-cent limit on the same services."""
    document = _base_document(seed)
    if regions:
        rng = random.Random(f"regions {seed}")
        if rng.random() < 0.6:
            envelope = sum(f["amount"] for f in document["fund"])
            groups = document.get("group", [])
            for attempt in range(10):
                extra = _mixed_group(rng, len(groups) + 1, document["service"], envelope)
                document["group"] = groups + [extra]
                if _money_always_helps(document):
                    break
            else:
                document["group"] = groups
            if not document["group"]:
                del document["group"]
        factor = 10 ** rng.uniform(-3, 5.3)
        _scaled(document, factor)
        if factor < 1:
            document["unit"] = 1
    if areas:
        _with_areas(document, random.Random(f"areas {seed}"))
    return document


def _base_document(seed: int) -> dict:
    rng = random.Random(seed)
    weighted = rng.random() < 0.45
    priorities = rng.sample(range(4), rng.randint(1, 4))
    services = [_service(rng, i, priorities, weighted) for i in range(1, rng.randint(2, 40) + 1)]
    funds = _funds(rng, services)
    document = {
        "title": f"Generated scenario (seed {seed})",
        "source": "scripts/crosscheck/generate.py",
        "unit": rng.choice([1, 1, 1000]),
        "fund": funds,
        "service": services,
    }
    if weighted:
        document["objective"] = {"mode": "weighted"}
    envelope = sum(f["amount"] for f in funds)
    for attempt in range(10):
        groups = [_group(rng, i, services, envelope) for i in range(1, rng.randint(0, 4) + 1)]
        document["group"] = groups
        if _money_always_helps(document):
            break
    else:
        document["group"] = []
    if not document["group"]:
        del document["group"]
    return document


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    return repr(value)


def to_toml(document: dict) -> str:
    """The document as TOML text (the subset this generator produces)."""
    lines = []
    tables = []
    for key, value in document.items():
        if isinstance(value, dict):
            tables.append((key, value))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            tables.append((key, value))
        else:
            lines.append(f"{key} = {_value(value)}")
    for key, value in tables:
        entries = value if isinstance(value, list) else [value]
        header = f"[[{key}]]" if isinstance(value, list) else f"[{key}]"
        for entry in entries:
            lines.append("")
            lines.append(header)
            lines.extend(f"{k} = {_value(v)}" for k, v in entry.items())
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--output", help="write here instead of standard output")
    parser.add_argument("--regions", action="store_true",
                        help="money from £1 to £1e12 and amount and per-cent limits on the same services")
    parser.add_argument("--areas", action="store_true",
                        help="several commissioners (section 13): areas, rates of cut, shared services")
    args = parser.parse_args(argv)
    text = to_toml(scenario_document(args.seed, regions=args.regions, areas=args.areas))
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
