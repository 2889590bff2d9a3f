/// Sparse vectors (the rows, or the columns, of presolve's matrix) stored back to back in two
/// flat arrays, each in a slot of its own. An entry added to a full slot moves the vector to a
/// slot twice as large at the end, so adding never shifts other vectors and a vector's entries
/// keep their order.
struct PackedVectors {
    /// Where each vector's slot starts in `indices` and `values`.
    private var starts: [Int]
    /// How many entries each vector stores (entries whose value cancelled to zero included).
    private(set) var lengths: [Int]
    /// How many entries each vector's slot has room for.
    private var capacities: [Int]
    /// The index (row or column) of each stored entry.
    private(set) var indices: [Int]
    /// The value of each stored entry.
    private(set) var values: [Double]

    /// The vectors of a compressed sparse form: vector `v` holds the entries at
    /// `starts[v] ..< starts[v + 1]` of `indices` and `values`.
    init(starts: [Int], indices: [Int], values: [Double]) {
        let count = starts.count - 1
        self.starts = Array(starts[0..<count])
        lengths = (0..<count).map { starts[$0 + 1] - starts[$0] }
        capacities = lengths
        self.indices = indices
        self.values = values
    }

    /// The positions of vector `v`'s entries in `indices` and `values`.
    @inline(__always)
    func range(_ v: Int) -> Range<Int> { starts[v]..<(starts[v] + lengths[v]) }

    /// The position of the entry of vector `v` with index `index`, if it stores one.
    func position(of index: Int, in v: Int) -> Int? {
        for k in range(v) where indices[k] == index { return k }
        return nil
    }

    /// Sets the value stored at `position`.
    mutating func setValue(_ value: Double, at position: Int) {
        values[position] = value
    }

    /// Adds the entry `(index, value)` at the end of vector `v`.
    mutating func append(_ index: Int, _ value: Double, to v: Int) {
        if lengths[v] == capacities[v] {
            let old = range(v)
            let capacity = max(4, 2 * capacities[v])
            let start = indices.count
            // Grown first and filled element by element: appending a slice of the array to
            // itself would copy the whole array (the slice shares its storage).
            indices.append(contentsOf: repeatElement(0, count: capacity))
            values.append(contentsOf: repeatElement(0, count: capacity))
            for (offset, k) in old.enumerated() {
                indices[start + offset] = indices[k]
                values[start + offset] = values[k]
            }
            starts[v] = start
            capacities[v] = capacity
        }
        let k = starts[v] + lengths[v]
        indices[k] = index
        values[k] = value
        lengths[v] += 1
    }
}
