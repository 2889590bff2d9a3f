import BudgetModel

/// One cut's figures rounded for a report, as counts of the scenario's `unit`
/// (multiply by the unit for money): the services add up exactly to the
/// allocated total, and allocated plus unallocated to the envelope.
public struct RoundedCut: Sendable, Equatable {
    /// The envelope `E(c)`, rounded to the nearest unit.
    public var envelope: Double
    /// Each service's allocation, in the result's service order; empty when infeasible.
    public var services: [Double]
    /// The sum of `services`.
    public var allocated: Double
    /// `envelope - allocated`.
    public var unallocated: Double
    /// When infeasible: the deficit rounded up to a whole unit (less would not suffice).
    public var deficit: Double?
    /// Whether the cut is optimal (has an allocation).
    public var optimal: Bool

    /// Rounds `result` on its own to multiples of `unit` by the largest-remainder
    /// method: the envelope to the nearest unit, then distributed over the
    /// services and the unallocated money.
    public init(_ result: CutResult, unit: Double) {
        // Allocations keep within the envelope to rounding (AllocationReading); an unallocated
        // amount of -1e-7 would still round to a negative unit, so it counts as none.
        let parts = result.services.map(\.allocation) + [max(0, result.unallocated)]
        let rounded = LargestRemainderRounding.round(parts, summingTo: result.envelope, unit: unit)
        envelope = rounded.total
        optimal = result.status == .optimal
        if optimal {
            services = Array(rounded.parts.dropLast())
            allocated = services.reduce(0, +)
            unallocated = rounded.parts.last ?? 0
        } else {
            services = []
            allocated = 0
            unallocated = 0
        }
        deficit = Self.deficitUnits(result, unit: unit)
    }

    /// A cut's figures from a column of a controlled rounding (`RoundedTable`):
    /// `column.parts` holds the services in the result's order.
    init(_ result: CutResult, column: ControlledRounding.RoundedColumn, unit: Double) {
        envelope = column.envelope ?? 0
        optimal = result.status == .optimal
        if optimal {
            services = column.parts.map { $0 ?? 0 }
            allocated = column.total
            unallocated = column.unallocated ?? 0
        } else {
            services = []
            allocated = 0
            unallocated = 0
        }
        deficit = Self.deficitUnits(result, unit: unit)
    }

    /// The deficit rounded up to a whole unit (less would not suffice).
    private static func deficitUnits(_ result: CutResult, unit: Double) -> Double? {
        result.deficit.map { deficitUnits($0, unit: unit) }
    }

    /// A deficit in whole units, rounded up (less would not suffice), noise taken as none.
    static func deficitUnits(_ deficit: Double, unit: Double) -> Double {
        let units = deficit / unit
        return abs(units) < LargestRemainderRounding.noise ? 0 : (units - LargestRemainderRounding.noise).rounded(.up) + 0
    }
}

/// The baselines of a scenario rounded like a cut: each to a whole unit,
/// adding up exactly to the rounded total of the baselines.
public struct RoundedBaselines: Sendable, Equatable {
    /// Each service's baseline in units, in file order.
    public var services: [Double]
    /// The rounded total of the baselines, in units.
    public var total: Double

    /// Rounds the baselines of `scenario` on their own to multiples of its unit,
    /// by the largest-remainder method.
    public init(_ scenario: Scenario) {
        let baselines = scenario.services.map(\.baseline)
        let rounded = LargestRemainderRounding.round(
            baselines, summingTo: baselines.reduce(0, +), unit: scenario.unit)
        services = rounded.parts
        total = rounded.total
    }
}

extension RoundedBaselines {
    /// The baselines from the baseline column of a controlled rounding.
    init(column: ControlledRounding.RoundedColumn) {
        services = column.parts.map { $0 ?? 0 }
        total = column.total
    }
}
