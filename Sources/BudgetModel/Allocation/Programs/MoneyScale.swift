extension Scenario {
    /// What the allocation LPs divide money by: the largest fund or reference (1 when every
    /// amount is zero), so that the solver's tolerances are relative to the scenario's size.
    var moneyScale: Double {
        let largest = (funds.map(\.amount) + services.map(\.reference)).max() ?? 1
        return largest > 0 ? largest : 1
    }
}
