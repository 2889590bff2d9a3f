#!/usr/bin/env python3
"""Writes scenarios/national-pcc-grants.toml from ../shared/data/per_pcc_mo_j_grant_points.tsv.

Every PCC area of the table becomes an [[area]] with one fund: its most recent published
victims' grant (the table's figure, year and wording quoted in a comment). Each area's
services are generated, not published: the grant split in fixed proportions between four
kinds of service (SERVICE_KINDS), each named "(generated)". Regional services are shared by
the areas of one region (REGIONAL_SERVICES). Every assumption is written as a comment in the
file.

    python3 scripts/areas/national_scenario.py ../shared/data/per_pcc_mo_j_grant_points.tsv \
        > scenarios/national-pcc-grants.toml
"""

from __future__ import annotations

import csv
import re
import sys

# assumption: the shares of an area's grant, after its regional contributions, that each kind
# of generated service takes; the hub is the referral service every PCC commissions first.
SERVICE_KINDS = [
    ("hub", "Victims' referral hub", 0.40, {"protected": True}),
    ("idva", "Domestic abuse advocacy (IDVA)", 0.25, {"min": "60%", "priority": 1}),
    ("isva", "Sexual violence advocacy (ISVA)", 0.20, {"min": "60%", "priority": 1}),
    ("rj", "Restorative justice", 0.15, {"min": "25%"}),
]

# assumption: regional services shared by neighbouring PCC areas of the table, each at a
# baseline per paying area, paid in proportion to the areas' grants ("P%") or equally.
REGIONAL_SERVICES = [
    ("eastern-coordinator", "Eastern Region Victims Services Co-ordinator",
     ["Cambridgeshire", "Essex", "Hertfordshire"], 10_000, "equal",
     "seed 002: the Eastern Region co-ordinator, 'up to £10k per county'; here the three Eastern areas of the table"),
    ("south-east-modern-slavery", "South East modern slavery victims' service",
     ["Kent", "Surrey", "Thames Valley"], 25_000, "grants",
     "assumption: a service for victims of modern slavery commissioned across the South East"),
    ("national-homicide-support", "Support for families bereaved by homicide",
     None, 5_000, "grants",
     "assumption: a service every area of the table pays into, in proportion to its grant"),
]


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def latest_grants(path: str) -> dict[str, dict]:
    """Per PCC area (in the table's order) its most recent row: the last listed."""
    grants: dict[str, dict] = {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            grants[row["pcc_area"]] = row
    return grants


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv: list[str]) -> int:
    grants = latest_grants(argv[1])
    lines = [
        "# Victims' services of every PCC area with a published grant in",
        "# ../shared/data/per_pcc_mo_j_grant_points.tsv, as one national scenario with several",
        "# commissioners. Written by scripts/areas/national_scenario.py: edit that, not this file.",
        "#",
        "# Published: each area's grant (its most recent row in the table, quoted below with its year).",
        "# Generated, not published: every service below is split from its area's grant in fixed",
        "# proportions and named \"(generated)\"; the regional services, their baselines and who pays",
        "# them are assumptions. Years differ between areas: the figures are each area's latest.",
        "",
        'title = "Victims\' services of the PCC areas with a published grant"',
        'currency = "GBP"',
        'source = "PCC grants: per_pcc_mo_j_grant_points.tsv (each area\'s latest published figure); '
        'services generated from the grants in fixed proportions; regional services, minimums, '
        'priorities and protections are assumptions"',
        "unit = 1",
        "",
        "[objective]",
        'mode = "tiers"',
    ]
    areas = list(grants)
    for area in areas:
        lines += ["", "[[area]]", f"id = {quote(slug(area))}", f"name = {quote(area)}"]
    shares_of: dict[str, float] = {area: 0.0 for area in areas}
    services: list[str] = []
    for sid, name, payers, per_area, split, note in REGIONAL_SERVICES:
        payers = payers or areas
        baseline = per_area * len(payers)
        total_grant = sum(float(grants[p]["amount_gbp"]) for p in payers)
        services += ["", f"# {note}.", "[[service]]", f"id = {quote(sid)}", f"name = {quote(name)}",
                     f"baseline = {baseline}"]
        if split == "equal":
            services.append('contributions = "equal"' if payers == areas else
                            "contributions = { " + ", ".join(f"{slug(p)} = \"1/{len(payers)}\"" for p in payers) + " }")
            for p in payers:
                shares_of[p] += baseline / len(payers)
        else:
            # Percentages to four decimals, the last taking the rest so they add up to 100%.
            percents = [round(100 * float(grants[p]["amount_gbp"]) / total_grant, 4) for p in payers[:-1]]
            percents.append(round(100 - sum(percents), 4))
            services.append("contributions = { " + ", ".join(
                f"{slug(p)} = \"{pct:g}%\"" for p, pct in zip(payers, percents)) + " }")
            for p, pct in zip(payers, percents):
                shares_of[p] += baseline * pct / 100
        services += ["# assumption: a regional service is cut only after the areas' own services.", "priority = 2"]
    for area in areas:
        row = grants[area]
        amount = float(row["amount_gbp"])
        amount_text = f"{amount:.2f}".rstrip("0").rstrip(".")
        lines += [
            "", f"# {area}, {row['year']}: {row['verbatim_text']} ({row['source_url']}).",
            "[[fund]]", f"id = {quote(slug(area) + '-grant')}", f"name = {quote(area + ' victims grant')}",
            f"amount = {amount_text}", f"area = {quote(slug(area))}",
        ]
        rest = amount - shares_of[area]
        for kind, name, share, keys in SERVICE_KINDS:
            baseline = round(rest * share, 2)
            services += ["", "[[service]]", f"id = {quote(slug(area) + '-' + kind)}",
                         f"name = {quote(area + ' ' + name + ' (generated)')}",
                         f"# generated: {share:.0%} of the grant after the area's regional contributions.",
                         f"baseline = {baseline:.2f}".rstrip("0").rstrip("."), f"area = {quote(slug(area))}"]
            for key, value in keys.items():
                services.append(f"# assumption: the {name.lower()} of every area has {key} = {value}.".replace("True", "true"))
                services.append(f"{key} = " + ("true" if value is True else quote(value) if isinstance(value, str) else str(value)))
    sys.stdout.write("\n".join(lines + services) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
