import LinearProgramming
import Testing

@Suite struct MPSWriterTests {
    @Test(arguments: NetlibReference.featureSample + ["degen2", "pilot4", "scfxm2", "maros", "fit1d", "standgub"])
    func netlibRoundTrip(name: String) throws {
        let original = try MPSReader.read(contentsOf: NetlibReference.directory + "/\(name).mps")
        let text = try MPSWriter.string(for: original)
        let reread = try MPSReader.parse(text, fileName: "\(name)-written.mps")
        #expect(reread == original)
    }

    @Test func roundTripKeepsEveryFeature() throws {
        var p = LinearProgram(name: "every feature", sense: .maximize)
        p.objectiveName = "value"
        p.objectiveConstant = -12.5
        let inf = Double.infinity
        p.addRow(name: "le", lower: -inf, upper: 3)
        p.addRow(name: "ge", lower: 0.1, upper: inf)
        p.addRow(name: "eq", lower: -2, upper: -2)
        p.addRow(name: "range", lower: 0.1, upper: 0.3)
        p.addRow(name: "wide", lower: -1e-17, upper: 1e17)
        p.addRow(name: "free", lower: -inf, upper: inf)
        p.addColumn(name: "a", cost: 1, lower: 0, upper: inf, coefficients: [(0, 1), (3, 0.7)])
        p.addColumn(name: "b", cost: 0, lower: -inf, upper: inf, coefficients: [(1, -2), (5, 1)])
        p.addColumn(name: "c", cost: 1e-300, lower: -inf, upper: -4, coefficients: [(2, 3), (4, 1)])
        p.addColumn(name: "d", cost: -3, lower: 2.5, upper: 2.5)
        p.addColumn(name: "e", cost: 0, lower: 0, upper: -1)
        p.addColumn(name: "f", cost: 0, lower: -7, upper: inf, coefficients: [(1, 1)])
        let text = try MPSWriter.string(for: p)
        #expect(try MPSReader.parse(text, fileName: "w.mps") == p)
        #expect(try MPSReader.parse(text, fileName: "w.mps", format: .free) == p)
    }

    @Test func writesTheExpectedText() throws {
        var p = LinearProgram(name: "tiny")
        p.objectiveName = "cost"
        p.addRow(name: "r", lower: 1, upper: 4)
        p.addColumn(name: "x", cost: 2, lower: -1, upper: 5, coefficients: [(0, 1)])
        let expected = """
            NAME tiny
            ROWS
             N  cost
             G  r
            COLUMNS
                x  cost  2.0
                x  r  1.0
            RHS
                RHS  r  1.0
            RANGES
                RNG  r  3.0
            BOUNDS
             LO BND  x  -1.0
             UP BND  x  5.0
            ENDATA

            """
        #expect(try MPSWriter.string(for: p) == expected)
    }

    @Test func refusesWhatItCannotWrite() {
        var spaced = LinearProgram()
        spaced.addColumn(name: "two words", cost: 1, lower: 0, upper: 1)
        #expect(throws: MPSWriterError.unwritableName(kind: "column", name: "two words")) {
            try MPSWriter.string(for: spaced)
        }
        var marker = LinearProgram()
        marker.addRow(name: "'MARKER'", lower: 0, upper: 1)
        #expect(throws: MPSWriterError.unwritableName(kind: "row", name: "'MARKER'")) { try MPSWriter.string(for: marker) }
        var twice = LinearProgram()
        twice.addRow(name: "r", lower: 0, upper: 1)
        twice.addRow(name: "r", lower: 0, upper: 1)
        #expect(throws: MPSWriterError.duplicateName(kind: "row", name: "r")) { try MPSWriter.string(for: twice) }
        var huge = LinearProgram()
        huge.addColumn(name: "x", cost: 1, lower: 0, upper: 1e31)
        #expect(throws: MPSWriterError.unwritableBound(kind: "column", name: "x", lower: 0, upper: 1e31)) {
            try MPSWriter.string(for: huge)
        }
        var nan = LinearProgram()
        nan.addColumn(name: "x", cost: .nan, lower: 0, upper: 1)
        #expect(throws: MPSWriterError.self) { try MPSWriter.string(for: nan) }
    }
}
