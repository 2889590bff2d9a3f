/// Rows (or columns) of the active submatrix grouped by their number of
/// entries, so the Markowitz search can visit the shortest ones first.
///
/// Each bucket is a doubly linked list threaded through arrays, so moving an
/// item between buckets after an elimination step costs O(1).
struct SparseLUCountBuckets {
    /// First item with each count, or -1 when none.
    private(set) var first: [Int]
    /// The item after each item in its bucket, or -1.
    private(set) var next: [Int]
    /// The item before each item in its bucket, or -1.
    private var previous: [Int]
    /// The bucket each item is in, or -1 when it is in none.
    private(set) var bucket: [Int]
    /// Number of items in some bucket.
    private(set) var memberCount = 0

    /// Empty buckets for items `0..<itemCount` with counts `0...itemCount`.
    init(itemCount: Int) {
        first = [Int](repeating: -1, count: itemCount + 1)
        next = [Int](repeating: -1, count: itemCount)
        previous = [Int](repeating: -1, count: itemCount)
        bucket = [Int](repeating: -1, count: itemCount)
    }

    /// Puts `item` (in no bucket) into the bucket for `count`.
    mutating func insert(_ item: Int, count: Int) {
        let head = first[count]
        next[item] = head
        previous[item] = -1
        if head >= 0 { previous[head] = item }
        first[count] = item
        bucket[item] = count
        memberCount += 1
    }

    /// Takes `item` out of its bucket (nothing when it is in none).
    mutating func remove(_ item: Int) {
        let count = bucket[item]
        guard count >= 0 else { return }
        let before = previous[item]
        let after = next[item]
        if before >= 0 { next[before] = after } else { first[count] = after }
        if after >= 0 { previous[after] = before }
        bucket[item] = -1
        memberCount -= 1
    }

    /// Moves `item` to the bucket for `count`, wherever it was.
    mutating func move(_ item: Int, toCount count: Int) {
        guard bucket[item] != count else { return }
        remove(item)
        insert(item, count: count)
    }
}
