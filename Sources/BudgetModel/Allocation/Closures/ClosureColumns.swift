import LinearProgramming

/// The binary columns that let a closable service close (SCENARIO-SPEC section 12), added to
/// an allocation programme whose level columns are `y_s = x_s / reference_s`.
///
/// For each closable service `s` with bounds `[lo, hi]` (as levels), a column `z_s` in `{0, 1}`
/// (1: closed) and the rows `y_s + lo z_s >= lo` and `y_s + hi z_s <= hi`, with `y_s` itself
/// bounded by `[0, hi]`: `lo (1 - z_s) <= y_s <= hi (1 - z_s)`, so an open service keeps its
/// bounds and a closed one takes 0. A row that says nothing (`lo = 0`, or `hi = 0`) is left out.
struct ClosureColumns {
    /// The closable services, by index into the scenario's services, in file order.
    let services: [Int]
    /// The `z` column of each of `services`, in the same order.
    let columns: [Int]

    /// Adds the columns for `scenario` and its whole posts (`StepColumns`) to a maximum-cut
    /// `program` (whose level columns are named `level:ID`, as `MaximumCutProgram` names them)
    /// and solves it by branch and bound with `options`, handing the programme and its result
    /// to `observer`.
    static func solvingMaximumCut(
        _ program: LinearProgram, of scenario: Scenario,
        observer: ((MixedIntegerProgram, MixedIntegerSolution) -> Void)?
    ) -> (closures: ClosureColumns, steps: StepColumns, result: MixedIntegerSolution) {
        var program = program
        let index = Dictionary(uniqueKeysWithValues: program.columnNames.enumerated().map { ($1, $0) })
        let levelColumns = scenario.services.map { index["level:\($0.id)"] ?? -1 }
        let closures = ClosureColumns(scenario: scenario, levelColumns: levelColumns, to: &program)
        let steps = StepColumns(scenario: scenario, levelColumns: levelColumns, to: &program)
        let problem = MixedIntegerProgram(program: program, integerColumns: closures.columns + steps.columns)
        let result = BranchAndBound(problem, options: options).solve()
        observer?(problem, result)
        return (closures, steps, result)
    }

    /// The services closed (indices into the scenario's services, ascending) in a solution's
    /// column `values`.
    func closed(in values: [Double]) -> [Int] {
        services.indices.filter { values[columns[$0]] > 0.5 }.map { services[$0] }
    }

    /// Adds the columns and rows for every closable service of `scenario` to `program`, whose
    /// level column of service `s` is `levelColumns[s]`. Existing rows and columns keep their indices.
    init(scenario: Scenario, levelColumns: [Int], to program: inout LinearProgram) {
        var extended = LinearProgram(name: program.name, sense: program.sense)
        extended.objectiveName = program.objectiveName
        extended.objectiveConstant = program.objectiveConstant
        for i in 0..<program.rowCount {
            extended.addRow(name: program.rowNames[i], lower: program.rowLower[i], upper: program.rowUpper[i])
        }
        // The new rows, and each one's coefficient on its level column and on its z column.
        var levelCoefficients: [Int: [(row: Int, value: Double)]] = [:]
        var closedCoefficients: [[(row: Int, value: Double)]] = []
        var levelLower: [Int: Double] = [:]
        let services = scenario.closableServices
        for s in services {
            let service = scenario.services[s]
            let lower = service.lowerBound / service.reference
            let upper = service.maximumAmount / service.reference
            let y = levelColumns[s]
            levelLower[y] = 0
            var coefficients: [(row: Int, value: Double)] = []
            if lower > 0 {
                let row = extended.addRow(name: "open-min:\(service.id)", lower: lower, upper: .infinity)
                levelCoefficients[y, default: []].append((row, 1))
                coefficients.append((row, lower))
            }
            if upper > 0 {
                let row = extended.addRow(name: "open-max:\(service.id)", lower: -.infinity, upper: upper)
                levelCoefficients[y, default: []].append((row, 1))
                coefficients.append((row, upper))
            }
            closedCoefficients.append(coefficients)
        }
        let matrix = program.matrix
        for j in 0..<program.columnCount {
            let coefficients = matrix.range(ofColumn: j).map { (row: matrix.rowIndices[$0], value: matrix.values[$0]) }
            extended.addColumn(
                name: program.columnNames[j], cost: program.costs[j], lower: levelLower[j] ?? program.columnLower[j],
                upper: program.columnUpper[j], coefficients: coefficients + (levelCoefficients[j] ?? []))
        }
        columns = zip(services, closedCoefficients).map { s, coefficients in
            extended.addColumn(name: "closed:\(scenario.services[s].id)", cost: 0, lower: 0, upper: 1, coefficients: coefficients)
        }
        self.services = services
        program = extended
    }

    /// The options of every closure programme: gaps far below any difference between two
    /// choices of closures (counts are whole, baselines at least a millionth of the scale).
    static var options: MixedIntegerOptions {
        var options = MixedIntegerOptions()
        options.relativeGap = 1e-10
        options.absoluteGap = 1e-10
        options.simplex = Allocator.defaultOptions
        return options
    }
}
