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
    var depth: Int
    /// Every bound change from the root, in order (later ones are at least as tight).
    var changes: [BoundChange]
    /// The parent's final basis: the warm start of this node's LP.
    var basis: Basis?
    var branch: BranchRecord?
}

/// The open nodes, best bound first (deeper first among equal bounds): a binary heap.
struct NodeQueue {
    private var heap: [BranchNode] = []

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }
    /// The smallest bound of an open node, `+infinity` when there is none.
    var bestBound: Double { heap.first?.bound ?? .infinity }

    private static func precedes(_ a: BranchNode, _ b: BranchNode) -> Bool {
        a.bound < b.bound || (a.bound == b.bound && a.depth > b.depth)
    }

    mutating func push(_ node: BranchNode) {
        heap.append(node)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.precedes(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    mutating func popBest() -> BranchNode? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let best = heap.removeLast()
        var i = 0
        while true {
            let left = 2 * i + 1, right = left + 1
            var smallest = i
            if left < heap.count && Self.precedes(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count && Self.precedes(heap[right], heap[smallest]) { smallest = right }
            if smallest == i { break }
            heap.swapAt(i, smallest)
            i = smallest
        }
        return best
    }
}
