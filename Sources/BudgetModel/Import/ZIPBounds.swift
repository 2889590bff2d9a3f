/// A check of a ZIP archive's structure before ZIPFoundation reads it from memory: every
/// record and every entry's data lies inside the bytes. ZIPFoundation 0.9.20 reads an
/// in-memory archive through a memory file that traps when asked to read past its end, so an
/// archive whose directory points outside the file would stop the program; this check turns
/// such an archive into an error first.
///
/// It finds the end-of-central-directory record as ZIPFoundation does (the last signature
/// from the end), and refuses ZIP64 archives (no workbook of a scenario comes near 4 GiB).
enum ZIPBounds {
    /// Why the bytes are not an archive that can be read safely, or nil when they are.
    static func problem(in bytes: [UInt8]) -> String? {
        let count = bytes.count
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard count >= 22 else { return "it is too short to be a ZIP archive" }
        var end = count - 22
        while end >= 0, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0 else { return "it has no ZIP end-of-directory record" }
        if end >= 20, u32(end - 20) == 0x0706_4B50 { return "it is a ZIP64 archive" }
        let entries = u16(end + 10), directorySize = u32(end + 12), directoryStart = u32(end + 16)
        guard directoryStart + directorySize <= end else { return "its ZIP directory lies outside the file" }
        let directoryEnd = directoryStart + directorySize
        var record = directoryStart
        for _ in 0..<entries {
            guard record + 46 <= directoryEnd, u32(record) == 0x0201_4B50 else { return "its ZIP directory is damaged" }
            let flags = u16(record + 8)
            let compressed = u32(record + 20), uncompressed = u32(record + 24), local = u32(record + 42)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF { return "it is a ZIP64 archive" }
            // ZIPFoundation reads an entry as ZIP64 (other sizes, a longer data descriptor) when it
            // needs version 4.5 or carries a ZIP64 extra field.
            if u16(record + 6) & 0xFF >= 45 { return "it is a ZIP64 archive" }
            let next = record + 46 + u16(record + 28) + u16(record + 30) + u16(record + 32)
            guard next <= directoryEnd else { return "its ZIP directory is damaged" }
            var field = record + 46 + u16(record + 28)
            let extraEnd = field + u16(record + 30)
            while field + 4 <= extraEnd {
                if u16(field) == 0x0001 { return "it is a ZIP64 archive" }
                field += 4 + u16(field + 2)
            }
            guard local + 30 <= count, u32(local) == 0x0403_4B50 else { return "a ZIP entry's header lies outside the file" }
            let data = local + 30 + u16(local + 26) + u16(local + 28)
            // ZIPFoundation looks for a data descriptor after the uncompressed size of a stored entry.
            let descriptor = flags & 0x8 != 0 ? 16 : 0
            let method = u16(record + 10)
            guard data + max(compressed, method == 0 ? uncompressed : compressed) + descriptor <= count else {
                return "a ZIP entry's data lies outside the file"
            }
            record = next
        }
        return nil
    }

    /// Where an entry's stored data lies and how it is stored.
    struct EntryData: Equatable {
        /// The offset of its first byte of data.
        var start: Int
        /// The bytes of data (compressed, when it is deflated).
        var compressedSize: Int
        /// The ZIP compression method: 0 stored, 8 deflated.
        var method: Int
    }

    /// Each entry's data by path, as the central directory gives them; call only when
    /// `problem(in:)` is nil, which makes every offset here lie inside `bytes`.
    static func entryData(in bytes: [UInt8]) -> [String: EntryData] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        var end = bytes.count - 22
        while u32(end) != 0x0605_4B50 { end -= 1 }
        var record = u32(end + 16)
        var found: [String: EntryData] = [:]
        for _ in 0..<u16(end + 10) {
            let nameLength = u16(record + 28)
            let name = String(decoding: bytes[(record + 46)..<(record + 46 + nameLength)], as: UTF8.self)
            let local = u32(record + 42)
            let data = local + 30 + u16(local + 26) + u16(local + 28)
            found[name] = found[name] ?? EntryData(start: data, compressedSize: u32(record + 20), method: u16(record + 10))
            record += 46 + nameLength + u16(record + 30) + u16(record + 32)
        }
        return found
    }
}
