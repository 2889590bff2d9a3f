/// One planned year of a cut path: the year's scenario and its allocation (SCENARIO-SPEC
/// section 11).
public struct PlanYearResult: Sendable, Equatable {
    /// The year's label.
    public var year: FinancialYear
    /// `k`: 1 for the first planned year.
    public var index: Int
    /// This year's cut `c_k` in per cent.
    public var cutPercent: Double
    /// `100 (1 - prod over j <= k of (1 - c_j / 100))`.
    public var cumulativeCutPercent: Double
    /// The year as an ordinary scenario (`PlanYearBuilder`): the services that run this year,
    /// with the year's baselines and bounds, and the funds it opens with.
    public var scenario: Scenario
    /// Money carried into this year per base-year fund (zeros without `carry_forward`).
    public var carriedIn: [Double]
    /// The allocation of the year at `cutPercent`; its services are those of `scenario`.
    public var result: CutResult

    /// A year's result from its parts.
    public init(
        year: FinancialYear, index: Int, cutPercent: Double, cumulativeCutPercent: Double, scenario: Scenario,
        carriedIn: [Double], result: CutResult
    ) {
        self.year = year
        self.index = index
        self.cutPercent = cutPercent
        self.cumulativeCutPercent = cumulativeCutPercent
        self.scenario = scenario
        self.carriedIn = carriedIn
        self.result = result
    }

    /// The result of the service with this id, nil when it does not run this year or the year
    /// has no allocation.
    public func allocation(of serviceID: String) -> ServiceAllocation? {
        result.services.first { $0.serviceID == serviceID }
    }
}

/// Every planned year of one cut path.
public struct PlanPathResult: Sendable, Equatable {
    /// The cut of each planned year in per cent.
    public var path: [Double]
    /// The years in order; a year after an unsolved one is not allocated.
    public var years: [PlanYearResult]

    /// A path's results from its parts.
    public init(path: [Double], years: [PlanYearResult]) {
        self.path = path
        self.years = years
    }
}
