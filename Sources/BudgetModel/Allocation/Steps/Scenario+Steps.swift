extension Scenario {
    /// The indices of the services with a `step` (SCENARIO-SPEC section 12), in file order.
    public var steppedServices: [Int] { services.indices.filter { services[$0].step != nil } }

    /// Whether the allocation has decisions that are not continuous: closures or steps
    /// (SCENARIO-SPEC section 12).
    var isDiscrete: Bool { services.contains { $0.isClosable || $0.step != nil } }

    /// The scenario with each service of `posts` (index to whole posts) held at exactly that
    /// many posts, `posts × step` (minimum and maximum both, no longer protected), and no step
    /// left: sections 3 and 4 then allocate the other services as the spec does once the posts
    /// are chosen. Baselines and requests are kept, so shortfalls are unchanged.
    public func holding(posts: [Int: Int]) -> Scenario {
        var fixed = self
        for (s, count) in posts {
            guard let step = services[s].step else { continue }
            let amount = Double(count) * step
            fixed.services[s].minimum = .amount(amount)
            fixed.services[s].maximum = .amount(amount)
            fixed.services[s].isProtected = false
        }
        for s in fixed.services.indices { fixed.services[s].step = nil }
        return fixed
    }
}

extension Service {
    /// Whether some whole multiple of `step` lies in `[lower, upper]`, each end taken with the
    /// tolerance of `fewestPosts` and `mostPosts` (SCENARIO-SPEC section 12's validation).
    static func hasMultiple(of step: Double, from lower: Double, to upper: Double) -> Bool {
        guard lower <= upper else { return true }
        let fewest = (lower / step - postTolerance).rounded(.up)
        return fewest * step <= upper * (1 + postTolerance)
    }
}
