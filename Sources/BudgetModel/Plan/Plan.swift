/// A medium-term plan (SCENARIO-SPEC section 11): the `[plan]` table of a scenario file and
/// the plan keys of its services.
///
/// The scenario's amounts and baselines are for `baseYear`; each of `years` is allocated as
/// an ordinary scenario (`PlanYearBuilder`) on that year's funds and bounds.
public struct Plan: Sendable, Equatable {
    /// The year the file's amounts and baselines are for.
    public var baseYear: FinancialYear
    /// The years planned, consecutive, the first following `baseYear`; never empty.
    public var years: [FinancialYear]
    /// The first day of every financial year.
    public var yearStart: YearStart
    /// The yearly cost uplift of every service without its own `uplift`, in per cent.
    public var inflationPercent: Double
    /// Whether each fund's unspent money joins the next year, uncut, keeping its fence.
    public var carryForward: Bool
    /// The plan keys of each service, in the scenario's service order.
    public var schedules: [ServiceSchedule]

    /// A plan from its parts; `schedules` has one entry per service of the scenario.
    public init(
        baseYear: FinancialYear, years: [FinancialYear], yearStart: YearStart = .april,
        inflationPercent: Double = 0, carryForward: Bool = false, schedules: [ServiceSchedule]
    ) {
        self.baseYear = baseYear
        self.years = years
        self.yearStart = yearStart
        self.inflationPercent = inflationPercent
        self.carryForward = carryForward
        self.schedules = schedules
    }

    /// The label of year `k`: 0 is the base year, 1 the first planned year.
    public func year(_ k: Int) -> FinancialYear { k == 0 ? baseYear : years[k - 1] }

    /// The index `k` (1 for the first planned year) of the planned year labelled `label`, or nil.
    public func index(ofYear label: String) -> Int? {
        guard let year = FinancialYear(parsing: label), let position = years.firstIndex(of: year) else { return nil }
        return position + 1
    }

    /// The price factor of year `k` under the plan's inflation: `(1 + inflation)^k`, the
    /// divisor that turns year `k`'s cash into base-year prices.
    public func inflationFactor(year k: Int) -> Double { Self.compounded(inflationPercent, years: k) }

    /// `(1 + percent/100)^k`, by repeated multiplication.
    static func compounded(_ percent: Double, years k: Int) -> Double {
        var factor = 1.0
        for _ in 0..<max(0, k) { factor *= 1 + percent / 100 }
        return factor
    }
}

/// The plan keys of one service (`uplift`, `starts`, `ends`, `fixed_until`); all optional.
public struct ServiceSchedule: Sendable, Equatable {
    /// The service's yearly uplift in per cent, instead of the plan's inflation.
    public var upliftPercent: Double?
    /// The first day the service runs.
    public var starts: PlanDate?
    /// The last day the service runs.
    public var ends: PlanDate?
    /// The last day of its contract: until then it is paid exactly its uplifted rate.
    public var fixedUntil: PlanDate?

    /// A schedule from its parts.
    public init(upliftPercent: Double? = nil, starts: PlanDate? = nil, ends: PlanDate? = nil, fixedUntil: PlanDate? = nil) {
        self.upliftPercent = upliftPercent
        self.starts = starts
        self.ends = ends
        self.fixedUntil = fixedUntil
    }
}

/// One service in one year of a plan: the day counts and rates of SCENARIO-SPEC section 11.
public struct ServiceYear: Sendable, Equatable {
    /// `n`: the days of the year (365 or 366).
    public var yearDays: Int
    /// `a`: the days of the year the service runs.
    public var runningDays: Int
    /// `f`: those of them on or before its `fixed_until`.
    public var fixedDays: Int
    /// `B_k`: the full-year rate, `baseline * (1 + uplift)^k`.
    public var rate: Double
    /// The year's baseline, `B_k * a / n`.
    public var baseline: Double
    /// What the year's percentages and shortfall are of: the baseline, or for a new bid
    /// (SCENARIO-SPEC section 12) its request uplifted and pro-rated like a baseline.
    public var reference: Double
    /// The year's lower bound `lo`, leaving out protection (`B_k f/n + min_rate (a-f)/n`).
    public var minimum: Double
    /// The year's upper bound `hi`, `B_k f/n + hi_rate (a-f)/n`.
    public var maximum: Double

    /// Whether the service runs at all this year (`a > 0`).
    public var isPresent: Bool { runningDays > 0 }
}

extension Plan {
    /// Service `s` of `scenario` in year `k` (0 for the base year, which has no uplift).
    public func serviceYear(_ s: Int, of scenario: Scenario, year k: Int) -> ServiceYear {
        let service = scenario.services[s]
        let schedule = s < schedules.count ? schedules[s] : ServiceSchedule()
        let days = yearStart.days(of: year(k))
        let n = days.count
        let runFrom = max(days.lowerBound, schedule.starts?.dayNumber ?? days.lowerBound)
        let runTo = min(days.upperBound, schedule.ends?.dayNumber ?? days.upperBound)
        let a = max(0, runTo - runFrom + 1)
        let fixedTo = min(runTo, schedule.fixedUntil?.dayNumber ?? (runFrom - 1))
        let f = max(0, fixedTo - runFrom + 1)
        let growth = Self.compounded(schedule.upliftPercent ?? inflationPercent, years: k)
        let rate = service.baseline * growth
        let referenceRate = service.reference * growth
        func atRate(_ bound: AmountOrPercent) -> Double {
            switch bound {
            case .amount(let value): return value * growth
            case .percent: return bound.resolved(against: referenceRate)
            }
        }
        func prorated(_ value: Double, _ part: Int) -> Double {
            part == n ? value : part == 0 ? 0 : value * Double(part) / Double(n)
        }
        let contract = prorated(rate, f)
        return ServiceYear(
            yearDays: n, runningDays: a, fixedDays: f, rate: rate, baseline: prorated(rate, a),
            reference: prorated(referenceRate, a),
            minimum: f == 0 ? prorated(atRate(service.minimum), a) : contract + prorated(atRate(service.minimum), a - f),
            maximum: f == 0 ? prorated(atRate(service.maximum), a) : contract + prorated(atRate(service.maximum), a - f))
    }

    /// The cumulative cut after the cuts of `path` (per cent): `100 (1 - prod (1 - c_j/100))`.
    public static func cumulativeCut(_ path: some Sequence<Double>) -> Double {
        100 * (1 - path.reduce(1) { $0 * (1 - $1 / 100) })
    }
}
