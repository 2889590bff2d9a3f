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
    static func netlib(_ name: String) throws -> LinearProgram {
        try MPSReader.read(contentsOf: NetlibReference.directory + "/\(name).mps")
    }
}
