"""Read a scenario TOML file (SCENARIO-SPEC section 2) into plain values.

Only what the reference computation needs is checked: this is not the
project's validator. An amount or percentage is kept as ("amount", value) or ("percent", P)
and resolved against its reference (a baseline, or the envelope E(c)) when a
cut is known.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


class ScenarioError(ValueError):
    """The file cannot be read as a scenario the reference can compute on."""


@dataclass(frozen=True)
class AmountOrPercent:
    """An amount of money, or a percentage of a reference amount."""

    kind: str  # "amount" or "percent"
    value: float

    def resolved(self, reference: float) -> float:
        """The amount this stands for against `reference`."""
        if self.kind == "percent":
            return reference * self.value / 100.0
        return self.value


@dataclass(frozen=True)
class Fund:
    id: str
    amount: float
    cut: float  # the multiplier m of section 13: true is 1, false is 0
    ring_fenced_for: tuple[str, ...] | None
    area: str | None = None

    def after_cut(self, cut_pct: float) -> float:
        """A_f(c) = amount * max(0, 1 - m c / 100): the fund after a cut of `cut_pct` per cent."""
        return self.amount * max(0.0, 1.0 - self.cut * cut_pct / 100.0)

    def admits(self, service_id: str) -> bool:
        """Whether the service may draw on this fund."""
        return self.ring_fenced_for is None or service_id in self.ring_fenced_for


@dataclass(frozen=True)
class Service:
    id: str
    baseline: float
    minimum: AmountOrPercent
    maximum: AmountOrPercent
    protected: bool
    priority: int
    weight: float
    area: str | None = None
    # Section 13: the areas paying a shared service and their proportions (adding up to 1),
    # None for a service that is not shared.
    contributions: tuple[tuple[str, float], ...] | None = None
    request: float | None = None

    def reference(self) -> float:
        """What min/max percentages and the shortfall are of (section 12): a new bid's
        request, else the baseline."""
        return self.request if self.request is not None else self.baseline

    def lower(self) -> float:
        """lo_s: the larger of the minimum and (if protected) the baseline."""
        lo = self.minimum.resolved(self.reference())
        return max(lo, self.baseline) if self.protected else lo

    def upper(self) -> float:
        """hi_s: the maximum."""
        return self.maximum.resolved(self.reference())


@dataclass(frozen=True)
class Group:
    id: str
    services: tuple[str, ...]
    minimum: AmountOrPercent | None
    maximum: AmountOrPercent | None


@dataclass(frozen=True)
class Scenario:
    title: str
    mode: str  # "tiers" or "weighted"
    funds: tuple[Fund, ...]
    services: tuple[Service, ...]
    groups: tuple[Group, ...]
    areas: tuple[str, ...] = ()
    fairness: str = "relative"  # "relative", "cash" or "award" (section 14)

    def pays(self, fund: Fund, service: Service) -> bool:
        """Section 13: whether `fund` may pay `service` (its fence, then its area)."""
        if not fund.admits(service.id):
            return False
        if fund.area is None:
            return True
        if service.area == fund.area:
            return True
        return any(area == fund.area and share > 0 for area, share in service.contributions or ())

    def envelope(self, cut_pct: float) -> float:
        """E(c): the sum of the funds after the cut."""
        return sum(f.after_cut(cut_pct) for f in self.funds)


def _amount_or_percent(raw, where: str) -> AmountOrPercent:
    if isinstance(raw, bool):
        raise ScenarioError(f"{where}: a share must be a number or a 'P%' string")
    if isinstance(raw, (int, float)):
        return AmountOrPercent("amount", float(raw))
    if isinstance(raw, str) and raw.strip().endswith("%"):
        try:
            return AmountOrPercent("percent", float(raw.strip()[:-1]))
        except ValueError as error:
            raise ScenarioError(f"{where}: {raw!r} is not a percentage") from error
    raise ScenarioError(f"{where}: {raw!r} is not a share")


def _proportion(raw, where: str) -> float:
    """A contribution: "a/b" or "P%"."""
    if isinstance(raw, str) and raw.endswith("%"):
        return float(raw[:-1]) / 100.0
    if isinstance(raw, str) and raw.count("/") == 1:
        numerator, denominator = raw.split("/")
        return float(numerator) / float(denominator)
    raise ScenarioError(f"{where}: {raw!r} is not a proportion")


def _contributions(raw, areas: tuple[str, ...], where: str):
    if raw is None:
        return None
    if raw == "equal":
        return tuple((area, 1.0 / len(areas)) for area in areas)
    if not isinstance(raw, dict):
        raise ScenarioError(f"{where}: {raw!r} is not a contributions table")
    shares = {area: _proportion(value, f"{where} {area}") for area, value in raw.items()}
    total = sum(shares.values())
    if abs(total - 1.0) > 1e-9:
        raise ScenarioError(f"{where}: contributions add up to {total}")
    return tuple((area, shares[area] / total) for area in areas if area in shares)


def _multiplier(raw, where: str) -> float:
    if isinstance(raw, bool):
        return 1.0 if raw else 0.0
    return _number(raw, where)


def _number(raw, where: str) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise ScenarioError(f"{where}: {raw!r} is not a number")
    return float(raw)


def parse(document: dict) -> Scenario:
    """A scenario from an already-parsed TOML document."""
    try:
        areas = tuple(a["id"] for a in document.get("area", []))
        funds = tuple(
            Fund(
                id=f["id"],
                amount=_number(f["amount"], f"fund {f['id']} amount"),
                cut=_multiplier(f.get("cut", True), f"fund {f['id']} cut"),
                ring_fenced_for=tuple(f["ring_fenced_for"]) if f.get("ring_fenced_for") else None,
                area=f.get("area"),
            )
            for f in document["fund"]
        )
        services = tuple(
            Service(
                id=s["id"],
                baseline=_number(s["baseline"], f"service {s['id']} baseline"),
                minimum=_amount_or_percent(s.get("min", 0), f"service {s['id']} min"),
                maximum=_amount_or_percent(s.get("max", "100%"), f"service {s['id']} max"),
                protected=bool(s.get("protected", False)),
                priority=int(s.get("priority", 0)),
                weight=_number(s.get("weight", 1), f"service {s['id']} weight"),
                area=s.get("area"),
                contributions=_contributions(s.get("contributions"), areas, f"service {s['id']} contributions"),
                request=_number(s["request"], f"service {s['id']} request") if "request" in s else None,
            )
            for s in document["service"]
        )
        groups = tuple(
            Group(
                id=g["id"],
                services=tuple(g["services"]),
                minimum=_amount_or_percent(g["min"], f"group {g['id']} min") if "min" in g else None,
                maximum=_amount_or_percent(g["max"], f"group {g['id']} max") if "max" in g else None,
            )
            for g in document.get("group", [])
        )
    except KeyError as error:
        raise ScenarioError(f"missing required key {error}") from error
    mode = document.get("objective", {}).get("mode", "tiers")
    if mode not in ("tiers", "weighted"):
        raise ScenarioError(f"unknown objective mode {mode!r}")
    fairness = document.get("objective", {}).get("fairness", "relative")
    if fairness not in ("relative", "cash", "award"):
        raise ScenarioError(f"unknown fairness measure {fairness!r}")
    known = {s.id for s in services}
    for fund in funds:
        for sid in fund.ring_fenced_for or ():
            if sid not in known:
                raise ScenarioError(f"fund {fund.id} is ring-fenced for unknown service {sid!r}")
    for group in groups:
        for sid in group.services:
            if sid not in known:
                raise ScenarioError(f"group {group.id} names unknown service {sid!r}")
    for service in services:
        if service.request is None and service.baseline <= 0:
            raise ScenarioError(f"service {service.id}: baseline must be positive")
        if service.request is not None and (service.request <= 0 or service.baseline != 0 or service.protected):
            raise ScenarioError(f"service {service.id}: a bid has baseline 0, a positive request and no protection")
    return Scenario(document.get("title", ""), mode, funds, services, groups, areas, fairness)


def load(path: str | Path) -> Scenario:
    """Read and parse the scenario file at `path`."""
    with open(path, "rb") as handle:
        return parse(tomllib.load(handle))
