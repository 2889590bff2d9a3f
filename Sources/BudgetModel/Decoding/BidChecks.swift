extension DraftService {
    /// What the service's percentages are of, as read: its `request` when it has one (a new
    /// bid, baseline 0), else its baseline; nil when that is missing, unreadable or contradictory.
    var reference: Double? {
        switch request {
        case .given(let value): return baseline.given == 0 ? value : nil
        case .unreadable: return nil
        case .absent: return baseline.given
        }
    }
}

extension DraftChecker {
    /// Checks a service's `baseline` and `request` together (SCENARIO-SPEC section 12) and
    /// returns the reference its percentages are of when both are valid:
    ///
    /// - `request`, when given, is money greater than 0;
    /// - `baseline` is money greater than 0, except that a new bid (a service with a
    ///   `request`) has baseline 0: a baseline of 0 without a `request` is rejected, and so is a
    ///   `request` beside a baseline above 0 ("`request` for a new bid" in the spec; a service
    ///   with a baseline measures its percentages and its shortfall against that baseline);
    /// - a bid is not `protected`: protection holds a service at its baseline, which for a bid
    ///   is 0, so it would promise nothing.
    mutating func checkBaselineAndRequest(_ service: DraftService, in table: TableReference) -> Double? {
        var request: Double?
        if let value = service.request.given, checkMoney(value, "request", in: table, positive: true) {
            request = value
        }
        guard let baseline = service.baseline.given else { return nil }
        switch service.request {
        case .absent:
            if baseline == 0 {
                report(
                    "\"baseline\" must be greater than 0 (got 0); a new bid with baseline 0 needs a \"request\", "
                        + "the money it asks for",
                    in: table, key: "baseline")
                return nil
            }
            return checkMoney(baseline, "baseline", in: table, positive: true) ? baseline : nil
        case .given, .unreadable:
            guard checkMoney(baseline, "baseline", in: table) else { return nil }
            var valid = true
            if baseline != 0 {
                report(
                    "\"request\" is for a new bid, whose baseline is 0, but the baseline is \(formatted(baseline)); "
                        + "a funded service's percentages and shortfall are of its baseline",
                    in: table, key: "request")
                valid = false
            }
            if service.isProtected.given == true {
                report(
                    "a new bid (a service with a \"request\") cannot be protected: protection holds a service "
                        + "at its baseline, and a bid's baseline is 0",
                    in: table, key: "protected")
                valid = false
            }
            return valid ? request : nil
        }
    }
}
