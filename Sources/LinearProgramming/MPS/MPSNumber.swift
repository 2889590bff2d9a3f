/// Strict parsing of the numbers in an MPS file.
enum MPSNumber {
    /// The value of `text` when it is a plain decimal number: an optional
    /// sign, digits with at most one decimal point (at least one digit), and
    /// an optional exponent introduced by `e`, `E`, `d` or `D` (the Fortran
    /// double-precision form). `nan`, `inf`, hexadecimal and anything else is
    /// rejected (nil), and so is a number too large for a `Double`.
    static func parse(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        var digits = 0
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < bytes.count {
            let marker = bytes[index]
            guard marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E")
                || marker == UInt8(ascii: "d") || marker == UInt8(ascii: "D")
            else { return nil }
            bytes[index] = UInt8(ascii: "e")
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            var exponentDigits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0, index == bytes.count else { return nil }
        }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }
}
