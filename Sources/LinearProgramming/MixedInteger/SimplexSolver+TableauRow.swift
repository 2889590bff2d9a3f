extension SimplexSolver {
    /// The basic variable in each basis position (`0..<n` columns, `n + i` the activity of
    /// row `i`), in the solver's last basis.
    var basisHead: [Int] { head }

    /// Row `r` of the simplex tableau in original units: with `p = basisHead[r]`, the
    /// coefficients `t` such that `v_p + sum_j t_j v_j = 0` over the non-basic variables
    /// `v` (columns `0..<n`, row activities `a_i x` at `n + i`), where `v_p` is column `p`
    /// or the activity of row `p - n`. Basic entries are 0.
    func originalTableauRow(position r: Int) -> [Double] {
        computePivotRow(r)
        let n = columnCount
        let p = head[r]
        let basicScale = p < n ? columnScale[p] : 1 / rowScale[p - n]
        var row = [Double](repeating: 0, count: n + rowCount)
        for j in 0..<n where status[j] != .basic && alphaRow[j] != 0 {
            row[j] = basicScale * alphaRow[j] / columnScale[j]
        }
        for i in 0..<rowCount where status[n + i] != .basic && alphaRow[n + i] != 0 {
            row[n + i] = basicScale * alphaRow[n + i] * rowScale[i]
        }
        return row
    }
}
