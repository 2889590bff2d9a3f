import BudgetModel
import Testing

@Suite struct CutRangeTests {
    @Test func boardPaperRangeUsesTheDefaultStepOfFive() throws {
        let cuts = try CutRange(parsing: "5..20%")
        #expect(Array(cuts) == [5, 10, 15, 20])
        #expect(cuts.count == 4)
        #expect(cuts.isRange)
    }

    @Test func percentSignIsOptional() throws {
        #expect(Array(try CutRange(parsing: "5..20")) == [5, 10, 15, 20])
        #expect(Array(try CutRange(parsing: "5%..20%")) == [5, 10, 15, 20])
    }

    @Test func fineStepGivesExactlyThreeThousandAndOneValuesEndingAtThirty() throws {
        let cuts = try CutRange(parsing: "0..30%", step: "0.01")
        #expect(cuts.count == 3_001)
        var seen = 0
        var last = -1.0
        for (k, cut) in cuts.enumerated() {
            // Each value is the Double nearest k/100, computed without accumulation.
            #expect(cut == Double(k) / 100)
            last = cut
            seen += 1
        }
        #expect(seen == 3_001)
        #expect(last == 30)
        let values = Array(cuts)
        #expect(values[30] == 0.3)
        #expect(values[30].description == "0.3")
    }

    @Test func aMillionCutsAreCountedWithoutBeingStored() throws {
        let cuts = try CutRange(parsing: "0..99.9999%", step: "0.0001")
        #expect(cuts.count == 1_000_000)
        var iterator = cuts.makeIterator()
        #expect(iterator.next() == 0)
        #expect(iterator.next() == 0.0001)
    }

    @Test func rangeStopsAtTheLastStepNotBeyondTheEnd() throws {
        #expect(Array(try CutRange(parsing: "5..20%", step: "4")) == [5, 9, 13, 17])
        #expect(Array(try CutRange(parsing: "7.5..7.5%")) == [7.5])
    }

    @Test func negativeCutsAreIncreases() throws {
        #expect(Array(try CutRange(parsing: "-10..5%")) == [-10, -5, 0, 5])
        #expect(Array(try CutRange(parsing: "-99.5%")) == [-99.5])
    }

    @Test func listKeepsTheOrderGiven() throws {
        let cuts = try CutRange(parsing: "5,7.5,10%")
        #expect(Array(cuts) == [5, 7.5, 10])
        #expect(!cuts.isRange)
        #expect(Array(try CutRange(parsing: "20%, 5%")) == [20, 5])
    }

    @Test func oneValue() throws {
        #expect(Array(try CutRange(parsing: "10%")) == [10])
        #expect(Array(try CutRange(parsing: " .5 ")) == [0.5])
        #expect(Array(try CutRange(parsing: "99.99")) == [99.99])
    }

    @Test(arguments: [
        ("120%", CutRangeError.outOfRange("120%")),
        ("-100%", .outOfRange("-100%")),
        ("100", .outOfRange("100")),
        ("5..100%", .outOfRange("100%")),
        ("1234567%", .outOfRange("1234567%")),
        ("5..", .missingRangeEnd("5..")),
        ("..20%", .missingRangeStart("..20%")),
        ("20..5%", .descending("20..5%")),
        ("abc", .notANumber("abc")),
        ("NaN", .notANumber("NaN")),
        ("inf", .notANumber("inf")),
        ("-inf%", .notANumber("-inf%")),
        ("1e1", .notANumber("1e1")),
        ("", .empty),
        ("   ", .empty),
        ("5..20%%", .notANumber("20%%")),
        ("5,10..20%", .rangeInList("5,10..20%")),
        ("5,,10", .notANumber("")),
        ("5..10..15", .malformedRange("5..10..15")),
        ("1.5.2", .notANumber("1.5.2")),
        ("0.0000000001", .tooPrecise("0.0000000001")),
    ])
    func rejectsMalformedCuts(text: String, expected: CutRangeError) {
        #expect(throws: expected) { try CutRange(parsing: text) }
    }

    @Test(arguments: ["0", "-1", "0%", "abc", "NaN"])
    func rejectsBadSteps(step: String) {
        #expect(throws: CutRangeError.self) { try CutRange(parsing: "5..20%", step: step) }
    }

    @Test func stepMessagesNameTheStep() {
        #expect(throws: CutRangeError.stepNotPositive("0")) { try CutRange(parsing: "5..20%", step: "0") }
        #expect(throws: CutRangeError.stepNotPositive("-1")) { try CutRange(parsing: "5..20%", step: "-1") }
        #expect(throws: CutRangeError.notANumber("abc")) { try CutRange(parsing: "5..20%", step: "abc") }
        #expect(throws: CutRangeError.stepWithoutRange("1")) { try CutRange(parsing: "5,10", step: "1") }
        #expect(throws: CutRangeError.stepWithoutRange("1")) { try CutRange(parsing: "10%", step: "1") }
    }

    @Test func messagesAreOneLine() {
        let message = CutRangeError.outOfRange("120%").description
        #expect(message == "cut 120% is out of range: a cut must be greater than -100% and less than 100%")
        #expect(!CutRangeError.empty.description.contains("\n"))
    }

    /// Found by fuzzing (`make fuzz`, FuzzCutRange): a newline typed into `--step` was copied
    /// into the message as is and broke the one-line error over two lines.
    @Test func controlCharactersInQuotedTextAreEscaped() {
        #expect(throws: CutRangeError.stepWithoutRange(".2%\n.5")) { try CutRange(parsing: "10%", step: ".2%\n.5") }
        #expect(CutRangeError.stepWithoutRange(".2%\n.5").description
            == "--step .2%\\n.5 applies only to a range A..B%, not to a list or a single cut")
        #expect(CutRangeError.notANumber("5\t\u{1B}'\\").description
            == "'5\\t\\u{1b}\\'\\\\' is not a percentage: write a plain decimal number such as 7.5 or 7.5%")
    }
}
