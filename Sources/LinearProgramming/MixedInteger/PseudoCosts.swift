/// Pseudo-costs: for each column and direction, the average objective gain per unit the
/// column's value had to move, observed over the branches taken on it (and strong branching).
struct PseudoCosts {
    private var downSum: [Double]
    private var downCount: [Int]
    private var upSum: [Double]
    private var upCount: [Int]
    private var totalDown = 0.0, totalDownCount = 0
    private var totalUp = 0.0, totalUpCount = 0

    init(columnCount: Int) {
        downSum = [Double](repeating: 0, count: columnCount)
        upSum = downSum
        downCount = [Int](repeating: 0, count: columnCount)
        upCount = downCount
    }

    /// Records the gain of a child created by `branch` whose LP objective is `childObjective`.
    mutating func record(_ branch: BranchRecord, childObjective: Double) {
        record(column: branch.column, up: branch.up, distance: branch.distance,
               gain: childObjective - branch.parentObjective)
    }

    /// Records an objective gain of `gain` for moving `column` by `distance` in one direction.
    mutating func record(column j: Int, up: Bool, distance: Double, gain: Double) {
        guard distance > 0, gain.isFinite else { return }
        let perUnit = max(gain, 0) / distance
        if up {
            upSum[j] += perUnit; upCount[j] += 1
            totalUp += perUnit; totalUpCount += 1
        } else {
            downSum[j] += perUnit; downCount[j] += 1
            totalDown += perUnit; totalDownCount += 1
        }
    }

    /// How many observations a column has in its less observed direction.
    func reliability(of j: Int) -> Int { min(downCount[j], upCount[j]) }

    /// The per-unit gains of a column, the average over all columns where it has none (1
    /// when nothing has been observed).
    func estimate(of j: Int) -> (down: Double, up: Double) {
        let averageDown = totalDownCount > 0 ? totalDown / Double(totalDownCount) : 1
        let averageUp = totalUpCount > 0 ? totalUp / Double(totalUpCount) : 1
        return (downCount[j] > 0 ? downSum[j] / Double(downCount[j]) : averageDown,
                upCount[j] > 0 ? upSum[j] / Double(upCount[j]) : averageUp)
    }

    /// SCIP's product score of two gains.
    static func score(down: Double, up: Double) -> Double {
        max(down, 1e-6) * max(up, 1e-6)
    }
}
