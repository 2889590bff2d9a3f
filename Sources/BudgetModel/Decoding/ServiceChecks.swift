extension DraftChecker {
    /// Per service: `id` (present, well-formed, unique), `baseline` (present, money above 0),
    /// `min` and `max` (valid amounts or percentages, `min` not above `max`), a protected service's `max` not
    /// below its baseline, `weight` (finite, not negative, not above 1e15), and no baseline
    /// below a millionth of the scenario's largest amount.
    mutating func checkServices() {
        guard let services = draft.services.given else { return }
        for (ordinal, service) in services.enumerated() {
            let table = TableReference(kind: .service, ordinal: ordinal, id: service.id.given)
            require(service.id, "id", in: table)
            if let id = service.id.given { checkIDPattern(id, in: table) }
            require(service.baseline, "baseline", in: table)
            var baseline: Double?
            if let value = service.baseline.given, checkMoney(value, "baseline", in: table, positive: true) {
                baseline = value
            }
            let minimum = service.minimum.value(default: .amount(0)).flatMap {
                checkAmountOrPercent($0, "min", in: table, reference: baseline) ? $0 : nil
            }
            let maximum = service.maximum.value(default: .percent(100)).flatMap {
                checkAmountOrPercent($0, "max", in: table, reference: baseline) ? $0 : nil
            }
            if let baseline, let minimum, let maximum {
                checkBounds(minimum, maximum, baseline: baseline, isProtected: service.isProtected.given ?? false, in: table)
            }
            if let weight = service.weight.given {
                checkWeight(weight, in: table)
            }
        }
        checkUniqueIDs(services.map(\.id.given), kind: .service)
        checkBaselineRange(services)
    }

    /// Rejects baselines too small beside the largest fund or baseline to be computed with
    /// (`smallestBaselineFraction`), rather than let the solver's tolerance swallow them.
    private mutating func checkBaselineRange(_ services: [DraftService]) {
        let amounts = (draft.funds.given ?? []).compactMap(\.amount.given) + services.compactMap(\.baseline.given)
        guard let largest = amounts.filter({ $0.isFinite && $0 <= largestComputableValue }).max() else { return }
        let smallest = largest * smallestBaselineFraction
        for (ordinal, service) in services.enumerated() {
            guard let baseline = service.baseline.given, baseline > 0, baseline < smallest else { continue }
            report(
                "\"baseline\" is too small to compute with beside the scenario's largest amount (got "
                    + "\(formatted(baseline)); a baseline must be at least a millionth of \(formatted(largest)))",
                in: TableReference(kind: .service, ordinal: ordinal, id: service.id.given), key: "baseline")
        }
    }

    private mutating func checkBounds(
        _ minimum: AmountOrPercent, _ maximum: AmountOrPercent, baseline: Double, isProtected: Bool, in table: TableReference
    ) {
        let low = minimum.resolved(against: baseline)
        let high = maximum.resolved(against: baseline)
        if low > high {
            report(
                "min \(formatted(minimum, of: baseline)) is above max \(formatted(maximum, of: baseline))",
                in: table, key: "min")
        }
        if isProtected, high < baseline {
            report(
                "a protected service is funded at no less than its baseline \(formatted(baseline)), "
                    + "but its max is \(formatted(maximum, of: baseline))",
                in: table, key: "max")
        }
    }

    private mutating func checkWeight(_ weight: Double, in table: TableReference) {
        if !weight.isFinite {
            report("\"weight\" must be a finite number, not \(formatted(weight))", in: table, key: "weight")
        } else if weight < 0 {
            report("\"weight\" must not be negative (got \(formatted(weight)))", in: table, key: "weight")
        } else if weight > largestComputableValue {
            report(
                "\"weight\" is too large to compute with (got \(formatted(weight)); the limit is 1e+15)",
                in: table, key: "weight")
        }
    }
}
