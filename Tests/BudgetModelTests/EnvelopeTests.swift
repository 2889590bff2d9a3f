import BudgetModel
import Foundation
import Testing

/// Nothing handed to a report spends more than the envelope, on money in the billions where the
/// LPs' relative tolerances are whole pounds.
@Suite struct EnvelopeTests {
    /// `generate.py --seed 8` with every amount times 1,000: a £2.2bn grant. Between 10% and 40%
    /// the allocations added up to £18-£21 more than the envelope (3.8e-9 of the largest amount).
    @Test func allocationsStayWithinTheEnvelope() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/billions.toml").path
        let scenario = try ScenarioDecoder.decode(contentsOf: path).scenario
        let allocator = CheckedAllocator(scenario)
        var optimal = 0
        for step in 0...24 {
            let result = try allocator.result(Double(step) * 2.5)
            guard result.status == .optimal else { continue }
            optimal += 1
            #expect(result.allocated <= result.envelope + 1e-12 * 2_244_000_000, "\(result.cutPercent)%: \(result.allocated - result.envelope)")
            #expect(result.unallocated >= -1e-12 * 2_244_000_000)
            for (service, allocation) in zip(scenario.services, result.services) {
                #expect(allocation.allocation >= service.lowerBound * (1 - 1e-9), "\(service.id) below its floor")
                #expect(allocation.allocation <= service.maximumAmount * (1 + 1e-9), "\(service.id) above its maximum")
            }
        }
        #expect(optimal >= 13)
    }
}
