extension BranchAndBound {
    /// The objective row's limit for propagation (minimisation form, without the constant):
    /// a point better than the incumbent has `c'x` at most the incumbent's, at most one less
    /// when the objective is integral; `+infinity` without an incumbent value.
    var objectiveLimit: Double {
        guard incumbentValue < .infinity else { return .infinity }
        return incumbentValue - sign * problem.program.objectiveConstant - (objectiveIsIntegral ? 1 : 0)
    }

    /// Propagates every row over the global bounds (see `BoundPropagator`) and makes the
    /// integer bounds it tightens global. Returns `false` when a row proves the programme
    /// has no integer point (better than the incumbent value, when there is one).
    func propagateGlobally() -> Bool {
        var lower = globalLower, upper = globalUpper
        guard let moved = propagator.propagate(
            lower: &lower, upper: &upper, from: Array(0..<columnCount), objectiveLimit: objectiveLimit)
        else {
            return false
        }
        for j in moved { setGlobalBounds(j, lower: lower[j], upper: upper[j]) }
        return true
    }

    /// The installed node with the integer bounds that propagation from its bound changes
    /// not yet propagated tightens added to its changes (one change a column) and installed;
    /// `nil` when a row (or the objective's limit) proves the node holds no better point.
    func propagated(_ node: BranchNode) -> BranchNode? {
        guard node.propagatedChanges < node.changes.count else { return node }
        var lower = localLower, upper = localUpper
        let fresh = node.changes[node.propagatedChanges...].map(\.column)
        guard let moved = propagator.propagate(
            lower: &lower, upper: &upper, from: fresh, objectiveLimit: objectiveLimit)
        else {
            return nil
        }
        guard !moved.isEmpty else { return node }
        var changes: [BoundChange] = []
        var position = [Int: Int]()
        for c in node.changes + moved.map({ BoundChange(column: $0, lower: lower[$0], upper: upper[$0]) }) {
            if let p = position[c.column] {
                changes[p].lower = max(changes[p].lower, c.lower)
                changes[p].upper = min(changes[p].upper, c.upper)
            } else {
                position[c.column] = changes.count
                changes.append(c)
            }
        }
        var node = node
        node.changes = changes
        guard install(changes) else { return nil }
        return node
    }
}
