extension DraftChecker {
    /// Per fund: `id` (present, well-formed, unique), `amount` (present, money), and a
    /// `ring_fenced_for` that is non-empty and names existing services once each.
    mutating func checkFunds() {
        guard let funds = draft.funds.given else { return }
        for (ordinal, fund) in funds.enumerated() {
            let table = TableReference(kind: .fund, ordinal: ordinal, id: fund.id.given)
            require(fund.id, "id", in: table)
            if let id = fund.id.given { checkIDPattern(id, in: table) }
            require(fund.amount, "amount", in: table)
            if let amount = fund.amount.given { checkMoney(amount, "amount", in: table) }
            if let list = fund.ringFencedFor.given {
                checkServiceList(
                    list, "ring_fenced_for", in: table,
                    emptyAdvice: " (leave it out to let every service draw on the fund)")
            }
        }
        checkUniqueIDs(funds.map(\.id.given), kind: .fund)
    }
}
