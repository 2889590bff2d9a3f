import BudgetModel

/// The whole posts of a service with a `step` in words (SCENARIO-SPEC section 12): "1 post of
/// 2", where 2 is `floor(hi / step)`, the most posts the service can hold. From the facts JSON
/// carries as `posts` and `posts_of`.
enum PostsWording {
    /// The most posts of the service with this id, nil for a service without a step.
    static func most(_ service: ServiceAllocation, in scenario: Scenario) -> Int? {
        scenario.services.first { $0.id == service.serviceID }?.mostPosts
    }

    /// "1 post of 2" (or "0 posts of 2", "2 posts of 2"); nil for a service without a step.
    static func phrase(_ service: ServiceAllocation, in scenario: Scenario) -> String? {
        guard let posts = service.posts, let most = most(service, in: scenario) else { return nil }
        return "\(posts) \(posts == 1 ? "post" : "posts") of \(most)"
    }

    /// "2 posts of 2" for `posts` whole posts of a service of the scenario with a step; nil for
    /// a service without one.
    static func phrase(posts: Int, of service: Service) -> String? {
        guard let most = service.mostPosts else { return nil }
        return "\(posts) \(posts == 1 ? "post" : "posts") of \(most)"
    }
}
