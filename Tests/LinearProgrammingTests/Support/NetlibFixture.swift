import LinearProgramming

/// Test-only access to the Netlib problems in `/work/shared/netlib`: a minimal
/// whitespace-separated MPS reader and the reference optima.
enum NetlibFixture {
    /// Directory of the Netlib files.
    static let directory = "/work/shared/netlib"

    /// Errors of the minimal reader.
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reference optimal objective values by lower-case problem name.
    static func referenceObjectives() throws -> [String: (rows: Int, objective: Double)] {
        let text = try readText("\(directory)/REFERENCE.tsv")
        var result: [String: (rows: Int, objective: Double)] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: "\t")
            guard fields.count >= 5, let rows = Int(fields[1]), let value = Double(fields[4]) else { continue }
            result[String(fields[0])] = (rows, value)
        }
        return result
    }

    /// Reads `name.mps` from the Netlib directory.
    static func program(_ name: String) throws -> LinearProgram {
        try parse(readText("\(directory)/\(name).mps"))
    }

    /// The whole file as a string.
    static func readText(_ path: String) throws -> String {
        guard let file = fopen(path, "r") else { throw ReadError(description: "cannot open \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses MPS text whose names contain no spaces.
    static func parse(_ text: String) throws -> LinearProgram {
        var lp = LinearProgram()
        var section = ""
        var rowIndex: [String: Int] = [:]
        var rowKind: [Character] = []
        var objective = ""
        var columnIndex: [String: Int] = [:]
        var entries: [[(row: Int, value: Double)]] = []
        var names: [String] = []
        var costs: [Double] = []
        var rhs: [Double] = []
        var ranges: [Double?] = []
        var lower: [Double] = []
        var upper: [Double] = []
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("*") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields.isEmpty { continue }
            if !line.hasPrefix(" ") && !line.hasPrefix("\t") {
                section = fields[0]
                if section == "NAME" { lp.name = fields.count > 1 ? fields[1] : "" }
                continue
            }
            switch section {
            case "ROWS":
                let kind = Character(fields[0].uppercased())
                if kind == "N" {
                    if objective.isEmpty { objective = fields[1] }
                    continue
                }
                rowIndex[fields[1]] = rowKind.count
                rowKind.append(kind)
                rhs.append(0)
                ranges.append(nil)
                lp.addRow(name: fields[1], lower: 0, upper: 0)
            case "COLUMNS":
                if fields.count >= 3 && fields[1] == "'MARKER'" { continue }
                let name = fields[0]
                let j: Int
                if let existing = columnIndex[name] {
                    j = existing
                } else {
                    j = names.count
                    columnIndex[name] = j
                    names.append(name)
                    entries.append([])
                    costs.append(0)
                    lower.append(0)
                    upper.append(.infinity)
                }
                var k = 1
                while k + 1 < fields.count {
                    guard let value = Double(fields[k + 1]) else { throw ReadError(description: "bad number \(fields[k + 1])") }
                    if fields[k] == objective {
                        costs[j] += value
                    } else if let i = rowIndex[fields[k]] {
                        entries[j].append((i, value))
                    }
                    k += 2
                }
            case "RHS", "RANGES":
                var k = fields.count % 2 == 1 ? 1 : 0
                while k + 1 < fields.count {
                    guard let value = Double(fields[k + 1]) else { throw ReadError(description: "bad number \(fields[k + 1])") }
                    if section == "RHS" && fields[k] == objective {
                        lp.objectiveConstant = -value
                    } else if let i = rowIndex[fields[k]] {
                        if section == "RHS" { rhs[i] = value } else { ranges[i] = value }
                    }
                    k += 2
                }
            case "BOUNDS":
                // "TYPE [set] column [value]": the set name may be missing.
                let kind = fields[0].uppercased()
                let takesValue = !["FR", "MI", "PL", "BV"].contains(kind)
                let hasSet = fields.count >= (takesValue ? 4 : 3)
                let columnField = hasSet ? 2 : 1
                guard fields.count > columnField, let j = columnIndex[fields[columnField]] else { continue }
                let value = takesValue && fields.count > columnField + 1 ? Double(fields[columnField + 1]) ?? 0 : 0
                switch kind {
                case "UP":
                    upper[j] = value
                    if value < 0 && lower[j] == 0 { lower[j] = -.infinity }
                case "LO": lower[j] = value
                case "FX": lower[j] = value; upper[j] = value
                case "FR": lower[j] = -.infinity; upper[j] = .infinity
                case "MI": lower[j] = -.infinity
                case "PL": upper[j] = .infinity
                case "BV": lower[j] = 0; upper[j] = 1
                case "LI": lower[j] = value
                case "UI": upper[j] = value
                default: throw ReadError(description: "unknown bound type \(kind)")
                }
            default:
                continue
            }
        }
        for i in 0..<rowKind.count {
            let b = rhs[i]
            var low: Double, high: Double
            switch rowKind[i] {
            case "E": low = b; high = b
            case "L": low = -.infinity; high = b
            case "G": low = b; high = .infinity
            default: throw ReadError(description: "unknown row type \(rowKind[i])")
            }
            if let r = ranges[i] {
                switch rowKind[i] {
                case "E": if r >= 0 { high = b + r } else { low = b + r }
                case "L": low = b - abs(r)
                default: high = b + abs(r)
                }
            }
            lp.rowLower[i] = low
            lp.rowUpper[i] = high
        }
        for j in 0..<names.count {
            lp.addColumn(name: names[j], cost: costs[j], lower: lower[j], upper: upper[j], coefficients: entries[j])
        }
        return lp
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
