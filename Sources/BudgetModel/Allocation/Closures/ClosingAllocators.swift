import LinearProgramming

/// The allocation of a scenario with closable services or steps (SCENARIO-SPEC section 12): at
/// each cut the set of closures is chosen first (`ClosureChooser`, with steps enforced), then
/// the posts of the services with a step (`DiscreteTiersRule`), then the scenario with that set
/// closed and those posts held (`Scenario.closing`, `Scenario.holding(posts:)`) is allocated by
/// sections 3 and 4, by an allocator kept per choice so that consecutive cuts with the same
/// choice start warm.
///
/// No mixed-integer programme is solved where the scenario has no step and the cut can be met
/// with every service open: when the feasible cuts of every choice are closed downwards
/// (`Scenario.feasibilityIsMonotoneInCut`), every cut up to the all-open maximum cut keeps
/// everyone open, and a choice made at a cut `a` holds at every cut from `a` to its own
/// maximum cut (every earlier set in the spec's order is infeasible at `a`, so at every larger
/// cut, and the chosen set stays feasible up to its maximum). With steps every cut is chosen
/// afresh, unless it lies in a stretch found by `steppedJumps`, which holds one choice: the
/// posts change within a set's interval.
final class ClosingAllocators {
    let scenario: Scenario
    private let options: SimplexOptions
    private let monotone: Bool
    /// Whether some service has a step: the allocations then jump with the posts inside a
    /// choice of closures, and no piece reaches past its own cut.
    let isStepped: Bool
    /// One allocator per choice met so far, keyed by the closed services' indices and the posts.
    private var allocators: [DiscreteChoice: Allocator] = [:]
    /// The last choice made at a feasible cut and the cuts it is known to hold for.
    private var held: (from: Double, to: Double, closed: [Int])?
    /// With steps: the stretches of one choice each found by the last `steppedJumps`.
    var stepSegments: [ChoiceSegment] = []

    init(scenario: Scenario, options: SimplexOptions) {
        self.scenario = scenario
        self.options = options
        monotone = scenario.feasibilityIsMonotoneInCut
        isStepped = !scenario.steppedServices.isEmpty
    }

    /// The result at a cut: that of the allocator of the chosen closures and posts, with the
    /// closed services marked `closed` and listed in `closedServices`, and the posts and `step`
    /// reasons of the services with a step (`StepBinding`).
    func result(atCut cut: Double, for parent: Allocator) throws(AllocationError) -> CutResult {
        let choice = try choice(atCut: cut, for: parent)
        let marked = Self.marking(try allocator(choice, for: parent).result(atCut: cut), closed: choice.closed)
        return isStepped ? StepBinding(scenario: scenario, result: marked).marked : marked
    }

    /// The allocator of the choice made at a cut, set up like `parent`.
    func allocator(atCut cut: Double, for parent: Allocator) throws(AllocationError) -> Allocator {
        try allocator(choice(atCut: cut, for: parent), for: parent)
    }

    /// The closures and posts at a cut (SCENARIO-SPEC section 12). At an infeasible cut the
    /// posts are those of a choice with the least deficit.
    func choice(atCut cut: Double, for parent: Allocator) throws(AllocationError) -> DiscreteChoice {
        guard isStepped else { return DiscreteChoice(closed: try closures(atCut: cut, for: parent), posts: [:]) }
        if let segment = segment(around: cut) { return segment.choice }
        var chooser = ClosureChooser(scenario: scenario)
        chooser.observer = parent.mixedIntegerObserver
        let infeasible = try parent.maximumFeasibleCut().map { $0 < 100 && Allocator.lies(cut, beyond: $0) } ?? (cut >= 0)
        guard let choice = try chooser.choice(atCut: cut, infeasible: infeasible) else {
            return DiscreteChoice(closed: [], posts: [:])
        }
        guard choice.feasible else { return DiscreteChoice(closed: choice.closed, posts: choice.posts) }
        var rule = DiscreteTiersRule(scenario: scenario.closing(choice.closed))
        rule.observer = parent.mixedIntegerObserver
        guard let posts = try rule.posts(atCut: cut) else {
            throw AllocationError(cutPercent: cut, reason: "whole posts met the cut when closures were chosen, but not when allocated")
        }
        return DiscreteChoice(closed: choice.closed, posts: posts)
    }

    /// The cuts around `cut` over which the closures chosen there are known to hold (from the
    /// last choice, made at or below `cut`, or with steps from the stretches `steppedJumps`
    /// found); nil when not known, which is only when feasibility is not monotone in the cut,
    /// `cut` is infeasible, or, with steps, `cut` lies outside the stretches found.
    func heldInterval(around cut: Double) -> ClosedRange<Double>? {
        if isStepped { return segment(around: cut).map { $0.from...$0.to } }
        guard let held, held.from <= cut, cut <= held.to else { return nil }
        return held.from...held.to
    }

    /// The piece of `piece` (at `cut`, from the allocator of the closures chosen there) on which
    /// those closures hold, with the closed services marked.
    func clamping(_ piece: AllocationPiece, atCut cut: Double, choice: DiscreteChoice) -> AllocationPiece {
        let marked = Self.marking(piece.result, closed: choice.closed)
        let result = isStepped ? StepBinding(scenario: scenario, result: marked).marked : marked
        guard let held = heldInterval(around: cut) else {
            if isStepped { return AllocationPiece(result: result, slopes: piece.slopes, forward: 0, backward: 0) }
            return AllocationPiece(result: result, slopes: piece.slopes, forward: piece.forward, backward: piece.backward)
        }
        return AllocationPiece(
            result: result, slopes: piece.slopes, forward: min(piece.forward, held.upperBound - cut),
            backward: min(piece.backward, cut - held.lowerBound))
    }

    /// `result` with the services of `closed` marked closed.
    static func marking(_ result: CutResult, closed: [Int]) -> CutResult {
        var marked = result
        marked.closedServices = closed
        if marked.status == .optimal {
            for s in closed { marked.services[s].binding = .closed }
        }
        return marked
    }

    /// The closures at a cut, by index, ascending (SCENARIO-SPEC section 12), for a scenario
    /// without steps.
    private func closures(atCut cut: Double, for parent: Allocator) throws(AllocationError) -> [Int] {
        if let held, held.from <= cut, cut <= held.to { return held.closed }
        let open = allocator(DiscreteChoice(closed: [], posts: [:]), for: parent)
        if monotone {
            if let maximum = try open.maximumFeasibleCut(), !Allocator.lies(cut, beyond: maximum) {
                held = (-100, maximum >= 100 ? 100 : maximum, [])
                return []
            }
        } else if try open.allocations(atCut: cut) != nil {
            return []
        }
        var chooser = ClosureChooser(scenario: scenario)
        chooser.observer = parent.mixedIntegerObserver
        let infeasible = try parent.maximumFeasibleCut().map { $0 < 100 && Allocator.lies(cut, beyond: $0) } ?? (cut >= 0)
        // Within the chooser's tolerance of a set's maximum cut, stage 0 may call the set
        // feasible where its own LPs do not: such a set is left out and the choice made again.
        var excluded: [[Int]] = []
        for _ in 0...Self.mostExclusions {
            guard let choice = try chooser.choice(atCut: cut, excluding: excluded, infeasible: infeasible) else { return [] }
            guard choice.feasible else { return choice.closed }
            let chosen = allocator(DiscreteChoice(closed: choice.closed, posts: [:]), for: parent)
            if monotone {
                if let maximum = try chosen.maximumFeasibleCut(), !Allocator.lies(cut, beyond: maximum) {
                    held = (cut, maximum >= 100 ? 100 : maximum, choice.closed)
                    return choice.closed
                }
            } else if try chosen.allocations(atCut: cut) != nil {
                return choice.closed
            }
            excluded.append(choice.closed)
        }
        throw AllocationError(
            cutPercent: cut, reason: "no choice of closures could be confirmed feasible at a cut within the solver's tolerance of several")
    }

    /// How many choices within tolerance of feasible may be left out at one cut.
    static let mostExclusions = 8

    /// The maximum feasible cut over every choice of closures and posts: that of the scenario
    /// with the closures and posts of the maximum-cut programme's optimum (`ClosureMaximumCut`).
    func maximumFeasibleCut(for parent: Allocator) throws(AllocationError) -> Double? {
        var finder = ClosureMaximumCut(scenario: scenario)
        finder.observer = parent.mixedIntegerObserver
        guard let choice = try finder.choice() else { return nil }
        return try allocator(choice, for: parent).maximumFeasibleCut()
    }

    /// The allocator of the scenario with `choice` made, with `parent`'s settings and observers.
    func allocator(_ choice: DiscreteChoice, for parent: Allocator) -> Allocator {
        let allocator = allocators[choice]
            ?? Allocator(scenario: scenario.closing(choice.closed).holding(posts: choice.posts), options: options)
        allocators[choice] = allocator
        allocator.solveObserver = parent.solveObserver
        allocator.followsPieces = parent.followsPieces
        allocator.findsFallbacks = parent.findsFallbacks
        return allocator
    }
}

extension ClosingAllocators {
    /// The cuts in `[start, end)` at which the closures change, each with the allocations on
    /// both sides, in increasing order. Found from the interval each choice holds for: its upper
    /// end is the choice's maximum cut, and just past it the next choice is made. Empty when
    /// feasibility is not monotone in the cut (`Scenario.feasibilityIsMonotoneInCut`), where
    /// those intervals are not known. With steps, the changes of closures or posts
    /// (`steppedJumps`).
    func jumps(from start: Double, to end: Double, for parent: Allocator) throws(AllocationError) -> [(cut: Double, jump: AllocationJump)] {
        if isStepped { return try steppedJumps(from: start, to: end, for: parent) }
        guard monotone else { return [] }
        var jumps: [(cut: Double, jump: AllocationJump)] = []
        var cut = start
        var closed = try closures(atCut: cut, for: parent)
        while let held = heldInterval(around: cut), held.upperBound < end {
            let boundary = held.upperBound
            let next = boundary + Self.probe
            let nextClosed = try closures(atCut: next, for: parent)
            if nextClosed != closed,
               let before = try allocator(DiscreteChoice(closed: closed, posts: [:]), for: parent).allocations(atCut: boundary),
               let after = try allocator(DiscreteChoice(closed: nextClosed, posts: [:]), for: parent).allocations(atCut: boundary) {
                jumps.append((boundary, AllocationJump(closedBefore: closed, closedAfter: nextClosed, before: before, after: after)))
            }
            cut = next
            closed = nextClosed
        }
        return jumps
    }

    /// How far past a choice's maximum cut the next choice is made, in percentage points.
    static let probe = 1e-7
}

/// What is decided first at a cut of a scenario with closures or steps (SCENARIO-SPEC
/// section 12): the closed services and the posts of the services with a step.
struct DiscreteChoice: Hashable {
    /// The closed services, by index, ascending.
    var closed: [Int]
    /// Whole posts per service with a step, by index; empty for a scenario without steps.
    var posts: [Int: Int]
}
