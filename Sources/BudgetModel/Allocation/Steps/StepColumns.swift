import LinearProgramming

/// The integer columns that make a service with a `step` take whole posts (SCENARIO-SPEC
/// section 12), added to an allocation programme whose level columns are `y_s = x_s / reference_s`.
///
/// For each service `s` with a step, an integer column `n_s` (its posts) bounded by
/// `[0, floor(hi_s / step)]` and the row `y_s - (step / reference_s) n_s = 0`. The lower bound
/// `lo_s` stays on `y_s` (or on the open-minimum row of a closable service, `ClosureColumns`), so
/// a closed service holds 0 posts.
struct StepColumns {
    /// The services with a step, by index into the scenario's services, in file order.
    let services: [Int]
    /// The `n` column of each of `services`, in the same order.
    let columns: [Int]

    /// Adds the columns and rows for every service of `scenario` with a step to `program`, whose
    /// level column of service `s` is `levelColumns[s]`. Existing rows and columns keep their indices.
    init(scenario: Scenario, levelColumns: [Int], to program: inout LinearProgram) {
        var extension_ = ProgramExtension(program)
        var services: [Int] = []
        var columns: [Int] = []
        for s in scenario.steppedServices where levelColumns[s] >= 0 {
            let service = scenario.services[s]
            guard let step = service.step, let most = service.mostPosts else { continue }
            let row = extension_.addRow(name: "posts:\(service.id)", lower: 0, upper: 0)
            extension_.set(column: levelColumns[s], row: row, value: 1)
            columns.append(extension_.addColumn(
                name: "posts:\(service.id)", lower: 0, upper: Double(most), coefficients: [(row, -step / service.reference)]))
            services.append(s)
        }
        if !services.isEmpty { program = extension_.program }
        self.services = services
        self.columns = columns
    }

    /// The posts of each service in `services` in a solution's column values, by service index.
    func posts(in values: [Double]) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: zip(services, columns).map { ($0, Int(values[$1].rounded())) })
    }
}
