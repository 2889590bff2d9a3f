extension Array where Element == UInt8 {
    /// Appends a string literal's UTF-8 bytes in one copy: the words between a sweep's figures,
    /// written for every cut, without going through a String's view.
    mutating func append(literal: StaticString) {
        guard literal.hasPointerRepresentation else {
            append(contentsOf: String(literal.unicodeScalar).utf8)
            return
        }
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
