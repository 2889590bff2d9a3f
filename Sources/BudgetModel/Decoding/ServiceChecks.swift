extension DraftChecker {
    /// Per service: `id` (present, well-formed, unique), `baseline` (present, money above 0, or
    /// 0 for a new bid), `request` (see `checkBid`), `min` and `max` (valid amounts or percentages
    /// of the reference, `min` not above `max`), a protected service's `max` not below its
    /// baseline, `weight` (finite, not negative, not above 1e15), a closable service not
    /// protected (SCENARIO-SPEC section 12), a `step` (money above 0) with a whole multiple in
    /// `[lo, hi]` (section 12; in a plan `PlanReader.stepProblems` checks each planned year
    /// instead), and no baseline or request below a millionth of the scenario's largest amount.
    mutating func checkServices() {
        guard let services = draft.services.given else { return }
        for (ordinal, service) in services.enumerated() {
            let table = TableReference(kind: .service, ordinal: ordinal, id: service.id.given)
            require(service.id, "id", in: table)
            if let id = service.id.given { checkIDPattern(id, in: table) }
            require(service.baseline, "baseline", in: table)
            let reference = checkBaselineAndRequest(service, in: table)
            let minimum = service.minimum.value(default: .amount(0)).flatMap {
                checkAmountOrPercent($0, "min", in: table, reference: reference) ? $0 : nil
            }
            let maximum = service.maximum.value(default: .percent(100)).flatMap {
                checkAmountOrPercent($0, "max", in: table, reference: reference) ? $0 : nil
            }
            if let reference, let minimum, let maximum {
                checkBounds(minimum, maximum, reference: reference, isProtected: service.isProtected.given ?? false, in: table)
            }
            if let step = service.step.given {
                var bounds: (lower: Double, upper: Double)?
                if !stepsCheckedPerYear, let reference, let minimum, let maximum {
                    let floor = minimum.resolved(against: reference)
                    let protected = service.isProtected.given == true ? service.baseline.given ?? 0 : 0
                    bounds = (max(floor, protected), maximum.resolved(against: reference))
                }
                checkStep(step, bounds: bounds, in: table)
            }
            if let weight = service.weight.given {
                checkWeight(weight, in: table)
            }
            if service.isClosable.given == true, service.isProtected.given == true {
                report(
                    "a protected service cannot be closable: protection holds it at no less than its baseline "
                        + "in every scenario, and closing it would give it nothing",
                    in: table, key: "closable")
            }
        }
        checkUniqueIDs(services.map(\.id.given), kind: .service)
        checkBaselineRange(services)
    }

    /// Rejects baselines too small beside the largest fund or baseline to be computed with
    /// (`smallestBaselineFraction`), rather than let the solver's tolerance swallow them.
    private mutating func checkBaselineRange(_ services: [DraftService]) {
        let amounts = (draft.funds.given ?? []).compactMap(\.amount.given) + services.compactMap(\.baseline.given)
            + services.compactMap(\.request.given)
        guard let largest = amounts.filter({ $0.isFinite && $0 <= largestComputableValue }).max() else { return }
        let smallest = largest * smallestBaselineFraction
        for (ordinal, service) in services.enumerated() {
            for (key, field) in [("baseline", service.baseline), ("request", service.request)] {
                guard let value = field.given, value > 0, value < smallest else { continue }
                report(
                    "\"\(key)\" is too small to compute with beside the scenario's largest amount (got "
                        + "\(formatted(value)); a \(key) must be at least a millionth of \(formatted(largest)))",
                    in: TableReference(kind: .service, ordinal: ordinal, id: service.id.given), key: key)
            }
        }
    }

    private mutating func checkBounds(
        _ minimum: AmountOrPercent, _ maximum: AmountOrPercent, reference: Double, isProtected: Bool, in table: TableReference
    ) {
        let low = minimum.resolved(against: reference)
        let high = maximum.resolved(against: reference)
        if low > high {
            report(
                "min \(formatted(minimum, of: reference)) is above max \(formatted(maximum, of: reference))",
                in: table, key: "min")
        }
        if isProtected, high < reference {
            report(
                "a protected service is funded at no less than its baseline \(formatted(reference)), "
                    + "but its max is \(formatted(maximum, of: reference))",
                in: table, key: "max")
        }
    }

    /// A `step` is money above 0 (and computable), and some whole multiple of it lies in the
    /// service's `[lo, hi]` when those are known.
    private mutating func checkStep(_ step: Double, bounds: (lower: Double, upper: Double)?, in table: TableReference) {
        guard step.isFinite, step > 0, step <= largestComputableValue else {
            report("\"step\" must be an amount of money above 0 (got \(formatted(step)))", in: table, key: "step")
            return
        }
        guard let bounds, !Service.hasMultiple(of: step, from: bounds.lower, to: bounds.upper) else { return }
        report(
            "no whole multiple of \"step\" \(formatted(step)) lies between the service's lower bound "
                + "\(formatted(bounds.lower)) and its max \(formatted(bounds.upper))",
            in: table, key: "step")
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
