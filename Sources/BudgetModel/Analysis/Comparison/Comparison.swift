/// Several scenarios allocated at the same cuts, side by side (SCENARIO-SPEC section 14,
/// `scenario compare`): services matched by id, differences from the first scenario.
public struct Comparison: Sendable, Equatable {
    /// A service that appears in at least one scenario.
    public struct ComparedService: Sendable, Equatable {
        /// The id that matches it across scenarios.
        public var id: String
        /// Its name in the first scenario that has it.
        public var name: String
        /// Its index in each scenario, nil where the scenario has no such service.
        public var indices: [Int?]

        /// A compared service from its parts.
        public init(id: String, name: String, indices: [Int?]) {
            self.id = id
            self.name = name
            self.indices = indices
        }
    }

    /// One cut: each scenario's status and allocations there.
    public struct Cut: Sendable, Equatable {
        /// The cut in per cent.
        public var cutPercent: Double
        /// Each scenario's envelope after the cut.
        public var envelopes: [Double]
        /// Each scenario's allocations in its own service order, nil when the cut is infeasible there.
        public var allocations: [[Double]?]
        /// Each scenario's deficit `D(c)` where the cut is infeasible there and extra money can
        /// make it feasible (SCENARIO-SPEC section 6); nil where it is feasible or no amount can.
        public var deficits: [Double?]

        /// A cut from its parts; `deficits` nil for each scenario when not given.
        public init(cutPercent: Double, envelopes: [Double], allocations: [[Double]?], deficits: [Double?]? = nil) {
            self.cutPercent = cutPercent
            self.envelopes = envelopes
            self.allocations = allocations
            self.deficits = deficits ?? allocations.map { _ in nil }
        }

        /// Service `service`'s allocation in each scenario: nil where the scenario lacks the
        /// service or the cut is infeasible there.
        public func allocations(of service: ComparedService) -> [Double?] {
            zip(allocations, service.indices).map { amounts, index in
                guard let amounts, let index else { return nil }
                return amounts[index]
            }
        }

        /// Each scenario's allocation less the first's, nil where either is missing (the first's
        /// own difference is 0 when it has the service).
        public func differences(of service: ComparedService) -> [Double?] {
            let amounts = allocations(of: service)
            return amounts.map { amount in
                guard let amount, let first = amounts.first ?? nil else { return nil }
                return amount - first
            }
        }
    }

    /// The scenarios, in the order given.
    public var scenarios: [Scenario]
    /// Every service of any scenario: the first scenario's in its order, then each later
    /// scenario's new ids in its order.
    public var services: [ComparedService]
    /// The cuts, in the order asked.
    public var cuts: [Cut]

    /// A comparison from its parts.
    public init(scenarios: [Scenario], services: [ComparedService], cuts: [Cut]) {
        self.scenarios = scenarios
        self.services = services
        self.cuts = cuts
    }

    /// The services of `scenarios` matched by id, in the order described at `services`.
    public static func services(of scenarios: [Scenario]) -> [ComparedService] {
        var order: [String] = []
        var names: [String: String] = [:]
        for scenario in scenarios {
            for service in scenario.services where names[service.id] == nil {
                order.append(service.id)
                names[service.id] = service.name
            }
        }
        let indexMaps = scenarios.map { scenario in
            Dictionary(uniqueKeysWithValues: scenario.services.enumerated().map { ($1.id, $0) })
        }
        return order.map { id in ComparedService(id: id, name: names[id] ?? id, indices: indexMaps.map { $0[id] }) }
    }

    /// Allocates every scenario at every cut by its own rule.
    ///
    /// - Throws: `AllocationError` when the solver cannot decide a cut of some scenario.
    public static func compare(_ scenarios: [Scenario], atCuts cuts: [Double]) throws(AllocationError) -> Comparison {
        let allocators = scenarios.map { Allocator(scenario: $0) }
        var compared: [Cut] = []
        for cut in cuts {
            var allocations: [[Double]?] = []
            var deficits: [Double?] = []
            for allocator in allocators {
                let amounts = try allocator.allocations(atCut: cut)
                allocations.append(amounts)
                deficits.append(amounts == nil ? try allocator.result(atCut: cut).deficit : nil)
            }
            compared.append(Cut(
                cutPercent: cut, envelopes: scenarios.map { $0.envelope(afterCut: cut) }, allocations: allocations, deficits: deficits))
        }
        return Comparison(scenarios: scenarios, services: services(of: scenarios), cuts: compared)
    }
}
