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

    /// Money left unspent is the envelope less the allocations, except that a difference within
    /// the sum's rounding error (1e-12 of the envelope) is 0: the bundled scenario's 5% cut adds
    /// its allocations up to 865,200.0000000002 against an envelope of 865,200.
    @Test func unallocatedMoneyIsNeverRoundingNoise() {
        func result(_ allocations: [Double], envelope: Double) -> CutResult {
            CutResult(
                cutPercent: 5, envelope: envelope, status: .optimal,
                services: allocations.enumerated().map {
                    ServiceAllocation(serviceID: "s\($0.offset)", baseline: $0.element, allocation: $0.element, binding: .share)
                })
        }
        #expect(result([446_000, 50_000, 369_200.0000000002], envelope: 865_200).unallocated == 0)
        #expect(result([446_000, 50_000, 369_199.9999999998], envelope: 865_200).unallocated == 0)
        // A hundredth of a penny is money.
        #expect(abs(result([446_000, 50_000, 369_199.9999], envelope: 865_200).unallocated - 1e-4) < 1e-9)
    }
}

/// A protected service without a max (a max of 100%) and a baseline that `b * 100 / 100`
/// rounds below: valid, and allocated its baseline.
@Suite struct HundredPercentTests {
    @Test func aHundredPerCentIsTheBaselineExactly() throws {
        let baseline = 169.347473475
        #expect(baseline * 100 / 100 < baseline)
        #expect(AmountOrPercent.percent(100).resolved(against: baseline) == baseline)
        let text = """
            title = "Odd baseline"
            [[fund]]
            id = "grant"
            amount = 1000
            [[service]]
            id = "kept"
            baseline = 169.347473475
            protected = true
            [[service]]
            id = "other"
            baseline = 830.652526525
            """
        let scenario = try ScenarioDecoder.decode(text, fileName: "odd.toml").scenario
        let result = try CheckedAllocator(scenario).result(10)
        #expect(result.status == .optimal)
        #expect(result.services.first?.allocation == baseline)
    }
}
