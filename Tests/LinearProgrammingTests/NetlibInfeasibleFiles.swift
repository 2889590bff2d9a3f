import Foundation

/// One problem of the Netlib infeasible collection in `shared/netlib-infeasible/`,
/// with its size as `MPSReader` reads it (free rows other than the objective count as rows).
struct NetlibInfeasibleProblem: Sendable, CustomStringConvertible {
    let name: String
    let rows: Int
    let columns: Int

    var description: String { name }

    /// `<package root>/../shared/netlib-infeasible`, found from this source file's path.
    static let directory: String = {
        let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/netlib-infeasible").path
    }()

    /// The path of this problem's MPS file.
    var path: String { NetlibInfeasibleProblem.directory + "/\(name).mps" }

    /// All 29 problems of the collection, by name.
    static let all: [NetlibInfeasibleProblem] = [
        ("bgdbg1", 348, 407), ("bgetam", 400, 688), ("bgindy", 2671, 10116), ("bgprtr", 20, 34),
        ("box1", 231, 261), ("ceria3d", 3576, 824), ("chemcom", 288, 720), ("cplex1", 3005, 3221),
        ("cplex2", 224, 221), ("ex72a", 197, 215), ("ex73a", 193, 211), ("forest6", 66, 95),
        ("galenet", 8, 8), ("gosh", 3792, 10733), ("gran", 2658, 2520), ("greenbea", 2504, 5405),
        ("itest2", 9, 4), ("itest6", 11, 8), ("klein1", 54, 54), ("klein2", 477, 54),
        ("klein3", 994, 88), ("mondou2", 312, 604), ("pang", 361, 460), ("pilot4i", 410, 1000),
        ("qual", 323, 464), ("reactor", 318, 637), ("refinery", 323, 464), ("vol1", 323, 464),
        ("woodinfe", 35, 89),
    ].map { NetlibInfeasibleProblem(name: $0.0, rows: $0.1, columns: $0.2) }
}
