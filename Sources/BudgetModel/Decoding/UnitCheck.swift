extension DraftChecker {
    /// `unit` fine enough to print, coarse enough for the scenario's figures: at most six
    /// decimal places, and the largest figure a report can print (`largestFigure`) printed
    /// exactly (`MoneyFormatter.printsExactly(upTo:)`: in the unit's last decimal place it is
    /// at most 2^53). Past either limit the counts of units or the digits printed for them
    /// are no longer exact, and every figure of a report would be wrong.
    mutating func checkUnitPrecision() {
        guard let unit = draft.unit.given, unit.isFinite, unit > 0, unit <= largestComputableValue else { return }
        let money = MoneyFormatter(currency: "GBP", unit: unit)
        guard MoneyFormatter.decimalPlaces(of: unit) != nil else {
            report(
                "\"unit\" must have at most 6 decimal places (the finest unit is 0.000001), not \(formatted(unit))",
                in: nil, key: "unit")
            return
        }
        guard let largest = largestFigure(), !money.printsExactly(upTo: largest) else { return }
        report(
            "\"unit\" \(formatted(unit)) is too fine for this scenario's largest figure, \(formatted(largest)): "
                + "\(countDescription(largest, unit: unit)), above 2^53 = 9007199254740992, the largest count "
                + "a double holds exactly; \(finestUnitAdvice(for: largest))",
            in: nil, key: "unit")
    }

    /// `largest` counted in the steps a report prints it in: "in steps of 0.01 that is 1e+16".
    private func countDescription(_ largest: Double, unit: Double) -> String {
        let places = MoneyFormatter.decimalPlaces(of: unit) ?? 0
        guard unit != 1000, unit != 1_000_000 else {
            return "in steps of \(formatted(unit)) that is \(formatted((largest / unit).rounded()))"
        }
        var step = 1.0, scale = 1.0
        for _ in 0..<places {
            step /= 10
            scale *= 10
        }
        return "in steps of \(DecimalText.fixed(step, places: places)) that is \(formatted((largest * scale).rounded()))"
    }

    /// The largest amount a report of this scenario can print: the envelope just above a
    /// -100% cut (twice the funds), the total of the baselines, the total of the services'
    /// lower bounds (an infeasible cut's need), and the largest group minimum stated as an
    /// amount. Nil when the funds or services cannot be read (that is reported elsewhere).
    private func largestFigure() -> Double? {
        guard let funds = draft.funds.given, let services = draft.services.given else { return nil }
        let fundTotal = funds.compactMap(\.amount.given).reduce(0, +)
        let baselineTotal = services.compactMap(\.baseline.given).reduce(0, +)
        let lowerBoundTotal = services.reduce(0.0) { total, service in
            guard let baseline = service.reference else { return total }
            let minimum = service.minimum.given?.resolved(against: baseline) ?? 0
            return total + max(minimum, service.isProtected.given == true ? baseline : 0)
        }
        let groupMinimum = (draft.groups.given ?? []).compactMap { group -> Double? in
            if case .amount(let value) = group.minimum.given { return value }
            return nil
        }.max() ?? 0
        let largest = max(2 * fundTotal, baselineTotal, lowerBoundTotal, groupMinimum)
        return largest.isFinite ? largest : nil
    }

    /// Which units `largest` allows, as a clause: "the finest unit it allows is 0.01".
    private func finestUnitAdvice(for largest: Double) -> String {
        let candidates = ["0.000001", "0.00001", "0.0001", "0.001", "0.01", "0.1", "1", "1000", "1000000"]
        for text in candidates {
            guard let finest = Double(text) else { continue }
            if MoneyFormatter(currency: "GBP", unit: finest).printsExactly(upTo: largest) {
                return "the finest unit it allows is \(text)"
            }
        }
        return "no unit allows it"
    }
}
