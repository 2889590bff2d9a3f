import LinearProgramming
import Testing

@Suite struct MPSReaderTests {
    /// A free-format file using every convention the reader documents.
    static let freeExample = """
        * a comment
        NAME demo problem
        OBJSENSE
            MAX
        ROWS
         N  profit
         L  cap
         G  floor
         E  balance
         E  band
         E  dip
         L  ranged
         N  spare
        COLUMNS
            x  profit  3  cap  1
            x  floor  1  balance  1
            MARKER  'MARKER'  'INTORG'
            y  profit  2  cap  1
            y  band  1  dip  1
            MARKER  'MARKER'  'INTEND'
            y  ranged  2  spare  5
            z  balance  -1  floor  1
        RHS
            cap  10  profit  -7
            floor  2  balance  1
            band  4  dip  6
            ranged  8
            spare  99
        RANGES
            band  2.5  dip  -1.5
            ranged  -3
        BOUNDS
         UP  x  4
         MI  y
         UP  y  6
         UP  z  -2
         BV  BND2  z
        ENDATA
        """

    @Test func readsFreeFormatConventions() throws {
        let p = try MPSReader.parse(Self.freeExample, fileName: "demo.mps")
        #expect(p.name == "demo problem")
        #expect(p.sense == .maximize)
        #expect(p.objectiveName == "profit")
        #expect(p.objectiveConstant == 7)
        #expect(p.columnNames == ["x", "y", "z"])
        #expect(p.costs == [3, 2, 0])
        #expect(p.rowNames == ["cap", "floor", "balance", "band", "dip", "ranged", "spare"])
        let inf = Double.infinity
        #expect(p.rowLower == [-inf, 2, 1, 4, 4.5, 5, -inf])
        #expect(p.rowUpper == [10, inf, 1, 6.5, 6, 8, inf])
        // x: UP 4. y: MI then UP 6. z: negative UP with no lower bound -> -inf.
        // The BV line belongs to a second bound set and is ignored.
        #expect(p.columnLower == [0, -inf, -inf])
        #expect(p.columnUpper == [4, 6, -2])
        #expect(p.matrix.value(row: 0, column: 0) == 1)
        #expect(p.matrix.value(row: 2, column: 2) == -1)
        #expect(p.matrix.value(row: 5, column: 1) == 2)
        #expect(p.matrix.value(row: 6, column: 1) == 5)
        #expect(p.matrix.nonzeroCount == 10)
    }

    @Test func readsInlineObjectiveSenseAndSetlessLines() throws {
        let text = """
            NAME
            OBJSENSE MAXIMIZE
            ROWS
             N obj
             L c1
            COLUMNS
             x obj 1 c1 1
            RHS
             c1 5 obj 2
            BOUNDS
             LO x 1
             UP x 1e30
            ENDATA
            """
        let p = try MPSReader.parse(text, fileName: "t.mps", format: .free)
        #expect(p.sense == .maximize)
        #expect(p.rowUpper == [5])
        #expect(p.objectiveConstant == -2)
        #expect(p.columnLower == [1])
        #expect(p.columnUpper == [.infinity])
    }

    @Test func negativeUpperBoundAfterExplicitLowerKeepsLower() throws {
        let text = """
            NAME t
            ROWS
             N obj
            COLUMNS
             x obj 1
            BOUNDS
             LO b x -10
             UP b x -5
            ENDATA
            """
        let p = try MPSReader.parse(text, fileName: "t.mps")
        #expect(p.columnLower == [-10])
        #expect(p.columnUpper == [-5])
    }

    /// Fixed format: names with spaces, read by column position, and an RHS with no set name.
    @Test func readsFixedFormatNamesWithSpaces() throws {
        let text = """
            NAME          SPACES
            ROWS
             N  COST
             L  LIM 1
             G  LIM 2
            COLUMNS
                MY X      COST               1.5   LIM 1              2.
                MY X      LIM 2               1.
                Y         COST               -1.   LIM 1               1.
            RHS
                          LIM 1              10.   LIM 2               1.
            BOUNDS
             UP BOUND     MY X                3.
            ENDATA
            """
        let p = try MPSReader.parse(text, fileName: "f.mps")
        #expect(p.columnNames == ["MY X", "Y"])
        #expect(p.rowNames == ["LIM 1", "LIM 2"])
        #expect(p.costs == [1.5, -1])
        #expect(p.rowUpper == [10, .infinity])
        #expect(p.rowLower == [-.infinity, 1])
        #expect(p.columnUpper == [3, .infinity])
        #expect(p.matrix.value(row: 0, column: 0) == 2)
        #expect(throws: MPSError.self) { try MPSReader.parse(text, fileName: "f.mps", format: .free) }
    }

    @Test(arguments: NetlibReference.featureSample)
    func netlibFixedAndFreeReadingsAgree(name: String) throws {
        let path = NetlibReference.directory + "/\(name).mps"
        let automatic = try MPSReader.read(contentsOf: path)
        let fixed = try MPSReader.read(contentsOf: path, format: .fixed)
        let free = try MPSReader.read(contentsOf: path, format: .free)
        #expect(automatic == fixed)
        #expect(automatic == free)
    }

    @Test func netlibSizesMatchTheReference() throws {
        #expect(NetlibReference.loadError == nil)
        for reference in NetlibReference.all {
            let p = try MPSReader.read(contentsOf: reference.path)
            #expect(p.rowCount == reference.rows, "\(reference.name) rows")
            #expect(p.columnCount == reference.columns, "\(reference.name) columns")
            #expect(p.matrix.nonzeroCount == reference.nonzeros, "\(reference.name) nonzeros")
        }
    }

    @Test func netlibSpecialCases() throws {
        let dir = NetlibReference.directory
        // boeing1: RANGES on rows; blend: RHS without a set name.
        let blend = try MPSReader.read(contentsOf: dir + "/blend.mps")
        #expect(blend.rowUpper[blend.rowNames.firstIndex(of: "65") ?? -1] == 23.26)
        let boeing = try MPSReader.read(contentsOf: dir + "/boeing1.mps")
        let row = boeing.rowNames.firstIndex(of: "DMBOSHNL") ?? -1
        #expect(boeing.rowUpper[row] - boeing.rowLower[row] == 2)
        // 80bau3b: LO then negative UP keeps the stated lower bound.
        let bau = try MPSReader.read(contentsOf: dir + "/80bau3b.mps")
        let j = bau.columnNames.firstIndex(of: "PFOOT...") ?? -1
        #expect(bau.columnLower[j] == -87.1937)
        #expect(bau.columnUpper[j] == -21.7984)
    }
}
