import BudgetModel
import BudgetReports
import Testing

@Suite struct MoneyFormatterTests {
    @Test(arguments: [
        ("GBP", 1_234.0, "£1,234"), ("EUR", 1_234, "€1,234"), ("USD", 1_234, "$1,234"),
        ("CHF", 1_234, "CHF 1,234"), ("GBP", -1_234, "-£1,234"), ("GBP", 0, "£0"),
        ("GBP", 999, "£999"), ("GBP", 1_000_000, "£1,000,000"), ("GBP", 123_456_789, "£123,456,789"),
    ])
    func wholePounds(currency: String, units: Double, expected: String) {
        #expect(MoneyFormatter(currency: currency, unit: 1).format(units: units) == expected)
    }

    @Test func thousandsPrintWithK() {
        let money = MoneyFormatter(currency: "GBP", unit: 1000)
        #expect(money.format(units: 1_234) == "£1,234k")
        #expect(money.format(units: -5) == "-£5k")
        #expect(money.format(amount: 1_234_499) == "£1,234k")
        #expect(money.unitDescription == "£1k")
        #expect(money.plain(units: 1_234) == "1234000")
    }

    @Test func otherUnitsPrintTheFullAmount() {
        let pence = MoneyFormatter(currency: "EUR", unit: 0.01)
        #expect(pence.format(units: 123_456) == "€1,234.56")
        #expect(pence.format(units: -5) == "-€0.05")
        #expect(pence.plain(units: 123_456) == "1234.56")
        #expect(pence.unitDescription == "€0.01")
        let fifties = MoneyFormatter(currency: "USD", unit: 50)
        #expect(fifties.format(units: 25) == "$1,250")
        #expect(fifties.unitDescription == "$50")
        #expect(MoneyFormatter(currency: "GBP", unit: 1_000_000).format(units: 12) == "£12m")
    }

    @Test func negativeZeroPrintsAsZero() {
        #expect(MoneyFormatter(currency: "GBP", unit: 1).format(units: -0.0) == "£0")
        #expect(MoneyFormatter(currency: "GBP", unit: 1).format(amount: -0.3) == "£0")
    }

    @Test func amountsBeyondInt64sExactRangeAreGroupedToo() {
        let pounds = MoneyFormatter(currency: "GBP", unit: 1)
        #expect(pounds.format(units: 1e17) == "£100,000,000,000,000,000")
        #expect(pounds.format(units: -1e17) == "-£100,000,000,000,000,000")
        #expect(pounds.plain(units: -1e17) == "-100000000000000000")
        let pence = MoneyFormatter(currency: "EUR", unit: 0.01)
        #expect(pence.format(units: 1e16) == "€100,000,000,000,000.00")
        #expect(pence.plain(units: 7) == "0.07")
        #expect(pence.format(units: -123) == "-€1.23")
        #expect(MoneyFormatter(currency: "CHF", unit: 1000).format(units: -1_234_567) == "-CHF 1,234,567k")
    }
}

@Suite struct PercentFormatterTests {
    @Test(arguments: [
        (-22.0, "-22.0%"), (-5.0, "-5.0%"), (5.04, "+5.0%"), (0, "0.0%"), (-0.04, "0.0%"),
        (-16.666666666666668, "-16.7%"), (-100, "-100.0%"), (Double.nan, "n/a"),
    ])
    func changes(percent: Double, expected: String) {
        #expect(PercentFormatter.change(percent) == expected)
    }

    @Test(arguments: [(5.0, "5%"), (7.5, "7.5%"), (-10, "-10%"), (0.01, "0.01%"), (0.0001, "0.0001%"), (-0.0, "0%")])
    func cutLabels(cut: Double, expected: String) {
        #expect(PercentFormatter.cut(cut) == expected)
    }

    @Test func maximumCutIsRoundedDownSoItIsFeasible() {
        #expect(PercentFormatter.maximumCut(100 * (1 - 680_000.0 / 1_100_000)) == "38.18%")
        #expect(PercentFormatter.maximumCut(18.4) == "18.40%")
        #expect(PercentFormatter.maximumCut(12.349) == "12.34%")
        #expect(PercentFormatter.maximumCut(100) == "100% (every cut from 0% up to 100% is feasible)")
        #expect(PercentFormatter.maximumCut(nil) == "none: even a 0% cut is infeasible")
    }

    /// "an" before eight, eleven and eighteen read aloud, "a" before every other figure.
    @Test func theArticleFollowsTheFigureReadAloud() {
        let an = ["8", "8.5", "11", "11.25", "18", "18%", "80", "89.9", "800", "8,000", "11,000", "18000", "11000000"]
        let a = ["0", "0.5", "1", "5", "12.5", "20", "-8", "-11", "110", "180", "1,100", "1800", "118", "1.8"]
        #expect(an.allSatisfy { PercentFormatter.indefiniteArticle(before: $0) == "an" }, "\(an.map { PercentFormatter.indefiniteArticle(before: $0) })")
        #expect(a.allSatisfy { PercentFormatter.indefiniteArticle(before: $0) == "a" }, "\(a.map { PercentFormatter.indefiniteArticle(before: $0) })")
        // The same words from the figure's bytes, as a sweep's explanations take them.
        let fromBytes = { (figure: String) in PercentFormatter.indefiniteArticle(beforeNumber: ArraySlice(figure.utf8)) }
        #expect(an.allSatisfy { fromBytes($0) == "an" }, "\(an.map(fromBytes))")
        #expect(a.allSatisfy { fromBytes($0) == "a" }, "\(a.map(fromBytes))")
    }

    /// A figure with fixed decimals written into bytes reads as the String form does: rounded half
    /// away from zero, padded with zeros, never `-0`.
    @Test(arguments: [
        (0.8888, 2, "0.89"), (88.88, 2, "88.88"), (63.75, 2, "63.75"), (-22.0, 1, "-22.0"), (5.25, 1, "5.3"),
        (1_234.5, 0, "1235"), (0.001, 2, "0.00"), (-0.001, 2, "0.00"), (-0.005, 2, "-0.01"), (0.05, 3, "0.050"),
        (12_345_678.9, 1, "12345678.9"),
    ])
    func fixedDecimalsAsBytes(value: Double, places: Int, expected: String) {
        var bytes: [UInt8] = Array("x".utf8)
        DecimalText.appendFixed(value, places: places, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + expected)
        #expect(DecimalText.fixed(value, places: places) == expected)
    }

    /// An exact figure written into bytes is the standard library's shortest round-trip text of
    /// the Double (`description`), appended after what is there: for worked values and for a
    /// million bit patterns at random (fixed seed) across every exponent, subnormals and NaNs
    /// included.
    @Test func shortestDigitsAsBytesAreTheDescription() {
        let worked: [(Double, String)] = [
            (146_820.80000000013, "146820.80000000013"), (234_000.00000000003, "234000.00000000003"), (0.1, "0.1"),
            (5, "5.0"), (-3.25, "-3.25"), (1e-5, "1e-05"), (1e16, "1e+16"), (-0.0, "-0.0"), (.infinity, "inf"),
        ]
        for (value, text) in worked {
            var bytes: [UInt8] = Array("x,".utf8)
            DecimalText.appendDescription(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x," + text)
        }
        var state: UInt64 = 0x0019_0003
        var bytes: [UInt8] = []
        var mismatches: [String] = []
        for _ in 0..<1_000_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Double(bitPattern: state)
            bytes.removeAll(keepingCapacity: true)
            DecimalText.appendDescription(value, to: &bytes)
            if String(decoding: bytes, as: UTF8.self) != value.description, mismatches.count < 5 { mismatches.append(value.description) }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// Money's digits written from the last back (`DecimalText.appendMagnitude`) are the digits
    /// `withIntegerDigits` makes laid out by `appendDigits`: for whole numbers at random (fixed
    /// seed) of every length up to 16 digits, each sign, with 0 to 6 places, grouped or not.
    @Test func moneyDigitsFromTheLastBackAreTheDigitsLaidOut() {
        var state: UInt64 = 0x0019_0004
        var mismatches: [String] = []
        for trial in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var scale = 1.0
            for _ in 0..<(trial % 16) { scale *= 10 }
            let value = (Double(state >> 11) / Double(1 << 53) * scale).rounded(.down) * (trial % 3 == 0 ? -1 : 1)
            let (places, grouped) = (trial % 7, trial % 2 == 0)
            var laidOut: [UInt8] = [], fromTheBack: [UInt8] = []
            DecimalText.withIntegerDigits(value) { _, digits in
                DecimalText.appendDigits(digits, fractionDigits: places, grouped: grouped, to: &laidOut)
            }
            DecimalText.appendMagnitude(UInt64(abs(value)), fractionDigits: places, grouped: grouped, to: &fromTheBack)
            if laidOut != fromTheBack, mismatches.count < 5 { mismatches.append("\(value) \(places) \(grouped)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        let pence = MoneyFormatter(currency: "GBP", unit: 0.01)
        #expect(pence.format(units: -123_456_789) == "-£1,234,567.89")
        #expect(pence.format(units: 5) == "£0.05")
        #expect(pence.plain(units: -5) == "-0.05")
        #expect(MoneyFormatter(currency: "EUR", unit: 1000).format(units: -1_234) == "-€1,234k")
        #expect(MoneyFormatter(currency: "GBP", unit: 1000).plain(units: 1_234) == "1234000")
        #expect(MoneyFormatter(currency: "GBP", unit: 1).format(units: -0.0) == "£0")
    }

    /// A cut level as bytes: the shortest digits without an exponent, integral values without `.0`.
    @Test(arguments: [
        (21.6071, "21.6071"), (0.0001, "0.0001"), (99.9999, "99.9999"), (30, "30"), (-5, "-5"), (7.5, "7.5"),
        (0.00001, "0.00001"), (1e-7, "0.0000001"),
    ])
    func cutLevelsAsBytes(value: Double, expected: String) {
        var bytes: [UInt8] = Array("x".utf8)
        PercentFormatter.appendNumber(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + expected)
    }
}
