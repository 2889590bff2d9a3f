/// A tightening of one column's bounds on the way from the root to a node.
struct BoundChange: Sendable {
    var column: Int
    var lower: Double
    var upper: Double
}

/// The branching decision that created a node, kept to learn pseudo-costs from its LP.
struct BranchRecord: Sendable {
    var column: Int
    /// `true` for the child whose column moved up (lower bound raised).
    var up: Bool
    /// The distance the column's LP value had to move, in units of the branch: the fractional
    /// part for an integer column (`1 - f` going up), `x / l` for a semi-continuous one.
    var distance: Double
    /// The parent's LP objective (minimisation form).
    var parentObjective: Double
}

/// An open node of the search tree.
struct BranchNode: Sendable {
    /// A lower bound (minimisation form) on every integer point below this node.
    var bound: Double
    /// An estimate (minimisation form) of the best integer point below this node: its
    /// parent's LP objective plus, over the parent's fractional columns, the smaller
    /// pseudo-cost gain of rounding each (the branched column's gain in this child's
    /// direction); at least `bound`.
    var estimate: Double
    var depth: Int
    /// Every bound change from the root, in order (later ones are at least as tight).
    var changes: [BoundChange]
    /// The parent's final basis: the warm start of this node's LP.
    var basis: Basis?
    var branch: BranchRecord?
}

/// The open nodes, taken either by best bound (the deeper one on a tie) or by best estimate
/// (the smaller bound on a tie): two binary heaps over the same nodes. A node taken from one
/// heap stays in the other as a stale entry, skipped when it comes to the top; the heaps are
/// rebuilt when stale entries outnumber the open nodes.
struct NodeQueue {
    /// Every node pushed since the last rebuild, `nil` once taken, and its keys (kept after
    /// it is taken, for its stale entry).
    private var slots: [BranchNode?] = []
    private var keys: [(bound: Double, depth: Int, estimate: Double)] = []
    private var byBound: [Int] = []
    private var byEstimate: [Int] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }
    /// The smallest bound of an open node, `+infinity` when there is none.
    var bestBound: Double { byBound.first.flatMap { slots[$0]?.bound } ?? .infinity }

    private func boundPrecedes(_ a: Int, _ b: Int) -> Bool {
        let x = keys[a], y = keys[b]
        return x.bound < y.bound || (x.bound == y.bound && x.depth > y.depth)
    }

    private func estimatePrecedes(_ a: Int, _ b: Int) -> Bool {
        let x = keys[a], y = keys[b]
        return x.estimate < y.estimate || (x.estimate == y.estimate && x.bound < y.bound)
    }

    mutating func push(_ node: BranchNode) {
        slots.append(node)
        keys.append((node.bound, node.depth, node.estimate))
        count += 1
        Self.siftUp(&byBound, slots.count - 1, by: boundPrecedes)
        Self.siftUp(&byEstimate, slots.count - 1, by: estimatePrecedes)
    }

    /// Takes the open node with the smallest bound.
    mutating func popBest() -> BranchNode? { pop(fromBound: true) }

    /// Takes the open node with the smallest estimate.
    mutating func popBestEstimate() -> BranchNode? { pop(fromBound: false) }

    private mutating func pop(fromBound: Bool) -> BranchNode? {
        guard count > 0 else { return nil }
        let id = fromBound ? Self.popTop(&byBound, by: boundPrecedes) : Self.popTop(&byEstimate, by: estimatePrecedes)
        let node = slots[id]!
        slots[id] = nil
        count -= 1
        dropStaleTops()
        if slots.count > 2 * count + 1024 { rebuild() }
        return node
    }

    /// Removes the entries of taken nodes from the heaps' tops, so that each top is open.
    private mutating func dropStaleTops() {
        while let top = byBound.first, slots[top] == nil { _ = Self.popTop(&byBound, by: boundPrecedes) }
        while let top = byEstimate.first, slots[top] == nil { _ = Self.popTop(&byEstimate, by: estimatePrecedes) }
    }

    private mutating func rebuild() {
        let open = slots.compactMap { $0 }
        slots = []
        keys = []
        byBound = []
        byEstimate = []
        count = 0
        for node in open { push(node) }
    }

    private static func siftUp(_ heap: inout [Int], _ id: Int, by precedes: (Int, Int) -> Bool) {
        heap.append(id)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard precedes(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    /// Removes and returns the top of `heap`.
    private static func popTop(_ heap: inout [Int], by precedes: (Int, Int) -> Bool) -> Int {
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var i = 0
        while true {
            let left = 2 * i + 1, right = left + 1
            var smallest = i
            if left < heap.count && precedes(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count && precedes(heap[right], heap[smallest]) { smallest = right }
            if smallest == i { break }
            heap.swapAt(i, smallest)
            i = smallest
        }
        return top
    }
}
