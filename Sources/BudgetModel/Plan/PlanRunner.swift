import Foundation
import LinearProgramming

/// Allocates every year of a plan along a cut path, and finds the maximum sustainable yearly
/// cut (SCENARIO-SPEC section 11).
///
/// Fund `f` in year `k` holds `amount_f * prod over j <= k of max(0, 1 - m_f c_j / 100)`
/// (`PlanFundCut`) plus, with `carry_forward`, what it and its carried money left unspent in
/// year `k - 1` (nothing from the base year or from a year that is not optimal). Where the
/// split of the allocation across funds is not unique, the unspent money is read from the
/// split the allocation reports (one valid split).
public struct PlanRunner {
    /// The base-year scenario.
    public let scenario: Scenario
    /// Its plan.
    public let plan: Plan
    /// The solver settings of every allocation.
    public var options: SimplexOptions
    /// Called with every LP solved, when set (certificate checks in tests).
    public var solveObserver: ((LinearProgram, Solution) -> Void)?
    /// Called with every mixed-integer programme solved (the choice of closures, SCENARIO-SPEC
    /// section 12), when set.
    public var mixedIntegerObserver: ((MixedIntegerProgram, MixedIntegerSolution) -> Void)?

    /// A runner for `scenario` and its `plan`.
    public init(scenario: Scenario, plan: Plan, options: SimplexOptions = Allocator.defaultOptions) {
        self.scenario = scenario
        self.plan = plan
        self.options = options
    }

    private var builder: PlanYearBuilder { PlanYearBuilder(scenario: scenario, plan: plan) }

    /// The allocation of every planned year along `path` (one cut per planned year, per cent,
    /// each in `(-100, 100)`).
    ///
    /// - Throws: `AllocationError` when the solver cannot decide a year.
    public func run(path: [Double]) throws(AllocationError) -> PlanPathResult {
        var years: [PlanYearResult] = []
        try walk(path: path, through: path.count) { year in years.append(year) }
        return PlanPathResult(path: path, years: years)
    }

    /// Year `k`'s scenario (1 for the first planned year) after the earlier years of `path`
    /// (`path[j - 1]` is year `j`'s cut; values past year `k - 1` are ignored, missing ones are
    /// 0%), opening with the money they leave it: the scenario that `sweep --year` cuts by the
    /// year's own cut.
    public func scenario(year k: Int, after path: [Double]) throws(AllocationError) -> Scenario {
        let opening = try walk(path: path, through: k - 1) { _ in }
        return builder.scenario(year: k, openingFactors: opening.factors, carried: opening.carried)
    }

    /// Allocates years 1 through `last` along `path` (a missing cut is 0%), handing each to
    /// `body` in order; returns what the next year opens with: each fund's factor and the money
    /// it carries in.
    @discardableResult
    private func walk(
        path: [Double], through last: Int, _ body: (PlanYearResult) -> Void
    ) throws(AllocationError) -> (factors: [Double], carried: [Double]) {
        var opening = [Double](repeating: 1, count: scenario.funds.count)
        var carried = [Double](repeating: 0, count: scenario.funds.count)
        var k = 1
        while k <= min(last, plan.years.count) {
            let cut = k - 1 < path.count ? path[k - 1] : 0
            let yearScenario = builder.scenario(year: k, openingFactors: opening, carried: carried)
            let result = contractsNamed(try allocate(yearScenario, atCut: cut), year: k)
            let year = PlanYearResult(
                year: plan.year(k), index: k, cutPercent: cut,
                cumulativeCutPercent: Plan.cumulativeCut((0..<k).map { $0 < path.count ? path[$0] : 0 }),
                scenario: yearScenario, carriedIn: carried, result: result)
            body(year)
            for (f, fund) in scenario.funds.enumerated() { opening[f] *= PlanFundCut.factor(of: fund, cutPercent: cut) }
            if plan.carryForward { carried = Self.unspent(year, funds: scenario.funds) }
            k += 1
        }
        return (opening, carried)
    }

    /// The result with `minimum` read as `contract` for each service whose lower bound this year
    /// includes days of its contract (SCENARIO-SPEC section 10 puts `contract` before `minimum`).
    private func contractsNamed(_ result: CutResult, year k: Int) -> CutResult {
        var named = result
        for (position, service) in result.services.enumerated() where service.binding == .minimum {
            guard let s = scenario.services.firstIndex(where: { $0.id == service.serviceID }),
                plan.serviceYear(s, of: scenario, year: k).fixedDays > 0
            else { continue }
            named.services[position].binding = .contract
        }
        return named
    }

    private func allocate(_ yearScenario: Scenario, atCut cut: Double) throws(AllocationError) -> CutResult {
        guard !yearScenario.services.isEmpty else {
            return CutResult(cutPercent: cut, envelope: yearScenario.envelope(afterCut: cut), status: .optimal, services: [])
        }
        return try allocator(of: yearScenario).result(atCut: cut)
    }

    /// An allocator of one year's scenario, reporting its solves to the observers.
    private func allocator(of yearScenario: Scenario) -> Allocator {
        let allocator = Allocator(scenario: yearScenario, options: options)
        allocator.solveObserver = solveObserver
        allocator.mixedIntegerObserver = mixedIntegerObserver
        return allocator
    }

    /// What each base-year fund, with the money it carried in, leaves unspent in an optimal
    /// year; zeros for a year that is not optimal.
    static func unspent(_ year: PlanYearResult, funds: [Fund]) -> [Double] {
        var left = [Double](repeating: 0, count: funds.count)
        guard year.result.status == .optimal else { return left }
        let yearFunds = year.scenario.funds
        let tolerance = 1e-7 * year.scenario.moneyScale
        for (position, fund) in yearFunds.enumerated() {
            let spent = position < year.result.fundSplit.count ? year.result.fundSplit[position].reduce(0, +) : 0
            let remaining = fund.amount(afterCut: year.cutPercent) - spent
            guard remaining > tolerance else { continue }
            let base = position < funds.count
                ? position
                : funds.firstIndex { PlanYearBuilder.carriedFundID($0.id) == fund.id }
            if let base { left[base] += remaining }
        }
        return left
    }

    // MARK: - The maximum sustainable cut

    /// The largest cut `c` in `[0, 100)` such that every planned year is feasible with `c` in
    /// every year: `100` when every such cut is, nil when there is none (with carry-forward:
    /// when a 0% cut in every year is not sustainable).
    ///
    /// Exact where every fund's multiplier is 0 or 1 and there is no carry-forward: year `k`
    /// then holds the base funds cut by the cumulative cut `1 - (1 - c)^k`, its feasible
    /// cumulative cuts end at the maximum feasible cut `C_k` of its scenario (one LP), and the
    /// answer is the least `1 - (1 - C_k)^(1/k)`, provided every year is feasible at it (a
    /// year's feasible cuts are an interval, which may start above 0). Otherwise by bisection to 1e-9 points, each
    /// trial allocating the years in turn with the money carried between them.
    public func maximumSustainableCut() throws(AllocationError) -> Double? {
        let exact = PlanFundCut.multipliersAreZeroOrOne(scenario.funds)
        guard exact else { return try bisectedSustainableCut(from: 0) }
        var best = 100.0
        let ones = [Double](repeating: 1, count: scenario.funds.count)
        var years: [(k: Int, allocator: Allocator, maximum: Double)] = []
        for k in 1...plan.years.count {
            let yearScenario = builder.scenario(year: k, openingFactors: ones, carried: [])
            guard !yearScenario.services.isEmpty else { continue }
            let allocator = self.allocator(of: yearScenario)
            guard let maximum = try allocator.maximumFeasibleCut() else { return nil }
            years.append((k, allocator, maximum))
            guard maximum < 100 else { continue }
            best = min(best, 100 * (1 - pow(1 - maximum / 100, 1 / Double(k))))
        }
        // A year's feasible cuts form an interval that may start above 0 (a group minimum in
        // per cent of a larger envelope, say): `best` is sustainable only if every year is
        // feasible there too, not only below its upper end. Each year is tried at its cumulative
        // cut, held to its own maximum (which the root may pass by a rounding).
        if best < 100 {
            for year in years {
                let cut = min(year.maximum, 100 * (1 - pow(1 - best / 100, Double(year.k))))
                // A year the solver cannot decide there is at its boundary: feasible to tolerance.
                guard let amounts = try? year.allocator.amounts(atCut: cut, throughTier: .max) as [Double]?? else { continue }
                if amounts == nil { return nil }
            }
        }
        guard plan.carryForward, best < 100 else { return best }
        // Carried money only adds to a year's funds, so the cut sustainable without it is a floor.
        return try bisectedSustainableCut(from: best)
    }

    /// Bisection between a cut known sustainable (`floor`, or 0 after checking it) and 100.
    private func bisectedSustainableCut(from floor: Double) throws(AllocationError) -> Double? {
        if floor == 0, !(try isSustainable(0)) { return nil }
        var low = floor
        var high = 100.0
        if try isSustainable(100 - Self.bisectionTolerance) { return 100 }
        while high - low > Self.bisectionTolerance {
            let middle = (low + high) / 2
            if try isSustainable(middle) { low = middle } else { high = middle }
        }
        return low
    }

    /// How close the bisection brings the maximum sustainable cut, in percentage points.
    public static let bisectionTolerance = 1e-9

    /// Whether every planned year is feasible with `cut` in every year: each year's cut at most
    /// the maximum feasible cut of the year's scenario (one LP, which decides the boundary),
    /// each feasible year allocated for the money it carries on. A year the solver cannot tell
    /// from the boundary counts as not sustainable, so the bisection errs low, by at most its
    /// tolerance.
    private func isSustainable(_ cut: Double) throws(AllocationError) -> Bool {
        var opening = [Double](repeating: 1, count: scenario.funds.count)
        var carried = [Double](repeating: 0, count: scenario.funds.count)
        for k in 1...plan.years.count {
            let yearScenario = builder.scenario(year: k, openingFactors: opening, carried: carried)
            for (f, fund) in scenario.funds.enumerated() { opening[f] *= PlanFundCut.factor(of: fund, cutPercent: cut) }
            let allocator = self.allocator(of: yearScenario)
            if !yearScenario.services.isEmpty {
                guard let maximum = try allocator.maximumFeasibleCut(), !Allocator.lies(cut, beyond: maximum) else { return false }
            }
            guard plan.carryForward, k < plan.years.count else { continue }
            let trial = yearScenario.services.isEmpty ? try allocate(yearScenario, atCut: cut) : try? allocator.result(atCut: cut)
            guard let result = trial, result.status == .optimal else { return false }
            let year = PlanYearResult(
                year: plan.year(k), index: k, cutPercent: cut, cumulativeCutPercent: 0, scenario: yearScenario,
                carriedIn: carried, result: result)
            carried = Self.unspent(year, funds: scenario.funds)
        }
        return true
    }
}
