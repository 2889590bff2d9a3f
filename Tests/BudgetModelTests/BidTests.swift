import BudgetModel
import Testing

/// New bids (SCENARIO-SPEC section 12, "Bids"): a service with `baseline = 0` and a `request`,
/// measured against its request. Every allocation is worked out by hand in the comments and
/// every LP solution behind it goes through the certificate checker.
@Suite struct BidTests {
    /// Two services of 500 and a bid for 200 at one priority, on one fund of 1000.
    private func sharedTier(_ fairness: FairnessMeasure = .relative, bidMinimum: AmountOrPercent = .amount(0)) -> Scenario {
        Scenario(
            title: "bid in the tier", fairness: fairness, funds: [Fund(id: "grant", amount: 1000)],
            services: [
                Service(id: "advice", baseline: 500),
                Service(id: "outreach", baseline: 500),
                Service(id: "helpline", baseline: 0, request: 200, minimum: bidMinimum),
            ])
    }

    /// `ScenarioTOMLWriter` writes a bid's request, so the file reads back as the same bid
    /// (without it, `baseline = 0` alone is not a valid service).
    @Test func aBidRoundTripsThroughTheScenarioFile() throws {
        for scenario in [sharedTier(), sharedTier(.cash, bidMinimum: .percent(50))] {
            let text = ScenarioTOMLWriter.text(of: scenario)
            #expect(text.contains("baseline = 0\nrequest = 200\n"))
            let read = try ScenarioDecoder.decode(text, fileName: "bid.toml").scenario
            #expect(read == scenario, "\(text)")
            #expect(read.services[2].isBid && read.services[2].minimumAmount == scenario.services[2].minimumAmount)
        }
    }

    @Test func aBidWinsMoneyInAGrowthYearSharingTheShortfallOfItsTier() throws {
        // A -5% cut gives 1050 against claims of 500 + 500 + 200 = 1200. Equal relative
        // shortfalls t, the bid's of its request: 1200 (1 - t) = 1050, t = 12.5%:
        // advice and outreach 437.50 each, the bid 175.
        let result = try CheckedAllocator(sharedTier()).result(-5)
        expectAllocations(result, ["advice": 437.5, "outreach": 437.5, "helpline": 175])
        #expect(bindings(result) == ["advice": "share", "outreach": "share", "helpline": "share"])
        #expect(result.services[2].baseline == 0)
        #expect(result.services[2].change == result.services[2].allocation)
        #expect(result.services[2].changePercent == nil)
        #expect(abs((result.services[0].changePercent ?? .nan) + 12.5) < 1e-9)
    }

    @Test func underCashFairnessTheBidsShortfallIsItsRequestLessItsAllocation() throws {
        // Equal cash shortfalls s: (500 - s) + (500 - s) + (200 - s) = 1050, s = 50.
        let result = try CheckedAllocator(sharedTier(.cash)).result(-5)
        expectAllocations(result, ["advice": 450, "outreach": 450, "helpline": 150])
    }

    @Test func underAwardFairnessTheBidIsCappedAtItsRequest() throws {
        // Equal awards of 1050 / 3 = 350 would exceed the bid's maximum, its request 200: the
        // bid gets 200 and the two services share 850, 425 each.
        let result = try CheckedAllocator(sharedTier(.award)).result(-5)
        expectAllocations(result, ["advice": 425, "outreach": 425, "helpline": 200])
        #expect(bindings(result)["helpline"] == "maximum")
    }

    @Test func aBidsMinimumIsAPercentageOfItsRequest() throws {
        // min "50%" of the request 200 is 100. At a 10% cut (900) an equal relative shortfall
        // t would give 1200 (1 - t) = 900, t = 25%, the bid 150: above its floor. At 20% (800)
        // t = 1/3 would give the bid 133.33; at 30% (700) t = 5/12 would give 116.67; at 35%
        // (650) t = 11/24 gives 108.33. At 40% (600): 1200 (1 - t) = 600, t = 50%, the bid
        // exactly at 100. At 50% (500) the bid is held at 100 and the others share 400, 200 each.
        let scenario = sharedTier(bidMinimum: .percent(50))
        #expect(scenario.services[2].minimumAmount == 100)
        #expect(scenario.services[2].maximumAmount == 200)
        let allocator = CheckedAllocator(scenario)
        expectAllocations(try allocator.result(10), ["advice": 375, "outreach": 375, "helpline": 150])
        let half = try allocator.result(50)
        expectAllocations(half, ["advice": 200, "outreach": 200, "helpline": 100])
        #expect(bindings(half)["helpline"] == "minimum")
    }

    /// Two funded services at priority 1, one of them able to grow by 10%, and a bid for 200 at
    /// priority 0, on one fund of 1000.
    private let lowerPriorityBid = Scenario(
        title: "bid below", funds: [Fund(id: "grant", amount: 1000)],
        services: [
            Service(id: "advice", baseline: 500, maximum: .percent(110), priority: 1),
            Service(id: "outreach", baseline: 500, priority: 1),
            Service(id: "helpline", baseline: 0, request: 200),
        ])

    @Test func aLowerPriorityBidIsFundedOnlyFromMoneyTheOthersCannotUse() throws {
        let allocator = CheckedAllocator(lowerPriorityBid)
        // At 0% the 1000 goes to priority 1 (500 each): nothing is left for the bid.
        expectAllocations(try allocator.result(0), ["advice": 500, "outreach": 500, "helpline": 0])
        // At -10% (1100) priority 1 takes what it can use, advice up to its maximum 550 and
        // outreach 500; the bid gets the 50 left.
        let growth = try allocator.result(-10)
        expectAllocations(growth, ["advice": 550, "outreach": 500, "helpline": 50])
        // outreach sits at its baseline, its maximum, with its tier uncut and the bid short.
        #expect(bindings(growth) == ["advice": "maximum", "outreach": "not-cut", "helpline": "share"])
        // At -30% (1300) the bid gets its whole request and 50 is unallocated.
        let more = try allocator.result(-30)
        expectAllocations(more, ["advice": 550, "outreach": 500, "helpline": 200])
        #expect(abs(more.unallocated - 50) < 0.01)
    }

    @Test func weightedModeValuesEachPoundOfABidByItsWeight() throws {
        // weighted: the bid's pounds are worth 2, the others' 1. At 0% (1000) the weighted total
        // is largest with the bid at its request 200; the 800 left ties between advice and
        // outreach, and the tiers rule splits it 400 each (equal 20% cuts).
        let scenario = Scenario(
            title: "weighted bid", objective: .weighted, funds: [Fund(id: "grant", amount: 1000)],
            services: [
                Service(id: "advice", baseline: 500),
                Service(id: "outreach", baseline: 500),
                Service(id: "helpline", baseline: 0, request: 200, weight: 2),
            ])
        let result = try CheckedAllocator(scenario).result(0)
        expectAllocations(result, ["advice": 400, "outreach": 400, "helpline": 200])
    }

    @Test func aBidsChangeIsItsAllocationAndItsPercentageIsUndefined() {
        let bid = ServiceAllocation(serviceID: "helpline", baseline: 0, allocation: 175, binding: .share)
        #expect(bid.change == 175)
        #expect(bid.changePercent == nil)
        let funded = ServiceAllocation(serviceID: "advice", baseline: 500, allocation: 437.5, binding: .share)
        #expect(funded.changePercent == -12.5)
    }
}

/// The validation of `request` and of a baseline of 0, each problem located and all reported.
@Suite struct BidValidationTests {
    /// One fund of 1000 and a service `s` (lines 5 `[[service]]`, 6 id) followed by `lines`.
    private func issues(_ lines: String) -> [String] {
        issueLines("title = \"T\"\n[[fund]]\nid = \"f\"\namount = 1000\n[[service]]\nid = \"s\"\n\(lines)\n")
    }

    @Test func aBidDecodesWithItsRequestAsTheReference() throws {
        let text = "title = \"T\"\n[[fund]]\nid = \"f\"\namount = 1000\n[[service]]\nid = \"s\"\nbaseline = 0\n"
            + "request = 200\nmin = \"25%\"\nmax = \"150%\"\n"
        let service = try ScenarioDecoder.decode(text, fileName: "t.toml").scenario.services[0]
        #expect(service.request == 200)
        #expect(service.isBid)
        #expect(service.reference == 200)
        #expect(service.minimumAmount == 50)
        #expect(service.maximumAmount == 300)
    }

    @Test func aBaselineOfZeroNeedsARequest() {
        #expect(issues("baseline = 0") == [
            "t.toml:7:1: [[service]] \"s\": \"baseline\" must be greater than 0 (got 0); a new bid with baseline 0 "
                + "needs a \"request\", the money it asks for",
        ])
    }

    @Test(arguments: [
        ("request = 0", "\"request\" must be greater than 0 (got 0)"),
        ("request = -5", "\"request\" must be greater than 0 (got -5)"),
        ("request = nan", "\"request\" must be a finite number, not nan"),
        ("request = 2e15", "\"request\" is too large to compute with to the penny (got 2e+15; the limit is 1e+15)"),
    ])
    func requestsMustBePositiveMoney(line: String, message: String) {
        #expect(issues("baseline = 0\n\(line)") == ["t.toml:8:1: [[service]] \"s\": \(message)"])
    }

    @Test func aRequestBesideAFundedBaselineIsRejected() {
        #expect(issues("baseline = 400\nrequest = 200") == [
            "t.toml:8:1: [[service]] \"s\": \"request\" is for a new bid, whose baseline is 0, but the baseline is 400; "
                + "a funded service's percentages and shortfall are of its baseline",
        ])
    }

    @Test func aProtectedBidIsRejectedAndEveryProblemIsReported() {
        // Three problems in two services, all reported with their lines.
        let text = "title = \"T\"\n[[fund]]\nid = \"f\"\namount = 1000\n"
            + "[[service]]\nid = \"s\"\nbaseline = 0\nrequest = 200\nprotected = true\n"
            + "[[service]]\nid = \"t\"\nbaseline = 0\nrequest = -1\n"
        #expect(issueLines(text) == [
            "t.toml:9:1: [[service]] \"s\": a new bid (a service with a \"request\") cannot be protected: protection "
                + "holds a service at its baseline, and a bid's baseline is 0",
            "t.toml:13:1: [[service]] \"t\": \"request\" must be greater than 0 (got -1)",
        ])
    }

    @Test func aBidsMinimumAboveItsMaximumIsMeasuredAgainstItsRequest() {
        #expect(issues("baseline = 0\nrequest = 200\nmin = \"60%\"\nmax = 100") == [
            "t.toml:9:1: [[service]] \"s\": min \"60%\" (120) is above max 100",
        ])
    }
}
