extension Scenario {
    /// The limits of group `g` after a cut, in money: its `min` and `max` resolved against
    /// the envelope `E(c)`, infinite where the group states none.
    func groupBounds(_ g: Int, afterCut cut: Double) -> (lower: Double, upper: Double) {
        let envelope = envelope(afterCut: cut)
        let group = groups[g]
        return (group.minimum.map { $0.resolved(against: envelope) } ?? -.infinity,
                group.maximum.map { $0.resolved(against: envelope) } ?? .infinity)
    }
}
