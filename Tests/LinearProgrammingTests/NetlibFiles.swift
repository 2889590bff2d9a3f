import Foundation

/// One line of `shared/netlib/REFERENCE.tsv`: a Netlib problem's size and optimum.
struct NetlibReference: Sendable, CustomStringConvertible {
    let name: String
    let rows: Int
    let columns: Int
    let nonzeros: Int
    let objective: Double

    var description: String { name }

    /// `<package root>/../shared/netlib`, found from this source file's path.
    static let directory: String = {
        let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/netlib").path
    }()

    /// The path of this problem's MPS file.
    var path: String { NetlibReference.directory + "/\(name).mps" }

    /// Every problem in REFERENCE.tsv, in file order; empty when the file is
    /// missing (the tests then fail on `loadError`).
    static let all: [NetlibReference] = {
        guard let text = try? String(contentsOfFile: directory + "/REFERENCE.tsv", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: "\t").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard f.count == 5, let rows = Int(f[1]), let columns = Int(f[2]), let nonzeros = Int(f[3]),
                let objective = Double(f[4])
            else { return nil }
            return NetlibReference(name: f[0], rows: rows, columns: columns, nonzeros: nonzeros, objective: objective)
        }
    }()

    /// Why the reference set could not be loaded, or nil when it was.
    static var loadError: String? {
        all.count >= 70
            ? nil
            : "Netlib reference set missing or incomplete at \(directory)/REFERENCE.tsv (found \(all.count) problems)"
    }

    /// A few small and medium problems that exercise every MPS feature the set uses.
    static let featureSample = ["afiro", "blend", "boeing1", "nesm", "80bau3b", "sierra", "gfrd-pnc", "seba", "tuff"]
}
