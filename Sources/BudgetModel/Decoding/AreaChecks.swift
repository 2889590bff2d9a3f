extension DraftChecker {
    /// SCENARIO-SPEC section 13: `[[area]]` ids (present, well-formed, unique); a fund's `cut`
    /// multiplier in `[0, 2]`; every `area` naming an area (and none without `[[area]]`); a
    /// service's area holding funds; `area` and `contributions` not both on one service;
    /// contributions naming areas, adding up to 1 within 1e-9, each paying area with a fund
    /// whose ring-fence lets it pay the service.
    mutating func checkAreas() {
        let areas = draft.areas.given ?? []
        for (ordinal, area) in areas.enumerated() {
            let table = TableReference(kind: .area, ordinal: ordinal, id: area.id.given)
            require(area.id, "id", in: table)
            if let id = area.id.given { checkIDPattern(id, in: table) }
        }
        checkUniqueIDs(areas.map(\.id.given), kind: .area)
        let areaIDs = areas.compactMap(\.id.given)
        let funds = draft.funds.given ?? []
        for (ordinal, fund) in funds.enumerated() {
            let table = TableReference(kind: .fund, ordinal: ordinal, id: fund.id.given)
            if let m = fund.cutMultiplier.given, !(m >= 0 && m <= 2) {
                report("\"cut\" must be true, false or a rate of cut from 0 to 2, not \(formatted(m))", in: table, key: "cut")
            }
            if let area = fund.area.given { checkAreaReference(area, in: table, known: areaIDs) }
        }
        guard let services = draft.services.given else { return }
        for (ordinal, service) in services.enumerated() {
            let table = TableReference(kind: .service, ordinal: ordinal, id: service.id.given)
            if let area = service.area.given, checkAreaReference(area, in: table, known: areaIDs) {
                let paying = funds.contains { $0.area.given == area }
                if !paying {
                    report("the service's area \(quoted(area)) has no [[fund]] to pay it (give a fund area = \(quoted(area)))", in: table, key: "area")
                }
                if service.contributions != .absent {
                    report("a service names either \"area\" (its own area pays it) or \"contributions\" (areas share it), not both", in: table, key: "contributions")
                }
            }
            if let contributions = service.contributions.given {
                checkContributions(contributions, of: service, in: table, known: areaIDs, funds: funds)
            }
        }
    }

    /// Reports an `area` that names no `[[area]]`; returns whether it names one.
    @discardableResult
    private mutating func checkAreaReference(_ area: String, in table: TableReference, known: [String]) -> Bool {
        if known.isEmpty {
            report("\"area\" names \(quoted(area)), but the file has no [[area]] (add [[area]] tables with their ids)", in: table, key: "area")
            return false
        }
        guard known.contains(area) else {
            report("\"area\" names \(quoted(area)), which is not an area id" + didYouMeanHint(for: area, among: known), in: table, key: "area")
            return false
        }
        return true
    }

    private mutating func checkContributions(
        _ contributions: Contributions, of service: DraftService, in table: TableReference, known: [String], funds: [DraftFund]
    ) {
        if known.isEmpty {
            report("\"contributions\" needs [[area]] tables: the file has none", in: table, key: "contributions")
            return
        }
        var paying: [(area: String, fraction: Double)] = []
        switch contributions {
        case .equal:
            paying = known.map { ($0, 1) }
        case .shares(let shares):
            if shares.isEmpty {
                report("\"contributions\" must name at least one area", in: table, key: "contributions")
                return
            }
            var valid = true
            for share in shares {
                if !known.contains(share.area) {
                    report(
                        "\"contributions\" names \(quoted(share.area)), which is not an area id" + didYouMeanHint(for: share.area, among: known),
                        in: table, key: "contributions")
                    valid = false
                }
                if !(share.fraction.isFinite && share.fraction >= 0) {
                    report("\"contributions\" gives \(quoted(share.area)) \(formatted(share.fraction)): a proportion is finite and not negative", in: table, key: "contributions")
                    valid = false
                }
            }
            guard valid else { return }
            let total = shares.reduce(0) { $0 + $1.fraction }
            if abs(total - 1) > Self.contributionTolerance {
                report(
                    "\"contributions\" add up to \(formatted(total)), not 1 (they must, within 1e-9)",
                    in: table, key: "contributions")
                return
            }
            paying = shares.filter { $0.fraction > 0 }.map { ($0.area, $0.fraction) }
        }
        guard let serviceID = service.id.given else { return }
        for (area, _) in paying {
            let own = funds.filter { $0.area.given == area }
            if own.isEmpty {
                report("\"contributions\" has area \(quoted(area)) pay a share, but it has no [[fund]] (give a fund area = \(quoted(area)))", in: table, key: "contributions")
            } else if !own.contains(where: { $0.ringFencedFor.given.map { $0.contains(serviceID) } ?? true }) {
                report(
                    "\"contributions\" has area \(quoted(area)) pay a share, but the ring-fences of all its funds leave this service out",
                    in: table, key: "contributions")
            }
        }
    }

    /// How far contributions may add up from 1 (SCENARIO-SPEC section 13).
    static let contributionTolerance = 1e-9
}
