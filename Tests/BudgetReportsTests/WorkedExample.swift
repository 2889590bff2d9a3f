import BudgetModel
import BudgetReports

/// The worked example of SCENARIO-SPEC section 9, with results built by hand
/// from the spec's table (the 10% column carries the floating-point noise a
/// solver leaves, to show that reports round it away).
enum WorkedExample {
    static let scenario = Scenario(
        title: "Worked example",
        source: "SCENARIO-SPEC section 9, \"a worked example\"",
        funds: [
            Fund(id: "grant", amount: 1_000_000),
            Fund(id: "dv", name: "Domestic violence ring-fence", amount: 100_000, ringFencedFor: ["idva"]),
        ],
        services: [
            Service(id: "hub", name: "Victims' Hub", baseline: 400_000, isProtected: true),
            Service(id: "idva", name: "IDVA service", baseline: 200_000, minimum: .percent(50), priority: 1),
            Service(id: "rj", name: "Restorative Justice", baseline: 300_000, minimum: .percent(60)),
            Service(id: "counselling", baseline: 200_000),
        ])

    static let document = ScenarioDocument(
        scenario: scenario, fileName: "worked-example.toml",
        sha256: "3f1d8a6c0b2e4f5a7c9d1e3f5a7b9c0d2e4f6a8b0c1d3e5f7a9b1c3d5e7f9a0b")

    static let header = SweepHeader(
        document: document, toolVersion: "0.1.0", maximumFeasibleCut: 100 * (1 - 680_000.0 / 1_100_000))

    static func service(_ id: String, _ baseline: Double, _ allocation: Double, _ binding: Binding)
        -> ServiceAllocation
    {
        ServiceAllocation(serviceID: id, baseline: baseline, allocation: allocation, binding: binding)
    }

    static let results: [CutResult] = [
        CutResult(
            cutPercent: 10, envelope: 990_000, status: .optimal,
            services: [
                service("hub", 400_000, 400_000, .protected),
                service("idva", 200_000, 200_000, .notCut),
                service("rj", 300_000, 234_000.00000000003, .share),
                service("counselling", 200_000, 155_999.99999999997, .share),
            ]),
        CutResult(
            cutPercent: 20, envelope: 880_000, status: .optimal,
            services: [
                service("hub", 400_000, 400_000, .protected),
                service("idva", 200_000, 200_000, .notCut),
                service("rj", 300_000, 180_000, .minimum),
                service("counselling", 200_000, 100_000, .share),
            ]),
        CutResult(
            cutPercent: 30, envelope: 770_000, status: .optimal,
            services: [
                service("hub", 400_000, 400_000, .protected),
                service("idva", 200_000, 190_000, .share),
                service("rj", 300_000, 180_000, .minimum),
                service("counselling", 200_000, 0, .minimum),
            ]),
        CutResult(
            cutPercent: 40, envelope: 660_000, status: .infeasible, services: [], deficit: 20_000,
            conflict: [
                ConflictConstraint(kind: .protected, id: "hub", amount: 400_000, limit: 400_000),
                ConflictConstraint(kind: .minimum, id: "idva", amount: 100_000, limit: 100_000),
                ConflictConstraint(kind: .minimum, id: "rj", amount: 180_000, limit: 180_000),
                ConflictConstraint(kind: .fund, id: "grant", amount: 600_000, limit: 600_000),
                ConflictConstraint(kind: .ringFence, id: "dv", amount: 60_000, limit: 60_000),
            ]),
    ]

    /// A report of `results` in `format`, written to a string.
    static func report(_ format: SweepFormat, header: SweepHeader = header, results: [CutResult] = results) -> String {
        var writer = format.makeWriter(header: header, output: "")
        for result in results { writer.write(result) }
        writer.finish()
        return writer.output
    }
}
