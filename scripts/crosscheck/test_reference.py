"""The reference implementation against the worked example of SCENARIO-SPEC
section 9: every figure asserted here is one printed in the spec."""

import tomllib
from pathlib import Path

import pytest

from reference import evaluate
from scenario_toml import parse

EXAMPLE = Path(__file__).with_name("examples") / "worked-example.toml"
IDS = ["hub", "idva", "rj", "counselling"]


def worked_example(weighted: bool = False):
    document = tomllib.loads(EXAMPLE.read_text())
    if weighted:
        document["objective"] = {"mode": "weighted"}
        services = {s["id"]: s for s in document["service"]}
        services["idva"]["weight"] = 3
        services["rj"]["weight"] = 2
    return parse(document)


def allocations(cut: dict) -> list[float]:
    assert [s["id"] for s in cut["services"]] == IDS
    return [s["allocation"] for s in cut["services"]]


TIERS_TABLE = {
    0: (1_100_000, [400_000, 200_000, 300_000, 200_000]),
    10: (990_000, [400_000, 200_000, 234_000, 156_000]),
    20: (880_000, [400_000, 200_000, 180_000, 100_000]),
    30: (770_000, [400_000, 190_000, 180_000, 0]),
}

WEIGHTED_TABLE = {
    10: [400_000, 200_000, 300_000, 90_000],
    20: [400_000, 200_000, 280_000, 0],
    30: [400_000, 190_000, 180_000, 0],
}


@pytest.fixture(scope="module")
def tiers():
    return evaluate(worked_example(), [0, 10, 20, 30, 40])


@pytest.fixture(scope="module")
def weighted():
    return evaluate(worked_example(weighted=True), [10, 20, 30, 40])


@pytest.mark.parametrize("cut_pct", sorted(TIERS_TABLE))
def test_tiers_mode_reproduces_the_table(tiers, cut_pct):
    envelope, expected = TIERS_TABLE[cut_pct]
    cut = next(c for c in tiers["cuts"] if c["cut_pct"] == cut_pct)
    assert cut["status"] == "optimal"
    assert cut["envelope"] == pytest.approx(envelope, abs=1e-6)
    assert allocations(cut) == pytest.approx(expected, abs=1e-3)


def test_forty_percent_is_infeasible_with_a_deficit_of_20000(tiers):
    cut = tiers["cuts"][-1]
    assert cut["cut_pct"] == 40
    assert cut["envelope"] == pytest.approx(660_000, abs=1e-6)
    assert cut["status"] == "infeasible"
    assert cut["deficit"] == pytest.approx(20_000, abs=1e-3)
    assert "services" not in cut


def test_maximum_feasible_cut_is_where_the_envelope_meets_680000(tiers):
    # 1,100,000 (1 - c) = 680,000
    assert tiers["max_feasible_cut_pct"] == pytest.approx(100 * (1 - 680_000 / 1_100_000), abs=1e-6)


@pytest.mark.parametrize("cut_pct", sorted(WEIGHTED_TABLE))
def test_weighted_mode_reproduces_the_table(weighted, cut_pct):
    cut = next(c for c in weighted["cuts"] if c["cut_pct"] == cut_pct)
    assert cut["status"] == "optimal"
    assert allocations(cut) == pytest.approx(WEIGHTED_TABLE[cut_pct], abs=0.01)


@pytest.mark.parametrize(("cut_pct", "best"), [(10, 1_690_000), (20, 1_560_000)])
def test_weighted_mode_spends_its_relative_slack_on_the_tiers(weighted, cut_pct, best):
    # The rule holds sum w x only to within a relative 1e-9 of its maximum,
    # and then applies tiers: counselling (weight 1, the largest shortfall)
    # takes the slack from rj (weight 2), i.e. 1e-9 * best / (2 - 1) pounds.
    cut = next(c for c in weighted["cuts"] if c["cut_pct"] == cut_pct)
    hub, idva, rj, counselling = allocations(cut)
    # (To within 1e-4 pounds: the reference loosens floors by 1e-10 of its
    # money scale, here 275,000, to keep later LPs feasible.)
    slack = 1e-9 * best
    assert counselling - WEIGHTED_TABLE[cut_pct][3] == pytest.approx(slack, abs=1e-4)
    assert WEIGHTED_TABLE[cut_pct][2] - rj == pytest.approx(slack, abs=1e-4)


def test_weighted_mode_has_the_same_feasibility(weighted):
    assert weighted["cuts"][-1]["status"] == "infeasible"
    assert weighted["cuts"][-1]["deficit"] == pytest.approx(20_000, abs=1e-3)
    assert weighted["max_feasible_cut_pct"] == pytest.approx(38.181818181818, abs=1e-6)


GROWTH_AND_GROUP = """
title = "Growth and a group limit"

[[fund]]
id = "grant"
amount = 1_000_000

[[service]]
id = "a"
baseline = 500_000
max = "120%"

[[service]]
id = "b"
baseline = 500_000

[[group]]
id = "a-cap"
services = ["a"]
max = "40%"
"""


@pytest.mark.parametrize(
    ("cut_pct", "expected"),
    [
        # E = 1.1M: b cannot grow (max 100%), so t* = 0 pins b; a takes the
        # other 100k, up to its max of 600k... but the group caps a at 40% of
        # 1.1M = 440k, and the remaining 160k stays unallocated.
        (-10, [440_000, 500_000]),
        # E = 900k: an equal cut would give each 450k, but a is capped at
        # 40% of 900k = 360k (shortfall 28%); b then takes its full 500k and
        # 40k is unallocated.
        (10, [360_000, 500_000]),
        # E = 500k: equal 50% cuts (250k each); a's cap of 200k binds, so a
        # gets 200k (60% cut) and b the other 300k (40% cut).
        (50, [200_000, 300_000]),
    ],
)
def test_group_percentage_of_the_envelope_and_growth(cut_pct, expected):
    result = evaluate(parse(tomllib.loads(GROWTH_AND_GROUP)), [cut_pct])
    cut = result["cuts"][0]
    assert cut["status"] == "optimal"
    assert [s["allocation"] for s in cut["services"]] == pytest.approx(expected, abs=1e-3)
    # No floors at all: every cut short of 100% is feasible.
    assert result["max_feasible_cut_pct"] == 100.0


def test_a_percentage_cap_under_a_floor_ends_the_feasible_range():
    text = GROWTH_AND_GROUP.replace('max = "120%"', 'min = "50%"') + """
[[fund]]
id = "council"
amount = 250_000
cut = false
"""
    result = evaluate(parse(tomllib.loads(text)), [60, 99])
    # a needs 250k but may have only 40% of E(c) = 0.4 (1M (1 - c) + 250k):
    # feasible up to 1M (1 - c) = 375k, c = 62.5%.
    assert result["max_feasible_cut_pct"] == pytest.approx(62.5, abs=1e-6)
    # At 60%: E = 650k, a capped at 260k (48% cut), b takes 390k (22% cut).
    at60, at99 = result["cuts"]
    assert [s["allocation"] for s in at60["services"]] == pytest.approx([260_000, 390_000], abs=1e-3)
    # At 99% no amount of extra money meets both: infeasible, no finite deficit.
    assert at99["status"] == "infeasible"
    assert at99["deficit"] is None


SMALL_FLOOR_UNDER_A_CAP = """
title = "A small floor under a per-cent cap"

[[fund]]
id = "grant"
amount = 4_000_000

[[service]]
id = "large"
baseline = 3_000_000

[[service]]
id = "small"
baseline = 5_000
min = "35%"

[[group]]
id = "small-cap"
services = ["small"]
max = "0.1%"
"""


def test_a_small_service_is_held_to_its_own_floor_not_to_the_money_scale():
    # small needs 1,750 and may have 0.1% of E(c) = 4M (1 - c): feasible up to
    # c = 56.25%. Feasibility judged to 1e-9 of the mean baseline (1.5M) would
    # let small fall £0.0015 short of its floor, up to 4e-5 points past 56.25.
    result = evaluate(parse(tomllib.loads(SMALL_FLOOR_UNDER_A_CAP)), [56.25 - 1e-6, 56.25 + 1e-6])
    assert result["max_feasible_cut_pct"] == pytest.approx(56.25, abs=1e-7)
    below, above = result["cuts"]
    assert below["status"] == "optimal"
    # At 56.25 - 1e-6: E = 1,750,000.04, small at its cap of 1,750.00004.
    assert [s["allocation"] for s in below["services"]] == pytest.approx([1_748_250.04, 1_750.00004], abs=1e-4)
    assert above["status"] == "infeasible"
    assert above["deficit"] is None


@pytest.mark.parametrize("estate, proportional, equal_losses, equal_awards", [
    (100, [100 / 6, 100 / 3, 50], [0, 0, 100], [100 / 3, 100 / 3, 100 / 3]),
    (200, [100 / 3, 200 / 3, 100], [0, 50, 150], [200 / 3, 200 / 3, 200 / 3]),
    (300, [50, 100, 150], [0, 100, 200], [100, 100, 100]),
])
def test_fairness_measures_are_the_classic_claims_rules(estate, proportional, equal_losses, equal_awards):
    """Section 14: with one fund, no floors and one tier, relative, cash and award are the
    proportional rule, constrained equal losses and constrained equal awards; Aumann and
    Maschler's claims of 100, 200 and 300 at estates of 100, 200 and 300."""
    for fairness, expected in (("relative", proportional), ("cash", equal_losses), ("award", equal_awards)):
        document = {
            "title": "claims", "objective": {"fairness": fairness},
            "fund": [{"id": "estate", "amount": estate, "cut": False}],
            "service": [{"id": f"c{i}", "baseline": claim} for i, claim in enumerate((100, 200, 300))],
        }
        (cut,) = evaluate(parse(document), [0.0])["cuts"]
        assert [s["allocation"] for s in cut["services"]] == pytest.approx(expected, abs=1e-6)
