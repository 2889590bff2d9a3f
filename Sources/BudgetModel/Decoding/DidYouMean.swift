/// The candidate closest to `word` by edit distance, when it is close enough to be a likely
/// misspelling: at most a third of the word's length (at least one edit allowed), and
/// fewer edits than the word has characters.
func closestMatch(to word: String, among candidates: [String]) -> String? {
    let limit = max(1, word.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(word, candidate)
        if distance <= limit, distance < word.count, distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// `; did you mean "x"?` when a candidate is close to `word`, else the empty string.
func didYouMeanHint(for word: String, among candidates: [String]) -> String {
    guard let match = closestMatch(to: word, among: candidates) else { return "" }
    return "; did you mean \(quoted(match))?"
}

/// The Levenshtein distance between two strings, counted in characters (Damerau transpositions
/// count as one edit, so `"protcetd"` is close to `"protected"`).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // Three rows: two back (for transpositions), one back, current.
    var twoBack = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            var best = min(previous[j] + 1, current[j - 1] + 1, substitution)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                best = min(best, twoBack[j - 2] + 1)
            }
            current[j] = best
        }
        (twoBack, previous, current) = (previous, current, twoBack)
    }
    return previous[b.count]
}
