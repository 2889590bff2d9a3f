import TOMLKit

/// Reads scenario files (SCENARIO-SPEC section 2) into validated scenarios with their
/// provenance, reporting every problem found, each with the file name, the line and column
/// where known, and the table it is in.
///
/// Accepted as well as the spec's own forms: integers and floats for money; percentages
/// written `"P%"` as described in `PercentSyntax`; a UTF-8 byte-order mark at the start.
/// Rejected with an issue, never a crash: files that are missing, directories, not regular
/// files, larger than 16 MiB, not UTF-8, empty (or only blank) or containing a NUL character
/// (or a NUL written as an escape in a string, `EscapedNulCheck`);
/// TOML syntax errors (including duplicate keys, nesting deeper than the parser allows, and
/// the nameless table headers and array brackets that `TableHeaderCheck` catches before they reach the parser);
/// and everything `ScenarioValidator` checks.
public enum ScenarioDecoder {
    /// The scenario in `text`, with the SHA-256 of its UTF-8 bytes; `fileName` is used in
    /// issues and recorded in the document.
    public static func decode(_ text: String, fileName: String) throws(ScenarioErrors) -> ScenarioDocument {
        let (scenario, plan) = try scenario(in: text, fileName: fileName)
        return ScenarioDocument(scenario: scenario, fileName: fileName, sha256: SHA256.hexDigest(of: Array(text.utf8)), plan: plan)
    }

    /// The scenario in the file at `path`, with the SHA-256 of the file's bytes.
    public static func decode(contentsOf path: String) throws(ScenarioErrors) -> ScenarioDocument {
        let bytes = try ScenarioFileReader.bytes(atPath: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ScenarioErrors(issues: [ScenarioIssue(file: path, message: "is not UTF-8 text (is it a binary file?)")])
        }
        let (scenario, plan) = try scenario(in: text, fileName: path)
        return ScenarioDocument(scenario: scenario, fileName: path, sha256: SHA256.hexDigest(of: bytes), plan: plan)
    }

    private static func scenario(in text: String, fileName: String) throws(ScenarioErrors) -> (Scenario, Plan?) {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        if body.allSatisfy(\.isWhitespace) {
            throw ScenarioErrors(issues: [ScenarioIssue(
                file: fileName, message: "is empty: a scenario needs a title, a [[fund]] and a [[service]]")])
        }
        if let issue = nulCharacterIssue(in: body, fileName: fileName) {
            throw ScenarioErrors(issues: [issue])
        }
        if let position = EscapedNulCheck.firstEscapedNul(in: body) {
            throw ScenarioErrors(issues: [ScenarioIssue(
                file: fileName, line: position.line, column: position.column,
                message: "a string holds the escape \\u0000 (NUL), which is not allowed: names, titles and "
                    + "sources must be one line of printable text, and the TOML reader would cut the string short there")])
        }
        if let problem = TableHeaderCheck.firstProblem(in: body) {
            throw ScenarioErrors(issues: [ScenarioIssue(
                file: fileName, line: problem.line, column: problem.column, message: "syntax error: \(problem.message)")])
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: String(body))
        } catch let error as TOMLParseError {
            throw ScenarioErrors(issues: [ScenarioIssue(
                file: fileName, line: error.source.begin.line, column: error.source.begin.column,
                message: "syntax error: \(escaped(error.description))")])
        } catch {
            throw ScenarioErrors(issues: [ScenarioIssue(file: fileName, message: "syntax error: \(escaped("\(error)"))")])
        }
        let (draft, readingProblems) = TOMLScenarioReader.read(root)
        let (plan, planProblems) = PlanReader.read(root)
        var problems = readingProblems + ScenarioValidator.problems(in: draft, isPlan: root["plan"] != nil) + planProblems
        if problems.isEmpty, let plan, let scenario = draft.scenario() {
            problems = PlanReader.growthProblems(of: plan, in: scenario)
            if problems.isEmpty { problems = PlanReader.stepProblems(of: plan, in: scenario) }
        }
        if !problems.isEmpty {
            throw ScenarioErrors(issues: located(problems, in: String(body), fileName: fileName))
        }
        guard let scenario = draft.scenario() else {
            throw ScenarioErrors(issues: [ScenarioIssue(file: fileName, message: "could not be read as a scenario")])
        }
        return (scenario, plan)
    }

    /// The problems as issues with positions, in file order; those without a position last.
    private static func located(_ problems: [ScenarioProblem], in text: String, fileName: String) -> [ScenarioIssue] {
        var locator = SourceLocator(text: text)
        let issues = problems.map { problem in
            let position = locator.position(of: problem)
            return ScenarioIssue(
                file: fileName, line: position?.line, column: position?.column,
                table: problem.table?.label, message: problem.message)
        }
        return issues.enumerated().sorted { left, right in
            let leftKey = (left.element.line ?? Int.max, left.element.column ?? 0, left.offset)
            let rightKey = (right.element.line ?? Int.max, right.element.column ?? 0, right.offset)
            return leftKey < rightKey
        }.map(\.element)
    }

    /// An issue at the first NUL character, which the TOML parser cannot see past.
    private static func nulCharacterIssue(in text: Substring, fileName: String) -> ScenarioIssue? {
        guard text.unicodeScalars.contains("\0") else { return nil }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\0" { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return ScenarioIssue(
            file: fileName, line: line, column: column,
            message: "contains a NUL character: a scenario file is text (is it a binary file?)")
    }
}
