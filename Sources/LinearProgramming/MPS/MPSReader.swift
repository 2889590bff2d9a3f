import Foundation

/// Reads linear programmes from MPS files, fixed or free format.
///
/// Conventions (the common ones, as HiGHS and CLP read the Netlib files):
/// - The first `N` row is the objective; further `N` rows are kept as free
///   rows (both bounds infinite). RHS entries on them are ignored; RANGES on
///   them are errors.
/// - An RHS entry on the objective row is the negated objective constant:
///   the objective is `c'x - rhs`.
/// - RANGES: on an `L` row `[rhs - |R|, rhs]`, on a `G` row `[rhs, rhs + |R|]`,
///   on an `E` row `[rhs, rhs + R]` when `R > 0` and `[rhs + R, rhs]` when `R < 0`.
/// - BOUNDS: `UP`, `LO`, `FX`, `FR`, `MI`, `PL`, `BV` (`[0, 1]`), `LI` and `UI`
///   (as `LO` and `UP`), `SC` and `SI` (semi-continuous and semi-integer: the value is
///   the upper bound `u`, which must not be negative, and the column is 0 or in
///   `[l, u]` where `l` is its lower bound; with `l <= 0` that is just `[l, u]`).
///   A column's lower or upper bound set by two entries (`FX` twice, `UP` then `FX`,
///   `BV` then `LO`, ...) is an error, as an RHS entry given twice is.
///   A bound value of magnitude `>= 1e30` is infinite (CLP's convention).
/// - Integrality (`BV`, `LI`, `UI`, `SI`, columns between `'MARKER'` `'INTORG'` and
///   `'INTEND'` lines) and semi-continuity (`SC`, `SI`) are not part of a
///   `LinearProgram`: `readModel` and `parseModel` return them beside the programme
///   (`MPSModel.integerColumns`, `MPSModel.semicontinuous`, and the programme with both
///   as `MPSModel.mixedIntegerProgram`); `read` and `parse` return the programme alone,
///   the continuous relaxation (a semi-continuous column's lower bound 0 there).
/// - A negative `UP` bound on a column with no explicit lower bound (no
///   `LO`, `FX`, `FR`, `MI` or `BV` before it) also sets the lower bound to
///   `-infinity`, as the Netlib README prescribes. HiGHS 1.15.1 does not: it
///   keeps the lower bound 0 and warns of inconsistent bounds. The one
///   Netlib case (80bau3b) states `LO` first, so both readings agree there.
/// - RHS, RANGES and BOUNDS lines may omit the set name; when a file has
///   several sets, the first one seen is used and the others are ignored.
/// - `OBJSENSE` as a section (`OBJSENSE` then `    MAX`) or inline
///   (`OBJSENSE MAX`); `MAX`, `MAXIMIZE`, `MIN`, `MINIMIZE`.
/// - Lines starting with `*` and blank lines are comments. Lines may end in
///   `\r\n`.
/// - Strictness: every malformed line is an `MPSError` (`FILE:LINE: message`):
///   unknown sections, rows or columns, numbers that are not plain decimals
///   (`nan`, `inf`, garbage, overflow), duplicate rows, an entry given twice,
///   a column whose entries are split, missing or extra fields, RANGES on the
///   objective row, no `ENDATA`, an empty file, bytes that are not text.
/// - Lines after `ENDATA` (sections some writers add, such as `IMPORTANCES`) are ignored;
///   `readModel` and `parseModel` say so in one note (`MPSModel.notes`).
public enum MPSReader {
    /// Bound values at or beyond this magnitude mean an infinite bound.
    public static let infinity = 1e30

    /// Reads the MPS file at `path` (`-` reads standard input): its programme, integrality
    /// left out (the continuous relaxation of a mixed-integer file).
    /// - Throws: `MPSError` of kind `.unreadable` when the file cannot be
    ///   read, `.malformed` when it is not valid MPS.
    public static func read(contentsOf path: String, format: MPSFormat = .automatic) throws(MPSError) -> LinearProgram {
        try readModel(contentsOf: path, format: format).program
    }

    /// Reads the MPS file at `path` (`-` reads standard input): its programme and its integer columns.
    /// - Throws: as `read(contentsOf:format:)`.
    public static func readModel(contentsOf path: String, format: MPSFormat = .automatic) throws(MPSError) -> MPSModel {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw MPSError(kind: .unreadable, file: path, line: 0, message: "no such file")
            }
            guard !isDirectory.boolValue else {
                throw MPSError(kind: .unreadable, file: path, line: 0, message: "is a directory, not an MPS file")
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw MPSError(kind: .unreadable, file: path, line: 0, message: "cannot be read")
            }
            data = contents
        }
        return try parseModel([UInt8](data), fileName: path, format: format)
    }

    /// Parses MPS text; `fileName` is used only in error messages.
    public static func parse(_ text: String, fileName: String, format: MPSFormat = .automatic) throws(MPSError) -> LinearProgram {
        try parse(Array(text.utf8), fileName: fileName, format: format)
    }

    /// Parses MPS text into its programme and its integer columns.
    public static func parseModel(_ text: String, fileName: String, format: MPSFormat = .automatic) throws(MPSError) -> MPSModel {
        try parseModel(Array(text.utf8), fileName: fileName, format: format)
    }

    /// Parses the bytes of an MPS file; `fileName` is used only in error messages. Returns the
    /// programme, integrality left out.
    public static func parse(_ bytes: [UInt8], fileName: String, format: MPSFormat = .automatic) throws(MPSError) -> LinearProgram {
        try parseModel(bytes, fileName: fileName, format: format).program
    }

    /// Parses the bytes of an MPS file into its programme and its integer columns.
    public static func parseModel(_ bytes: [UInt8], fileName: String, format: MPSFormat = .automatic) throws(MPSError) -> MPSModel {
        let lines = try MPSLineSplitter.lines(of: bytes, fileName: fileName)
        switch format {
        case .fixed, .free:
            var parser = MPSParser(fileName: fileName, format: format)
            return try parser.parse(lines)
        case .automatic:
            var free = MPSParser(fileName: fileName, format: .free)
            let fitsFixed = lines.allSatisfy { $0.isIgnorable || $0.isSectionHeader || $0.fitsFixedColumns }
            guard fitsFixed else { return try free.parse(lines) }
            var fixed = MPSParser(fileName: fileName, format: .fixed)
            let fixedError: MPSError
            do {
                return try fixed.parse(lines)
            } catch {
                fixedError = error
            }
            do {
                return try free.parse(lines)
            } catch {
                throw error.line > fixedError.line ? error : fixedError
            }
        }
    }
}
