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
            explanation:
                "At a 40% cut the envelope is £660,000. The protected Victims' Hub (£400,000), the minimum for IDVA service (£100,000) and the minimum for Restorative Justice (£180,000) need £680,000: £20,000 more than the envelope."
        ),
    ]

    /// A report of `results` in `format`, written to a string.
    static func report(_ format: SweepFormat, header: SweepHeader = header, results: [CutResult] = results) -> String {
        var writer = format.makeWriter(header: header, output: "")
        for result in results { writer.write(result) }
        writer.finish()
        return writer.output
    }
}
