/// A binary min-heap of candidate indices keyed by their breakpoint ratio,
/// over caller-owned buffers (no allocation). Building is `O(k)` and each
/// pop `O(log k)`, so a ratio test that passes few breakpoints costs little
/// even with many candidates.
struct BreakpointHeap {
    /// The heap of candidate indices; its first `size` entries are live.
    let heap: UnsafeMutableBufferPointer<Int>
    /// The key (ratio) of each candidate index.
    let key: UnsafeBufferPointer<Double>
    /// Live entries.
    private(set) var size: Int

    /// Heapifies candidates `0..<count`.
    init(heap: UnsafeMutableBufferPointer<Int>, key: UnsafeBufferPointer<Double>, count: Int) {
        self.heap = heap
        self.key = key
        size = count
        for c in 0..<count { heap[c] = c }
        var start = count / 2 - 1
        while start >= 0 {
            siftDown(start)
            start -= 1
        }
    }

    /// The smallest key, `.infinity` when empty.
    var minimumKey: Double { size > 0 ? key[heap[0]] : .infinity }

    /// Removes and returns the candidate with the smallest key.
    mutating func pop() -> Int {
        let top = heap[0]
        size -= 1
        if size > 0 {
            heap[0] = heap[size]
            siftDown(0)
        }
        return top
    }

    private func siftDown(_ first: Int) {
        var root = first
        let item = heap[root]
        let itemKey = key[item]
        while true {
            var child = 2 * root + 1
            if child >= size { break }
            if child + 1 < size && key[heap[child + 1]] < key[heap[child]] { child += 1 }
            if key[heap[child]] >= itemKey { break }
            heap[root] = heap[child]
            root = child
        }
        heap[root] = item
    }
}
