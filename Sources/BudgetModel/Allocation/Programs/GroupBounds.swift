extension Scenario {
    /// The limits of group `g` after a cut, in money: its `min` and `max` resolved against
    /// the envelope `E(c)`, infinite where the group states none.
    func groupBounds(_ g: Int, afterCut cut: Double) -> (lower: Double, upper: Double) {
        groupBounds(g, envelope: envelope(afterCut: cut))
    }

    /// The limits of group `g` in money against an envelope `envelope` (that of some cut).
    func groupBounds(_ g: Int, envelope: Double) -> (lower: Double, upper: Double) {
        let group = groups[g]
        return (group.minimum.map { $0.resolved(against: envelope) } ?? -.infinity,
                group.maximum.map { $0.resolved(against: envelope) } ?? .infinity)
    }
}
