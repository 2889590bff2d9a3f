import BudgetModel

/// One libFuzzer input: the bytes of a scenario file, taken the way `scenario check` takes
/// them. Text that is not UTF-8 is the decoder's "not UTF-8" issue; everything else goes
/// through `ScenarioDecoder`, and a valid scenario on to the maximum-feasible-cut LP that
/// `check` prints. Every issue must carry a file name and a one-line message with no control
/// character; a valid scenario must have printable names and a unit of at most six decimal
/// places; a crash, a trap or a hang (libFuzzer's `-timeout`) is a finding.
func fuzzScenarioDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let document: ScenarioDocument
    do {
        document = try ScenarioDecoder.decode(text, fileName: "fuzz.toml")
    } catch {
        precondition(!error.issues.isEmpty, "a rejected scenario must name at least one issue")
        for issue in error.issues {
            let line = issue.description
            precondition(line.hasPrefix("fuzz.toml"), "an issue without its file name: \(line)")
            precondition(!line.unicodeScalars.contains(where: isUnprintable), "an issue over more than one line: \(line)")
        }
        return 0
    }
    let scenario = document.scenario
    let texts = [scenario.title, scenario.source ?? ""] + scenario.funds.map(\.name) + scenario.services.map(\.name)
        + scenario.groups.map(\.name)
    precondition(!texts.contains { $0.unicodeScalars.contains(where: isUnprintable) }, "an unprintable name was accepted")
    precondition(MoneyFormatter.decimalPlaces(of: scenario.unit) != nil, "a unit of more than six places was accepted")
    _ = try? Allocator(scenario: scenario).maximumFeasibleCut()
    return 0
}

/// The characters validation rejects in printed text (control characters, line and paragraph
/// separators, bidirectional overrides), written out again here so the check is independent.
private func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
}
