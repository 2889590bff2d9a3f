"""The hard constraints of SCENARIO-SPEC sections 3 and 13 at one cut, as LP rows.

Money is divided by `scale` inside every LP (so the numbers HiGHS sees are
of order one) and multiplied back by the callers. Columns are x[s,f] for
every service s and every fund f that s may draw on; with
`extra_money=True` one more column y_s >= 0 per service stands for money
from an unrestricted, uncut new fund (the deficit of section 6).
"""

from __future__ import annotations

from highs_lp import INF, Problem, Row
from scenario_toml import Scenario


class CutModel:
    """Columns and hard-constraint rows of the allocation LP at cut `cut_pct`."""

    def __init__(self, scenario: Scenario, cut_pct: float, scale: float, extra_money: bool = False):
        self.scenario = scenario
        self.cut_pct = cut_pct
        self.scale = scale
        self.envelope = scenario.envelope(cut_pct)
        self.pairs = [
            (si, fi)
            for si, service in enumerate(scenario.services)
            for fi, fund in enumerate(scenario.funds)
            if scenario.pays(fund, service)
        ]
        self.extra_money = extra_money
        self.extra_columns = (
            [len(self.pairs) + si for si in range(len(scenario.services))] if extra_money else []
        )
        self.num_cols = len(self.pairs) + len(self.extra_columns)
        self._allocation = [dict() for _ in scenario.services]
        for column, (si, _) in enumerate(self.pairs):
            self._allocation[si][column] = 1.0
        for si, column in enumerate(self.extra_columns):
            self._allocation[si][column] = 1.0

    def allocation(self, si: int) -> dict[int, float]:
        """Coefficients of x_s (scaled money) for service index `si`."""
        return dict(self._allocation[si])

    def reference(self, si: int) -> float:
        """What service `si`'s shortfall is measured against, scaled: its baseline, or a
        new bid's request."""
        return self.scenario.services[si].reference() / self.scale

    def size(self, si: int) -> float:
        """The amount service `si`'s rows are about (scaled): the larger of its reference
        and its maximum, never a floor that may sit near zero."""
        service = self.scenario.services[si]
        return max(service.reference(), service.upper()) / self.scale

    def problem(self, extra_cols: int = 0) -> Problem:
        """An empty-objective problem with this model's columns (all >= 0) and
        `extra_cols` more free columns after them; rows must be added."""
        n = self.num_cols + extra_cols
        return Problem(
            num_cols=n,
            cost=[0.0] * n,
            col_lower=[0.0] * self.num_cols + [-INF] * extra_cols,
            col_upper=[INF] * n,
        )

    def hard_rows(self, floors: dict[int, float] | None = None) -> list[Row]:
        """Fund, service and group rows. `floors` raises the lower bound of
        x_s (scaled money) for some services: the fixed shortfalls."""
        scenario, scale = self.scenario, self.scale
        rows = []
        for fi, fund in enumerate(scenario.funds):
            coefs = {c: 1.0 for c, (_, f) in enumerate(self.pairs) if f == fi}
            rows.append(Row(coefs, -INF, fund.after_cut(self.cut_pct) / scale, fund.amount / scale))
        for si, service in enumerate(scenario.services):
            lower = service.lower() / scale
            if floors and si in floors:
                lower = max(lower, floors[si])
            rows.append(Row(self.allocation(si), lower, service.upper() / scale, self.size(si)))
        index = {s.id: si for si, s in enumerate(scenario.services)}
        for group in scenario.groups:
            coefs: dict[int, float] = {}
            for sid in group.services:
                for column, value in self._allocation[index[sid]].items():
                    coefs[column] = coefs.get(column, 0.0) + value
            lower = group.minimum.resolved(self.envelope) / scale if group.minimum else -INF
            upper = group.maximum.resolved(self.envelope) / scale if group.maximum else INF
            # The row is about its limits as they stand before any cut, so that a limit in
            # per cent of an envelope cut nearly to nothing is not divided by nearly nothing.
            uncut = scenario.envelope(0.0)
            size = max(
                [0.0]
                + [share.resolved(uncut) / scale for share in (group.minimum, group.maximum) if share]
                + [abs(b) for b in (lower, upper) if b not in (INF, -INF)]
            )
            rows.append(Row(coefs, lower, upper, size))
        rows += self.contribution_rows()
        return rows

    def contribution_rows(self) -> list[Row]:
        """Section 13: for each shared service and each area paying it, what the area's funds
        pay less its proportion of what all areas' funds pay is zero."""
        scenario, rows = self.scenario, []
        for si, service in enumerate(scenario.services):
            for area, share in service.contributions or ():
                coefs: dict[int, float] = {}
                for column, (s, fi) in enumerate(self.pairs):
                    fund_area = scenario.funds[fi].area
                    if s != si or fund_area is None:
                        continue
                    coefs[column] = coefs.get(column, 0.0) - share + (1.0 if fund_area == area else 0.0)
                rows.append(Row(coefs, 0.0, 0.0, self.size(si)))
        return rows
