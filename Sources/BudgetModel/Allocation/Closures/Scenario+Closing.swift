extension Scenario {
    /// The indices of the closable services (SCENARIO-SPEC section 12), in file order.
    public var closableServices: [Int] { services.indices.filter { services[$0].isClosable } }

    /// The scenario with the services `closed` (indices) closed and every other service held
    /// open: a closed service has minimum and maximum 0, and no service is closable any more,
    /// so sections 3 and 4 allocate the open services exactly as the spec does once the set of
    /// closures is chosen. Baselines and requests are kept, so a closed service's shortfall is 1.
    public func closing(_ closed: [Int]) -> Scenario {
        var fixed = self
        for s in fixed.services.indices { fixed.services[s].isClosable = false }
        for s in closed {
            fixed.services[s].minimum = .amount(0)
            fixed.services[s].maximum = .amount(0)
        }
        return fixed
    }

    /// Whether every choice of closures has a set of feasible cuts closed downwards (feasible at
    /// a cut, feasible at every smaller one): true unless a group has a minimum in per cent of the
    /// envelope, the one limit that a smaller envelope makes easier to meet.
    var feasibilityIsMonotoneInCut: Bool {
        !groups.contains { if case .percent = $0.minimum { return true } else { return false } }
    }
}
