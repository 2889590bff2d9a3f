/// The relative tolerances a `CertificateChecker` accepts.
///
/// Every measure is scaled so that it means the same on large and small
/// numbers: a column bound violation is divided by `max(1, |bound|)`, a row
/// range violation by `max(1, |bound|, max_j |a_ij x_j|)` (the size of the
/// terms whose sum is checked); a reduced cost of the wrong sign by
/// `max(1, |c_j|, max_i |a_ij y_i|)`, a row dual of the wrong sign by
/// `max(1, max_j |c_j|)`; complementarity products and objective differences
/// by `max(1, |objective|)`.
public struct CertificateTolerance: Sendable, Equatable {
    /// Largest scaled bound violation of a column or row. Default `1e-6`.
    public var primal: Double
    /// Largest scaled reduced cost or row dual of the wrong sign. Default `1e-6`.
    public var dual: Double
    /// Largest scaled product of a reduced cost (or dual) and the distance of
    /// its variable (or row) from the bound that the sign asks for. Default `1e-6`.
    public var complementarity: Double
    /// Largest scaled difference between the reported objective, `c'x + constant`
    /// and the dual objective; also between reported and recomputed reduced
    /// costs and row activities. Default `1e-6`.
    public var objective: Double

    /// Tolerances with the given values (each defaults to `1e-6`).
    public init(primal: Double = 1e-6, dual: Double = 1e-6, complementarity: Double = 1e-6, objective: Double = 1e-6) {
        self.primal = primal
        self.dual = dual
        self.complementarity = complementarity
        self.objective = objective
    }
}
