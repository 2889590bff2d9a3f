import CLAPACK
import Foundation
import LinearProgramming
import Testing

// MARK: - Helpers

/// A square matrix in the column-wise form `SparseLU` takes.
private struct ColumnMatrix {
    var dimension: Int
    var columns: [[(row: Int, value: Double)]]

    init(dimension: Int) {
        self.dimension = dimension
        columns = Array(repeating: [], count: dimension)
    }

    /// From rows written out densely, as on paper.
    init(rows: [[Double]]) {
        self.init(dimension: rows.count)
        for (i, row) in rows.enumerated() {
            for (j, value) in row.enumerated() where value != 0 { columns[j].append((i, value)) }
        }
    }

    var csc: (starts: [Int], rows: [Int], values: [Double]) {
        var starts = [0]
        var rows: [Int] = []
        var values: [Double] = []
        for column in columns {
            for entry in column {
                rows.append(entry.row)
                values.append(entry.value)
            }
            starts.append(rows.count)
        }
        return (starts, rows, values)
    }

    func factor(pivotThreshold: Double = 0.1) throws(SparseLU.Singular) -> SparseLU {
        let (starts, rows, values) = csc
        return try SparseLU(
            dimension: dimension, columnStarts: starts, rowIndices: rows, values: values,
            pivotThreshold: pivotThreshold)
    }

    /// `B x`.
    func multiply(_ x: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: dimension)
        for (j, column) in columns.enumerated() {
            for entry in column { result[entry.row] += entry.value * x[j] }
        }
        return result
    }

    /// `B' y`.
    func transposeMultiply(_ y: [Double]) -> [Double] {
        columns.map { column in column.reduce(0) { $0 + $1.value * y[$1.row] } }
    }

    /// Column-major dense copy.
    var dense: [Double] {
        var a = [Double](repeating: 0, count: dimension * dimension)
        for (j, column) in columns.enumerated() {
            for entry in column { a[j * dimension + entry.row] += entry.value }
        }
        return a
    }
}

/// A random sparse matrix with about `perColumn` entries a column, one of
/// them on a random permutation of the diagonal so it is structurally
/// nonsingular. With `dominant` that entry outweighs the rest of its
/// column, which makes the matrix nonsingular and well conditioned.
private func randomMatrix(
    dimension n: Int, perColumn: Int, dominant: Bool, generator: inout SeededGenerator
) -> ColumnMatrix {
    var matrix = ColumnMatrix(dimension: n)
    let permutation = Array(0..<n).shuffled(using: &generator)
    for j in 0..<n {
        var rows: Set<Int> = [permutation[j]]
        let sign: Double = Bool.random(using: &generator) ? 1 : -1
        let magnitude =
            dominant ? Double(perColumn) + Double.random(in: 0...1, using: &generator)
            : Double.random(in: 0.5...1.5, using: &generator)
        matrix.columns[j].append((permutation[j], sign * magnitude))
        for _ in 1..<max(perColumn, 1) {
            let i = Int.random(in: 0..<n, using: &generator)
            guard rows.insert(i).inserted else { continue }
            matrix.columns[j].append((i, Double.random(in: -1...1, using: &generator)))
        }
    }
    return matrix
}

private func randomVector(_ n: Int, generator: inout SeededGenerator) -> [Double] {
    (0..<n).map { _ in Double.random(in: -10...10, using: &generator) }
}

private func maxNorm(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }

/// `||B x - b|| / ||b||` in the max norm.
private func relativeResidual(_ product: [Double], _ b: [Double]) -> Double {
    maxNorm(zip(product, b).map { $0 - $1 }) / maxNorm(b)
}

/// The normwise backward error `||B x - b|| / (||B|| ||x|| + ||b||)` in the
/// max norm: what a stable solve keeps near machine precision, however badly
/// conditioned `B` is.
private func backwardError(_ matrix: ColumnMatrix, transposed: Bool, _ x: [Double], _ b: [Double]) -> Double {
    var rowSums = [Double](repeating: 0, count: matrix.dimension)
    var columnSums = [Double](repeating: 0, count: matrix.dimension)
    for (j, column) in matrix.columns.enumerated() {
        for entry in column {
            rowSums[entry.row] += abs(entry.value)
            columnSums[j] += abs(entry.value)
        }
    }
    let norm = maxNorm(transposed ? columnSums : rowSums)
    let product = transposed ? matrix.transposeMultiply(x) : matrix.multiply(x)
    return maxNorm(zip(product, b).map { $0 - $1 }) / (norm * maxNorm(x) + maxNorm(b))
}

/// The solution of `B x = b` (or `B' x = b`) by LAPACK's dense LU.
private func lapackSolve(_ matrix: ColumnMatrix, _ b: [Double], transposed: Bool) -> [Double]? {
    var a = matrix.dense
    var x = b
    var n = Int32(matrix.dimension)
    var lda = n
    var ldb = n
    var nrhs: Int32 = 1
    var pivots = [Int32](repeating: 0, count: matrix.dimension)
    var info: Int32 = 0
    dgetrf_(&n, &n, &a, &lda, &pivots, &info)
    guard info == 0 else { return nil }
    dgetrs_(transposed ? "T" : "N", &n, &nrhs, &a, &lda, &pivots, &x, &ldb, &info, 1)
    return info == 0 ? x : nil
}

private func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-13) {
    #expect(actual.count == expected.count)
    for (a, e) in zip(actual, expected) { #expect(abs(a - e) <= tolerance * max(1, abs(e)), "\(a) vs \(e)") }
}

// MARK: - Small matrices worked by hand

@Test func threeByThreeSolvedByHand() throws {
    // B = [2 1 0; 4 3 1; 0 2 5]; B [1, 2, 3] = [4, 13, 19], B' [1, -1, 2] = [-2, 2, 9].
    let matrix = ColumnMatrix(rows: [[2, 1, 0], [4, 3, 1], [0, 2, 5]])
    let lu = try matrix.factor()
    var b = [4.0, 13, 19]
    lu.solve(&b)
    expectClose(b, [1, 2, 3])
    var c = [-2.0, 2, 9]
    lu.solveTransposed(&c)
    expectClose(c, [1, -1, 2])
}

@Test func everyThresholdGivesTheSameSolution() throws {
    // B = [1e-3 1; 1 1]: x = [1, 2] solves B x = [2.001, 3]; B' [2, 3] = [3.002, 5].
    let matrix = ColumnMatrix(rows: [[1e-3, 1], [1, 1]])
    for threshold in [0.0, 0.01, 0.1, 0.5, 1.0, 7.0, -.infinity, .nan] {
        let lu = try matrix.factor(pivotThreshold: threshold)
        var b = [2.001, 3]
        lu.solve(&b)
        expectClose(b, [1, 2], tolerance: 1e-12)
        var c = [3.002, 5]
        lu.solveTransposed(&c)
        expectClose(c, [2, 3], tolerance: 1e-12)
    }
}

@Test func emptyMatrixFactorsAndSolvesNothing() throws {
    let lu = try SparseLU(dimension: 0, columnStarts: [0], rowIndices: [], values: [])
    #expect(lu.nonzeroCount == 0)
    var empty: [Double] = []
    lu.solve(&empty)
    lu.solveTransposed(&empty)
    #expect(empty.isEmpty)
}

@Test func oneByOne() throws {
    let lu = try SparseLU(dimension: 1, columnStarts: [0, 1], rowIndices: [0], values: [4])
    #expect(lu.nonzeroCount == 1)
    var b = [10.0]
    lu.solve(&b)
    #expect(b == [2.5])
    var c = [-2.0]
    lu.solveTransposed(&c)
    #expect(c == [-0.5])
}

@Test func oneByOneZeroIsSingular() {
    #expect(throws: SparseLU.Singular.self) {
        try SparseLU(dimension: 1, columnStarts: [0, 0], rowIndices: [], values: [])
    }
    do {
        _ = try SparseLU(dimension: 1, columnStarts: [0, 1], rowIndices: [0], values: [1e-13])
        Issue.record("a 1e-13 pivot was accepted")
    } catch {
        #expect(error.dependentColumns == [0])
        #expect(error.unpivotedRows == [0])
    }
}

@Test func repeatedRowsInAColumnAreSummed() throws {
    // Column 0 is given as (0, 1) + (0, 2) + (1, 5) + (1, -5): that is 3 e_0.
    let lu = try SparseLU(
        dimension: 2, columnStarts: [0, 4, 5], rowIndices: [0, 0, 1, 1, 1], values: [1, 2, 5, -5, 2])
    #expect(lu.nonzeroCount == 2)
    var b = [6.0, 4]
    lu.solve(&b)
    #expect(b == [2, 2])
}

@Test func permutationMatrixMovesEntries() throws {
    // Column j is e_{perm[j]}: B x = b gives x[j] = b[perm[j]], B' y = c gives y[perm[j]] = c[j].
    let permutation = [3, 0, 4, 1, 2]
    var matrix = ColumnMatrix(dimension: 5)
    for (j, i) in permutation.enumerated() { matrix.columns[j] = [(i, 1)] }
    let lu = try matrix.factor()
    #expect(lu.nonzeroCount == 5)
    var b = [10.0, 20, 30, 40, 50]
    lu.solve(&b)
    #expect(b == [40, 10, 50, 20, 30])
    var c = [10.0, 20, 30, 40, 50]
    lu.solveTransposed(&c)
    #expect(c == [20, 40, 50, 10, 30])
}

@Test func lowerTriangularIsSolvedExactly() throws {
    // B = [2 0 0 0; 1 4 0 0; 0 3 1 0; 5 0 2 8], x = [1, -1, 2, 0.5].
    let matrix = ColumnMatrix(rows: [[2, 0, 0, 0], [1, 4, 0, 0], [0, 3, 1, 0], [5, 0, 2, 8]])
    let lu = try matrix.factor()
    #expect(lu.nonzeroCount == 8)  // triangular: no fill
    var b = [2.0, -3, -1, 13]
    lu.solve(&b)
    #expect(b == [1, -1, 2, 0.5])
    // B' y = [5, -8, 2, 8] for y = [1, -2, 0, 1].
    var c = [5.0, -8, 2, 8]
    lu.solveTransposed(&c)
    #expect(c == [1, -2, 0, 1])
}

@Test func upperTriangularIsSolvedExactly() throws {
    // B = [1 2 0; 0 2 6; 0 0 4], B x = [1, -0.5, 1] for x = [3, -1, 0.25];
    // B' y = [1, 4, 9] for y = [1, 1, 0.75].
    let matrix = ColumnMatrix(rows: [[1, 2, 0], [0, 2, 6], [0, 0, 4]])
    let lu = try matrix.factor()
    #expect(lu.nonzeroCount == 5)
    var b = [1.0, -0.5, 1]
    lu.solve(&b)
    #expect(b == [3, -1, 0.25])
    var c = [1.0, 4, 9]
    lu.solveTransposed(&c)
    #expect(c == [1, 1, 0.75])
}

@Test func sparseRightHandSides() throws {
    // A unit right-hand side gives a column of B⁻¹ (FTRAN) or a row (BTRAN).
    // B = [4 0 1; 0 2 0; 2 0 1] has B⁻¹ = [0.5 0 -0.5; 0 0.5 0; -1 0 2].
    let matrix = ColumnMatrix(rows: [[4, 0, 1], [0, 2, 0], [2, 0, 1]])
    let lu = try matrix.factor()
    let inverse: [[Double]] = [[0.5, 0, -0.5], [0, 0.5, 0], [-1, 0, 2]]
    for k in 0..<3 {
        var column = [0.0, 0, 0]
        column[k] = 1
        lu.solve(&column)
        expectClose(column, inverse.map { $0[k] })
        var row = [0.0, 0, 0]
        row[k] = 1
        lu.solveTransposed(&row)
        expectClose(row, inverse[k])
    }
}

// MARK: - Random matrices

@Test(arguments: [1, 2, 3, 5, 8, 13, 30, 60, 120, 200])
func randomMatricesAgreeWithLAPACK(dimension: Int) throws {
    var generator = SeededGenerator(state: UInt64(1_000 + dimension))
    for perColumn in [1, 2, 3, 5] {
        let matrix = randomMatrix(
            dimension: dimension, perColumn: perColumn, dominant: false, generator: &generator)
        let lu = try matrix.factor()
        for transposed in [false, true] {
            let b = randomVector(dimension, generator: &generator)
            let reference = try #require(lapackSolve(matrix, b, transposed: transposed))
            var x = b
            if transposed { lu.solveTransposed(&x) } else { lu.solve(&x) }
            let error = maxNorm(zip(x, reference).map { $0 - $1 }) / maxNorm(reference)
            #expect(error < 1e-9, "n \(dimension), \(perColumn)/column, transposed \(transposed): \(error)")
        }
    }
}

@Test(arguments: [10, 40, 90])
func denseMatricesAgreeWithLAPACK(dimension: Int) throws {
    // Every entry stored: the Markowitz search meets fill at every step.
    var generator = SeededGenerator(state: UInt64(77 + dimension))
    var matrix = ColumnMatrix(dimension: dimension)
    for j in 0..<dimension {
        matrix.columns[j] = (0..<dimension).map { ($0, Double.random(in: -1...1, using: &generator)) }
    }
    let lu = try matrix.factor()
    #expect(lu.nonzeroCount == dimension * dimension)
    for transposed in [false, true] {
        let b = randomVector(dimension, generator: &generator)
        let reference = try #require(lapackSolve(matrix, b, transposed: transposed))
        var x = b
        if transposed { lu.solveTransposed(&x) } else { lu.solve(&x) }
        let error = maxNorm(zip(x, reference).map { $0 - $1 }) / maxNorm(reference)
        #expect(error < 1e-9, "n \(dimension), transposed \(transposed): \(error)")
    }
}

@Test(arguments: [500, 1_000, 2_000])
func largeRandomMatricesHaveSmallResiduals(dimension: Int) throws {
    var generator = SeededGenerator(state: UInt64(dimension))
    for dominant in [true, false] {
        let matrix = randomMatrix(dimension: dimension, perColumn: 3, dominant: dominant, generator: &generator)
        let lu = try matrix.factor()
        let b = randomVector(dimension, generator: &generator)
        var x = b
        lu.solve(&x)
        #expect(relativeResidual(matrix.multiply(x), b) < 1e-10)
        var y = b
        lu.solveTransposed(&y)
        #expect(relativeResidual(matrix.transposeMultiply(y), b) < 1e-10)
    }
}

// MARK: - Singular and nearly singular matrices

@Test func zeroColumnAndZeroRowAreReported() {
    // Column 1 and row 2 are empty.
    let matrix = ColumnMatrix(rows: [[1, 0, 2], [3, 0, 1], [0, 0, 0]])
    do {
        _ = try matrix.factor()
        Issue.record("a matrix with a zero column was factorised")
    } catch {
        #expect(error.dependentColumns == [1])
        #expect(error.unpivotedRows == [2])
    }
}

@Test func structurallySingularColumnsAreReported() throws {
    // Columns 0, 2 and 3 have entries only in rows 0 and 3, so one of them
    // cannot be pivoted; rows 1, 2 and 4 have entries only in columns 1 and
    // 4, so one of them is left without a pivot.
    let matrix = ColumnMatrix(rows: [
        [1, 0, 2, 1, 0],
        [0, 1, 0, 0, 1],
        [0, 1, 0, 0, 2],
        [1, 0, 1, 5, 0],
        [0, 0, 0, 0, 3],
    ])
    do {
        _ = try matrix.factor()
        Issue.record("a structurally singular matrix was factorised")
    } catch {
        #expect(error.dependentColumns.count == 1)
        #expect(Set(error.dependentColumns).isSubset(of: [0, 2, 3]))
        #expect(error.unpivotedRows.count == 1)
        #expect(Set(error.unpivotedRows).isSubset(of: [1, 2, 4]))
        try expectRepairWorks(matrix, error)
    }
}

@Test func nonFiniteEntriesAreNeverPivots() {
    // Column 0 holds only NaN, column 2 only an infinity: neither can be pivoted.
    let matrix = ColumnMatrix(rows: [[.nan, 1, 0], [0, 2, .infinity], [0, 0, 0]])
    do {
        _ = try matrix.factor()
        Issue.record("a matrix of non-finite entries was factorised")
    } catch {
        #expect(error.dependentColumns == [0, 2])
        #expect(error.unpivotedRows.count == 2)
    }
}

@Test func exactlyDependentColumnIsReported() throws {
    // Column 2 = column 0 + column 1; column 3 is independent.
    let matrix = ColumnMatrix(rows: [[1, 2, 3, 0], [4, 5, 9, 1], [7, 8, 15, 0], [0, 0, 0, 2]])
    try expectOneDependentColumnAmong([0, 1, 2], matrix: matrix)
}

@Test func nearlyDependentColumnIsReported() throws {
    // Column 2 = column 0 + column 1 + 1e-15 e_0: below the pivot tolerance.
    let matrix = ColumnMatrix(rows: [[1, 2, 3 + 1e-15, 0], [4, 5, 9, 1], [7, 8, 15, 0], [0, 0, 0, 2]])
    try expectOneDependentColumnAmong([0, 1, 2], matrix: matrix)
}

@Test func illConditionedButNonsingularIsSolved() throws {
    // Column 2 = column 0 + column 1 + 1e-7 e_0: nonsingular, condition near 1e8.
    let matrix = ColumnMatrix(rows: [[1, 2, 3 + 1e-7, 0], [4, 5, 9, 1], [7, 8, 15, 0], [0, 0, 0, 2]])
    let lu = try matrix.factor()
    let x = [1.0, -2, 0.5, 3]
    var b = matrix.multiply(x)
    lu.solve(&b)
    expectClose(b, x, tolerance: 1e-6)
    var c = matrix.transposeMultiply(x)
    lu.solveTransposed(&c)
    expectClose(c, x, tolerance: 1e-6)
}

/// Factoring `matrix` fails with one dependent column, one of `candidates`,
/// and replacing it by the unit column of the unpivoted row repairs it.
private func expectOneDependentColumnAmong(_ candidates: Set<Int>, matrix: ColumnMatrix) throws {
    do {
        _ = try matrix.factor()
        Issue.record("a singular matrix was factorised")
    } catch {
        #expect(error.dependentColumns.count == 1)
        #expect(error.unpivotedRows.count == 1)
        #expect(Set(error.dependentColumns).isSubset(of: candidates))
        try expectRepairWorks(matrix, error)
    }
}

/// Replacing the dependent columns by unit columns of the unpivoted rows
/// gives a matrix that factors and solves accurately, and
/// `factorRepairingDependentColumns` makes that same repair in one go.
private func expectRepairWorks(_ matrix: ColumnMatrix, _ singular: SparseLU.Singular) throws {
    #expect(singular.dependentColumns.count == singular.unpivotedRows.count)
    var repaired = matrix
    for (column, row) in zip(singular.dependentColumns, singular.unpivotedRows) {
        repaired.columns[column] = [(row, 1)]
    }
    let (starts, rows, values) = matrix.csc
    let (repairedInOneGo, repair) = SparseLU.factorRepairingDependentColumns(
        dimension: matrix.dimension, columnStarts: starts, rowIndices: rows, values: values)
    #expect(repair?.dependentColumns == singular.dependentColumns)
    #expect(repair?.unpivotedRows == singular.unpivotedRows)
    var generator = SeededGenerator(state: 7)
    let b = randomVector(matrix.dimension, generator: &generator)
    for lu in [try repaired.factor(), repairedInOneGo] {
        var x = b
        lu.solve(&x)
        #expect(relativeResidual(repaired.multiply(x), b) < 1e-10)
        var y = b
        lu.solveTransposed(&y)
        #expect(relativeResidual(repaired.transposeMultiply(y), b) < 1e-10)
    }
}

@Test func repairingANonsingularMatrixChangesNothing() throws {
    let matrix = ColumnMatrix(rows: [[2, 1, 0], [4, 3, 1], [0, 2, 5]])
    let (starts, rows, values) = matrix.csc
    let (lu, repair) = SparseLU.factorRepairingDependentColumns(
        dimension: 3, columnStarts: starts, rowIndices: rows, values: values)
    #expect(repair == nil)
    var b = [4.0, 13, 19]
    lu.solve(&b)
    expectClose(b, [1, 2, 3])
}

@Test(arguments: [4.0, 4 + 1e-14])
func singularBlockInASparseMatrixIsReported(corner: Double) throws {
    // 40 diagonal 2×2 blocks [2 1; 1 3], except block 7 = [1 2; 2 corner],
    // which is singular or within 1e-14 of it. The matrix stays sparse, so
    // the dependency is found by the sparse Markowitz elimination.
    var matrix = ColumnMatrix(dimension: 80)
    for block in 0..<40 {
        let (a, b, d) = block == 7 ? (1.0, 2.0, corner) : (2.0, 1.0, 3.0)
        matrix.columns[2 * block] = [(2 * block, a), (2 * block + 1, b)]
        matrix.columns[2 * block + 1] = [(2 * block, b), (2 * block + 1, d)]
    }
    do {
        _ = try matrix.factor()
        Issue.record("a singular block was factorised")
    } catch {
        #expect(error.dependentColumns.count == 1)
        #expect(Set(error.dependentColumns).isSubset(of: [14, 15]))
        #expect(Set(error.unpivotedRows).isSubset(of: [14, 15]))
        try expectRepairWorks(matrix, error)
    }
}

@Test func randomMatrixWithDependentColumnsIsReportedAndRepaired() throws {
    var generator = SeededGenerator(state: 42)
    var matrix = randomMatrix(dimension: 300, perColumn: 3, dominant: true, generator: &generator)
    // Columns 10, 150 and 299 become combinations of two other columns each.
    for (target, first, second) in [(10, 3, 4), (150, 77, 200), (299, 0, 10)] {
        var combination = [Double](repeating: 0, count: 300)
        for entry in matrix.columns[first] { combination[entry.row] += 2 * entry.value }
        for entry in matrix.columns[second] { combination[entry.row] -= 0.5 * entry.value }
        matrix.columns[target] = combination.enumerated().compactMap { $1 == 0 ? nil : ($0, $1) }
    }
    do {
        _ = try matrix.factor()
        Issue.record("a rank-297 matrix was factorised")
    } catch {
        #expect(error.dependentColumns.count == 3)
        try expectRepairWorks(matrix, error)
    }
}

// MARK: - Simplex bases from Netlib problems

/// The constraint columns of an MPS file (objective rows left out), read
/// just far enough for these tests.
private func netlibColumns(_ name: String) throws -> (rowCount: Int, columns: [[(row: Int, value: Double)]]) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/netlib/\(name).mps")
    let text = try String(contentsOf: url, encoding: .utf8)
    var rowNumber: [Substring: Int] = [:]
    var columns: [[(row: Int, value: Double)]] = []
    var columnNumber: [Substring: Int] = [:]
    var section = ""
    for line in text.split(whereSeparator: \.isNewline) {
        if let first = line.first, !first.isWhitespace {
            section = String(line.prefix { !$0.isWhitespace })
            if section == "RHS" || section == "ENDATA" { break }
            continue
        }
        let fields = line.split(whereSeparator: \.isWhitespace)
        if section == "ROWS", fields.count == 2, fields[0] != "N" {
            rowNumber[fields[1]] = rowNumber.count
        } else if section == "COLUMNS", fields.count >= 3, !line.contains("MARKER") {
            let j = columnNumber[fields[0]] ?? columns.count
            if j == columns.count {
                columnNumber[fields[0]] = j
                columns.append([])
            }
            for pair in stride(from: 1, to: fields.count - 1, by: 2) {
                guard let i = rowNumber[fields[pair]], let value = Double(fields[pair + 1]) else { continue }
                columns[j].append((i, value))
            }
        }
    }
    return (rowNumber.count, columns)
}

@Test(arguments: ["afiro", "d2q06c", "80bau3b", "fit2p", "dfl001"])
func netlibBasisFactorsRepairsAndSolves(problem: String) throws {
    let (m, structurals) = try netlibColumns(problem)
    #expect(m > 0)
    // Start from the slack basis and put every other structural column (up
    // to half the rows) in the place of the slack of its largest entry's row.
    var basis = ColumnMatrix(dimension: m)
    var slot = [Bool](repeating: false, count: m)
    for i in 0..<m { basis.columns[i] = [(i, 1)] }
    var placed = 0
    for column in stride(from: 0, to: structurals.count, by: 2).map({ structurals[$0] }) where placed < m / 2 {
        let rows = column.sorted { abs($0.value) > abs($1.value) }.map(\.row)
        guard let i = rows.first(where: { !slot[$0] }) else { continue }
        slot[i] = true
        basis.columns[i] = column
        placed += 1
    }
    let lu: SparseLU
    do {
        lu = try basis.factor()
    } catch {
        // What a simplex code does: swap the dependent columns for slacks.
        var repaired = basis
        for (column, row) in zip(error.dependentColumns, error.unpivotedRows) { repaired.columns[column] = [(row, 1)] }
        basis = repaired
        lu = try basis.factor()
    }
    // Bases built this way can be badly conditioned (d2q06c's is near 1e11),
    // so the test is on backward error, which a stable solve keeps small.
    var generator = SeededGenerator(state: UInt64(m))
    let b = randomVector(m, generator: &generator)
    var unit = [Double](repeating: 0, count: m)
    unit[m / 2] = 1  // a unit right-hand side, as in a simplex iteration
    for rhs in [b, unit] {
        var x = rhs
        lu.solve(&x)
        #expect(backwardError(basis, transposed: false, x, rhs) < 1e-14)
        var y = rhs
        lu.solveTransposed(&y)
        #expect(backwardError(basis, transposed: true, y, rhs) < 1e-14)
    }
}
