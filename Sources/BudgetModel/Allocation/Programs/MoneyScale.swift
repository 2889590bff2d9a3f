extension Scenario {
    /// What the allocation LPs divide money by: the largest fund or reference (1 when every
    /// amount is zero), so that the solver's tolerances are relative to the scenario's size.
    var moneyScale: Double {
        // A loop, not `max()` over a joined array: every cut of a sweep asks for it several times.
        var largest: Double? = nil
        for fund in funds where largest.map({ $0 < fund.amount }) ?? true { largest = fund.amount }
        for service in services where largest.map({ $0 < service.reference }) ?? true { largest = service.reference }
        guard let largest, largest > 0 else { return 1 }
        return largest
    }
}
