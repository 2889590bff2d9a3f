import BudgetModel
import BudgetReports
import Testing

@Suite struct LargestRemainderRoundingTests {
    @Test func thirdsGiveTheSpareUnitToTheFirstOfTheTiedParts() {
        let third = 100.0 / 3
        let rounded = LargestRemainderRounding.round([third, third, third], summingTo: 100, unit: 1)
        #expect(rounded.total == 100)
        #expect(rounded.parts == [34, 33, 33])
    }

    @Test func largestRemainderWinsOverOrder() {
        // Remainders .2, .5, .3: total 11 needs one extra unit; .5 takes it.
        let rounded = LargestRemainderRounding.round([3.2, 4.5, 3.3], summingTo: 11, unit: 1)
        #expect(rounded.parts == [3, 5, 3])
    }

    @Test func twoUnitsToDistributeWithATie() {
        // Floors 1+1+1+1 = 4, total round(6.0) = 6: two extra units go to the
        // remainders .5, .5 (the first two, tie broken by order) before .5 and .5.
        let rounded = LargestRemainderRounding.round([1.5, 1.5, 1.5, 1.5], summingTo: 6, unit: 1)
        #expect(rounded.parts == [2, 2, 1, 1])
    }

    @Test func thousandsUnit() {
        // £1,234,567 over 400,400 / 500,600 / 333,567 in £k: floors 400 + 500 + 333 = 1,233;
        // total round(1,234.567) = 1,235; remainders .4, .6, .567 so .6 then .567 get a unit.
        let rounded = LargestRemainderRounding.round([400_400, 500_600, 333_567], summingTo: 1_234_567, unit: 1000)
        #expect(rounded.total == 1235)
        #expect(rounded.parts == [400, 501, 334])
    }

    /// A fund of £2,481,000 after a 54.25% cut holds £1,135,057.50; summed by two routes (the
    /// deficit LP's duals times its bounds, or a piece's interpolation) it lands either side of
    /// the half by a few ulps, and rounds to £1,135,058 from both, as the exact half does.
    @Test func aHalfWithinNoiseRoundsAwayFromZero() {
        let half = 2_481_000 * (1 - 0.5425)
        for value in [1_135_057.5, half, 1_135_057.5 - 2e-10, 1_135_057.5 + 2e-10] {
            #expect(LargestRemainderRounding.roundToUnits(value, unit: 1) == 1_135_058, "\(value)")
        }
        #expect(LargestRemainderRounding.roundToUnits(-2.5 + 1e-10, unit: 1) == -3)
        #expect(LargestRemainderRounding.roundToUnits(1_135_057.5 - 2e-6, unit: 1) == 1_135_057)
        #expect(LargestRemainderRounding.round([500.25, 500.25], summingTo: 1_000.5 - 1e-10, unit: 1).total == 1_001)
    }

    @Test func tinyNegativeNoiseIsZero() {
        let rounded = LargestRemainderRounding.round(
            [233_999.99999999997, 156_000.00000000003, -1.1641532182693481e-10], summingTo: 390_000, unit: 1)
        #expect(rounded.parts == [234_000, 156_000, 0])
        #expect(rounded.parts[2].sign == .plus)
    }

    @Test func solverNoiseDoesNotDecideWhichPartGetsTheSpareUnit() {
        // Two remainders of .6 that differ only by 1e-10 are a tie: the spare unit goes to the
        // first part whichever of the two the noise favours.
        let favouringSecond = LargestRemainderRounding.round([10.6, 20.6000000001, 30.8], summingTo: 62, unit: 1)
        let favouringFirst = LargestRemainderRounding.round([10.6000000001, 20.6, 30.8], summingTo: 62, unit: 1)
        #expect(favouringSecond.parts == [11, 20, 31])
        #expect(favouringFirst.parts == [11, 20, 31])
    }

    @Test func halfUnitTotalsRoundAwayFromZero() {
        #expect(LargestRemainderRounding.round([0.25, 0.25], summingTo: 0.5, unit: 1).total == 1)
        #expect(LargestRemainderRounding.roundToUnits(2500, unit: 1000) == 3)
        #expect(LargestRemainderRounding.roundToUnits(-0.4, unit: 1) == 0)
        #expect(LargestRemainderRounding.roundToUnits(-0.4, unit: 1).sign == .plus)
    }

    @Test func noPartsGiveJustTheRoundedTotal() {
        let rounded = LargestRemainderRounding.round([], summingTo: 12.6, unit: 1)
        #expect(rounded.total == 13)
        #expect(rounded.parts.isEmpty)
    }

    @Test func distributeOverAGivenRoundedTotal() {
        // A service's £234,000 split 133,333.5 + 100,666.5: ties go to the first piece.
        #expect(LargestRemainderRounding.distribute([133_333.5, 100_666.5], overUnits: 234_000, unit: 1) == [133_334, 100_666])
        // Far more units than the parts: whole rounds are added at once, then the rest.
        #expect(LargestRemainderRounding.distribute([1, 1.2], overUnits: 11, unit: 1) == [5, 6])
        #expect(LargestRemainderRounding.distribute([], overUnits: 5, unit: 1) == [])
    }

    @Test func partsThatDoNotAddUpStillSumToTheTotal() {
        // The parts exceed the total by 2: the unit is taken back from the smallest remainder.
        let rounded = LargestRemainderRounding.round([5.1, 5.9, 3.0], summingTo: 12, unit: 1)
        #expect(rounded.parts.reduce(0, +) == 12)
        #expect(rounded.parts == [5, 5, 2])
    }

    /// Random allocations from a fixed-seed generator: the rounded parts always add up
    /// to the rounded total, and no rounded part is a whole unit or more from its value.
    @Test(arguments: [1.0, 1000, 0.01, 50])
    func propertyHoldsOverManyRandomAllocations(unit: Double) {
        var generator = SplitMix64(seed: 2015)
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 12) + 1
            var parts = (0..<count).map { _ in Double(generator.next() % 10_000_000) / 7 }
            if generator.next() % 4 == 0 { parts[0] = -1e-9 }
            let total = parts.reduce(0, +)
            let rounded = LargestRemainderRounding.round(parts, summingTo: total, unit: unit)
            #expect(rounded.parts.reduce(0, +) == rounded.total)
            for (exact, units) in zip(parts, rounded.parts) {
                #expect(abs(exact / unit - units) < 1)
            }
            #expect(abs(total / unit - rounded.total) <= 0.5 + 1e-9)
        }
    }

    @Test func roundedCutAddsUpAndRoundsTheDeficitUp() {
        let feasible = CutResult(
            cutPercent: 10, envelope: 1000, status: .optimal,
            services: [
                ServiceAllocation(serviceID: "a", baseline: 400, allocation: 333.4, binding: .share),
                ServiceAllocation(serviceID: "b", baseline: 400, allocation: 333.3, binding: .share),
                ServiceAllocation(serviceID: "c", baseline: 400, allocation: 333.3, binding: .share),
            ])
        let rounded = RoundedCut(feasible, unit: 1)
        #expect(rounded.services == [334, 333, 333])
        #expect(rounded.allocated == 1000)
        #expect(rounded.unallocated == 0)
        #expect(rounded.envelope == 1000)
        #expect(rounded.deficit == nil)

        let infeasible = CutResult(
            cutPercent: 40, envelope: 660_000, status: .infeasible, services: [], deficit: 20_000.4)
        let roundedInfeasible = RoundedCut(infeasible, unit: 1000)
        #expect(roundedInfeasible.envelope == 660)
        #expect(roundedInfeasible.deficit == 21)
        #expect(roundedInfeasible.services.isEmpty)
    }
}
