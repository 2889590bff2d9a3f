"""bindings.py's own definitions on hand-worked cases: the binding reasons of the worked
example (SCENARIO-SPEC section 9) and a group minimum, and the tight limits either side of a
breakpoint."""

import tomllib
from pathlib import Path

from bindings import expected_bindings, tight_limits
from reference import allocation, money_scale
from scenario_toml import parse

EXAMPLE = Path(__file__).with_name("examples") / "worked-example.toml"


def worked_example():
    return parse(tomllib.loads(EXAMPLE.read_text()))


def labels(scenario, cut):
    return expected_bindings(scenario, cut, allocation(scenario, cut, money_scale(scenario)))


def test_worked_example_reasons():
    scenario = worked_example()
    # 10%: idva whole while priority 0 takes the cut; 30%: the dv fence changes nothing for idva.
    assert labels(scenario, 10) == ["protected", "not-cut", "share", "share"]
    assert labels(scenario, 20) == ["protected", "not-cut", "minimum", "share"]
    assert labels(scenario, 30) == ["protected", "share", "minimum", "minimum"]


def test_group_minimum_reason():
    # a + b (200k each of 1m) held at a 100k minimum at 80%: removing it gives the equal cut.
    scenario = parse({
        "title": "group", "fund": [{"id": "grant", "amount": 1_000_000}],
        "service": [{"id": "a", "baseline": 200_000}, {"id": "b", "baseline": 200_000},
                    {"id": "c", "baseline": 600_000}],
        "group": [{"id": "g", "services": ["a", "b"], "min": 100_000}],
    })
    assert labels(scenario, 80) == ["group:g", "group:g", "share"]
    assert labels(scenario, 50) == ["share", "share", "share"]


def test_tight_limits_either_side_of_a_breakpoint():
    # rj reaches its 180,000 minimum at 18.18%; priority 1 starts to be cut at 29.09%.
    scenario = worked_example()
    scale = money_scale(scenario)
    before, after = (tight_limits(scenario, c, allocation(scenario, c, scale)) for c in (15, 25))
    changed = {key: after[key] for key in before if before[key] != after[key]}
    assert changed == {("minimum", "rj"): True}
    before, after = (tight_limits(scenario, c, allocation(scenario, c, scale)) for c in (25, 33))
    changed = {key: after[key] for key in before if before[key] != after[key]}
    assert changed == {("minimum", "counselling"): True, ("maximum", "idva"): False, ("tier", "1"): True}
