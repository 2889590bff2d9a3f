import BudgetModel

/// One libFuzzer input: the bytes of a scenario file, taken the way `scenario check` takes
/// them. Text that is not UTF-8 is the decoder's "not UTF-8" issue; everything else goes
/// through `ScenarioDecoder`, and a valid scenario on to the maximum-feasible-cut LP that
/// `check` prints. Every issue must carry a file name and a one-line message; a crash, a trap
/// or a hang (libFuzzer's `-timeout`) is a finding.
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
            precondition(!line.contains("\n"), "an issue over more than one line: \(line)")
        }
        return 0
    }
    _ = try? Allocator(scenario: document.scenario).maximumFeasibleCut()
    return 0
}
