import LinearProgramming

/// The facts of a cut that no amount of extra money can make feasible (SCENARIO-SPEC
/// section 6): which group limits fail and why, as a `HopelessConflict`.
struct HopelessConflictFinder {
    let layout: FullAllocationProgram
    let cut: Double

    private var scenario: Scenario { layout.scenario }
    private static var dualTolerance: Double { DeficitFinder.dualTolerance }

    /// The conflict when the deficit programme is infeasible: the group limits the Farkas ray
    /// `farkasRay` (over the programme's rows) puts a multiplier on (every group's limits when
    /// it puts none), and the services' bounds it leans on: with `z = A'y`, a service whose
    /// level has `z > 0` is held by its maximum, `z < 0` by its floor.
    func conflict(farkasRay: [Double]) -> HopelessConflict {
        var minimums: [Int] = [], maximums: [Int] = []
        for (g, row) in layout.groupRows.enumerated() where row < farkasRay.count {
            if farkasRay[row] > Self.dualTolerance { minimums.append(g) }
            if farkasRay[row] < -Self.dualTolerance { maximums.append(g) }
        }
        let named = Set(minimums + maximums).sorted()
        let limits = named.isEmpty
            ? layout.groupRows.indices.map { limit($0, minimum: true, maximum: true, reason: .combined) }
            : named.map { limit($0, minimum: minimums.contains($0), maximum: maximums.contains($0), reason: .combined) }
        let matrix = layout.program.matrix
        var byMaxima = false, byFloors = false
        for (s, column) in layout.levelColumns.enumerated() {
            var z = 0.0
            for k in matrix.range(ofColumn: column) where matrix.rowIndices[k] < farkasRay.count {
                z += matrix.values[k] * farkasRay[matrix.rowIndices[k]]
            }
            if z > Self.dualTolerance { byMaxima = true }
            if z < -Self.dualTolerance && scenario.services[s].lowerBound > 0 { byFloors = true }
        }
        return HopelessConflict(limits: limits, leansOnMaxima: byMaxima, leansOnFloors: byFloors)
    }

    /// The conflict of group limits that fail on their own (`HopelessGroupLimits`).
    func conflict(_ hopeless: [(group: Int, reason: HopelessGroupLimits.Reason)]) -> HopelessConflict {
        HopelessConflict(limits: hopeless.map { g, reason in
            switch reason {
            case .crossed:
                return limit(g, minimum: true, maximum: true, reason: .crossed)
            case .minimumAboveMaxima(let reach):
                return limit(g, minimum: true, maximum: false, reason: .minimumAboveMaxima, total: reach)
            case .maximumBelowFloors(let need):
                return limit(g, minimum: false, maximum: true, reason: .maximumBelowFloors, total: need)
            }
        })
    }

    /// Group `g`'s limits asked for, resolved against the envelope after the cut.
    private func limit(
        _ g: Int, minimum showMinimum: Bool, maximum showMaximum: Bool, reason: HopelessLimit.Reason, total: Double? = nil
    ) -> HopelessLimit {
        let group = scenario.groups[g]
        let envelope = scenario.envelope(afterCut: cut)
        return HopelessLimit(
            groupID: group.id,
            minimum: showMinimum ? group.minimum?.resolved(against: envelope) : nil,
            maximum: showMaximum ? group.maximum?.resolved(against: envelope) : nil,
            reason: reason, total: total)
    }
}
