import BudgetModel
import BudgetReports
import Foundation
import Testing

/// A long sweep's CSV, most of whose cuts are read from linear pieces (a feasible cut from its
/// stage's piece, an infeasible one from the deficit's and the fallback's), prints at every cut
/// what a fresh solve at that cut gives: the same status, binding reasons and rounded figures,
/// and each exact figure within 1e-9 of the solve's, relative to the figure itself (a change
/// relative to the service's baseline, which it is a difference from).
@Suite struct SweepExactnessTests {
    /// Exact figures agree to this, relative.
    static let relativeAgreement = 1e-9

    /// Stretches of the grid of the 1,000,000-cut sweep (0..99.9999% in steps of 0.0001), 1,500
    /// cuts each: one across the bundled scenario's maximum cut (21.607%), the others at random
    /// (fixed seed), three below 20% and three across the whole range (10,500 cuts in all).
    static func cuts() -> [Double] {
        var state: UInt64 = 0x5EED_0019
        func next(below bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let feasible = (0..<3).map { _ in next(below: 200_000) }
        var starts = [215_000] + feasible + (0..<3).map { _ in next(below: 998_000) }
        starts.sort()
        var steps: [Int] = []
        for start in starts where start > (steps.last ?? -1) { steps += start..<(start + 1_500) }
        return steps.map { Double($0) / 10_000 }
    }

    static func expectClose(_ printed: String, _ solved: Double, relativeTo size: Double, _ label: String) {
        guard let value = Double(printed) else {
            Issue.record("\(label): \(printed) is not a number")
            return
        }
        #expect(abs(value - solved) <= relativeAgreement * max(abs(size), 1), "\(label): \(printed) against \(solved)")
    }

    @Test func aFineSweepPrintsAFreshSolvesFiguresAtRandomCuts() throws {
        let document = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName)
        let scenario = document.scenario
        let maximumCut = try Allocator(scenario: scenario).maximumFeasibleCut()
        let cuts = Self.cuts()
        let header = SweepHeader(document: document, toolVersion: "test", maximumFeasibleCut: maximumCut)
        var writer = CSVSweepWriter(header: header, output: "")
        try BlockSweep(scenario: scenario, maximumCut: maximumCut, cuts: cuts, jobs: 1).run { writer.write($0) }
        writer.finish()
        let table = try CSVTableReader.records(in: writer.output, file: "sweep.csv")
        let columns = try #require(table.first)
        func column(_ name: String) throws -> Int { try #require(columns.firstIndex(of: name)) }
        let (cutColumn, status, allocation, allocationRounded, change, changePercent, binding, envelope, deficit) = (
            try column("cut_pct"), try column("status"), try column("allocation"), try column("allocation_rounded"),
            try column("change"), try column("change_pct"), try column("binding"), try column("envelope"), try column("deficit")
        )
        // Each cut's rows, in cut order: one per service when feasible, one when infeasible.
        var cutRows: [[[String]]] = []
        for row in table.dropFirst() {
            if let last = cutRows.last?.last, last[cutColumn] == row[cutColumn] { cutRows[cutRows.count - 1].append(row) } else { cutRows.append([row]) }
        }
        #expect(cutRows.count == cuts.count)

        var state: UInt64 = 19
        var checked = (feasible: 0, infeasible: 0)
        for _ in 0..<150 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let k = Int((state >> 33) % UInt64(cuts.count))
            let (cut, rows) = (cuts[k], cutRows[k])
            let solved = try Allocator(scenario: scenario).result(atCut: cut)
            let rounded = RoundedCut(solved, unit: scenario.unit)
            let label = "at \(cut)%"
            #expect(Double(rows[0][cutColumn]) == cut, "\(label): cut printed as \(rows[0][cutColumn])")
            #expect(rows[0][status] == solved.status.rawValue, "\(label): status")
            #expect(rows[0][envelope] == solved.envelope.description, "\(label): envelope")
            switch solved.status {
            case .optimal:
                checked.feasible += 1
                #expect(rows.count == solved.services.count)
                for (row, service) in zip(rows, solved.services) {
                    let name = "\(label), \(service.serviceID)"
                    Self.expectClose(row[allocation], service.allocation, relativeTo: service.allocation, name + " allocation")
                    Self.expectClose(row[change], service.change, relativeTo: service.baseline, name + " change")
                    if let percent = service.changePercent {
                        Self.expectClose(row[changePercent], percent, relativeTo: 100, name + " change_pct")
                    }
                    #expect(row[binding] == service.binding.label, "\(name): binding")
                }
                #expect(rows.map { Double($0[allocationRounded]) ?? .nan } == rounded.services.map { $0 * scenario.unit }, "\(label): rounded")
            case .infeasible:
                checked.infeasible += 1
                let solvedDeficit = try #require(solved.deficit)
                Self.expectClose(rows[0][deficit], solvedDeficit, relativeTo: solvedDeficit, label + " deficit")
            case .unsolved:
                Issue.record("\(label): unsolved")
            }
        }
        // Both kinds of cut were drawn, many times each.
        #expect(checked.feasible >= 20 && checked.infeasible >= 20, "\(checked)")
    }
}
