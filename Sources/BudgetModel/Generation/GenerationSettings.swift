/// What `ScenarioGenerator` is asked to make: sizes, the seed that fixes every random
/// choice, and the objective mode.
public struct GenerationSettings: Sendable, Equatable {
    /// Number of services, `1...maximumServices`.
    public var services: Int
    /// Number of funds, `1...maximumFunds`.
    public var funds: Int
    /// Number of groups, `0...maximumGroups`.
    public var groups: Int
    /// The seed: the same settings always give the same scenario.
    public var seed: UInt64
    /// The objective mode written into the file (`weighted` also gives every service a weight).
    public var mode: ObjectiveMode

    /// The most services a generated scenario may have (its file stays well under the
    /// decoder's 16 MiB limit).
    public static let maximumServices = 100_000
    /// The most funds a generated scenario may have.
    public static let maximumFunds = 10_000
    /// The most groups a generated scenario may have.
    public static let maximumGroups = 100_000

    /// Settings from their parts.
    public init(services: Int, funds: Int, groups: Int, seed: UInt64, mode: ObjectiveMode = .tiers) {
        self.services = services
        self.funds = funds
        self.groups = groups
        self.seed = seed
        self.mode = mode
    }

    /// Every way these settings are out of range, one sentence each; empty when they are usable.
    public var problems: [String] {
        var found: [String] = []
        if !(1...Self.maximumServices).contains(services) {
            found.append("--services must be between 1 and \(Self.maximumServices), not \(services)")
        }
        if !(1...Self.maximumFunds).contains(funds) {
            found.append("--funds must be between 1 and \(Self.maximumFunds), not \(funds)")
        }
        if !(0...Self.maximumGroups).contains(groups) {
            found.append("--groups must be between 0 and \(Self.maximumGroups), not \(groups)")
        }
        return found
    }
}

/// Settings that `ScenarioGenerator` cannot use; `problems` says why, one sentence each.
public struct GenerationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, one sentence each.
    public var problems: [String]

    /// An error listing the problems found.
    public init(problems: [String]) {
        self.problems = problems
    }

    /// The problems, one per line.
    public var description: String { problems.joined(separator: "\n") }
}
