import LPCertificates
import LinearProgramming

/// Helpers the simplex tests share: the independent certificate check and
/// Netlib problems read with the package's MPS reader.
enum SolverTestSupport {
    /// The certificate checker's complaints about `solution` (empty = valid).
    static func violations(_ program: LinearProgram, _ solution: Solution) -> [String] {
        CertificateChecker().check(solution, of: program).failures
    }

    /// The Netlib problem `name`.
    /// Wyndor Glass (Hillier and Lieberman): maximise 3x + 5y with x <= 4, 2y <= 12,
    /// 3x + 2y <= 18 (rows plant1..plant3). Optimum x = 2, y = 6, 36.
    static func wyndor() -> LinearProgram {
        var lp = LinearProgram(name: "wyndor", sense: .maximize)
        let plant1 = lp.addRow(lower: -.infinity, upper: 4)
        let plant2 = lp.addRow(lower: -.infinity, upper: 12)
        let plant3 = lp.addRow(lower: -.infinity, upper: 18)
        lp.addColumn(cost: 3, lower: 0, upper: .infinity, coefficients: [(plant1, 1), (plant3, 3)])
        lp.addColumn(cost: 5, lower: 0, upper: .infinity, coefficients: [(plant2, 2), (plant3, 2)])
        return lp
    }

    static func netlib(_ name: String) throws -> LinearProgram {
        try MPSReader.read(contentsOf: NetlibReference.directory + "/\(name).mps")
    }
}
