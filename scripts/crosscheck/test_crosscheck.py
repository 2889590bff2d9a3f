"""The comparison of crosscheck.py: what it lets through and what it flags."""

import copy

from crosscheck import compare

REFERENCE = {
    "max_feasible_cut_pct": 38.18181818,
    "cuts": [
        {"cut_pct": 10.0, "envelope": 990000.0, "status": "optimal",
         "services": [{"id": "hub", "allocation": 400000.0}, {"id": "rj", "allocation": 234000.0}]},
        {"cut_pct": 40.0, "envelope": 660000.0, "status": "infeasible", "deficit": 20000.0},
    ],
}


def ours(**changes):
    result = copy.deepcopy(REFERENCE)
    for path, value in changes.items():
        target = result
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[keys[-1]] = value
    return result


def test_identical_results_agree():
    assert compare(ours(), REFERENCE) == []


def test_money_within_one_pound_agrees():
    assert compare(ours(cuts__0__services__1__allocation=234000.99), REFERENCE) == []
    assert compare(ours(cuts__1__deficit=19999.01), REFERENCE) == []


def test_allocation_more_than_one_pound_off_is_named():
    problems = compare(ours(cuts__0__services__1__allocation=234001.5), REFERENCE)
    assert problems == ["cut 10.0%: rj: ours 234001.5000, reference 234000.0000 (difference +1.5000)"]


def test_deficit_more_than_one_pound_off_is_named():
    assert compare(ours(cuts__1__deficit=20001.5), REFERENCE) == [
        "cut 40.0%: deficit ours 20001.5, reference 20000.0"
    ]


def test_status_disagreement_is_named():
    problems = compare(ours(cuts__0__status="infeasible", cuts__0__deficit=3.0), REFERENCE)
    assert problems == ["cut 10.0%: status ours 'infeasible', reference 'optimal' (our deficit 3.0)"]


def test_maximum_cut_is_held_to_1e_4_points():
    assert compare(ours(max_feasible_cut_pct=38.18190), REFERENCE) == []
    assert compare(ours(max_feasible_cut_pct=38.1820), REFERENCE) == [
        "max_feasible_cut_pct: ours 38.182, reference 38.18181818"
    ]
    assert compare(ours(max_feasible_cut_pct=None), REFERENCE) == [
        "max_feasible_cut_pct: ours None, reference 38.18181818"
    ]


def test_missing_cut_and_missing_service_are_named():
    short = ours()
    del short["cuts"][1]
    del short["cuts"][0]["services"][0]
    assert compare(short, REFERENCE) == [
        "1 cuts, reference 2",
        "cut 10.0%: hub: no allocation in our output",
        "cut 40.0%: missing from our output",
    ]


def test_hopeless_cuts_agree_when_neither_side_has_a_deficit():
    hopeless = copy.deepcopy(REFERENCE)
    hopeless["cuts"][1]["deficit"] = None
    mine = copy.deepcopy(hopeless)
    del mine["cuts"][1]["deficit"]
    assert compare(mine, hopeless) == []
    assert compare(ours(), hopeless) == ["cut 40.0%: deficit ours 20000.0, reference None"]
