import BudgetModel
import Foundation
import Testing

/// Scenario files that fuzzing (`make fuzz`, FuzzScenarioDecoder) found to crash the decoder,
/// each now a one-line syntax error, and their near misses that must still decode.
@Suite struct DecodingFuzzRegressionTests {
    static let nameless = "syntax error: a table header needs a name after '[', such as [[service]] or [objective]"

    /// The TOML parser inside TOMLKit aborted the process (a failed `assert`) on these.
    @Test(arguments: [
        ("[\n", 1, 2),
        ("[=]\n", 1, 2),
        ("[[ !x]]\n", 1, 4),
        ("  [\té]\n", 1, 5),
        ("[[\n", 1, 3),
        ("[[ [x]]\n", 1, 4),
    ])
    func tableHeaderWithoutAName(header: String, line: Int, column: Int) {
        let text = "title = \"T\"\n" + header
        #expect(issueLines(text) == ["t.toml:\(line + 1):\(column): \(Self.nameless)"])
    }

    /// The parser aborted on an array with a `}` where a value should come (found by the plan
    /// fuzzer in `years = ["2017/18", }"...`); a `}` that closes an inline table is fine.
    @Test(arguments: [
        ("x = [1, }\n", 1, 9),
        ("x = [}\n", 1, 6),
        ("x = [ # c\n}\n", 2, 1),
        ("x = [1,\n  }\n", 2, 3),
        ("x = {a = [}]}\n", 1, 11),
        ("years = [\"2017/18\", }\"2000\"\n", 1, 21),
    ])
    func arrayWithABraceForAValue(value: String, line: Int, column: Int) {
        let text = "title = \"T\"\n" + value
        #expect(issueLines(text) == [
            "t.toml:\(line + 1):\(column): syntax error: an array needs a value or its closing ']' here, not '}'",
        ])
    }

    @Test func inlineTablesInArraysStillParse() {
        #expect(issueLines("title = \"T\"\nx = [{a = 1, b = [2, 3]}, {c = \"}\"}]\n").allSatisfy {
            !$0.contains("an array needs a value")
        })
    }

    @Test func namelessHeaderAfterAValidScenarioIsReportedAtItsLine() {
        #expect(issueLines(minimalScenario(appending: "[\n")) == ["t.toml:10:2: \(Self.nameless)"])
    }

    /// Lines that start with `[` inside strings, comments and array values are not headers.
    @Test func bracketsInsideValuesStringsAndCommentsAreNotHeaders() {
        let text = minimalScenario(appending: """
            name = \"\"\"Hub
            [=] not a header
            \"\"\"
            # [= a comment
            [[fund]]
            id = "dv"
            amount = 10
            ring_fenced_for = [
              "hub",
            ]
            [ [ "service" ] ]
            id = "x"
            name = 'x[=]'
            baseline = 5

            """)
        #expect(issueLines(text) == [
            "t.toml:20:3: syntax error: Error while parsing table header: [[array-of-table]] brackets must be contiguous (i.e. [ [ this ] ] is prohibited)",
        ])
        let valid = text.replacingOccurrences(of: "[ [ \"service\" ] ]", with: "[[ \"service\" ]]")
        // Its one problem is the line feeds in the multi-line name, placed on the name's line.
        #expect(issueLines(valid) == [
            "t.toml:10:1: [[service]] \"hub\": \"name\" holds U+000A (line feed) at character 4 and 1 more; "
                + "names, titles and sources must be one line of printable text, without control characters, "
                + "line separators or bidirectional overrides",
        ])
    }

    /// The parser's own message quoted the newline it met, and the issue ran over two lines.
    @Test func syntaxErrorsQuotingAControlCharacterStayOnOneLine() {
        #expect(issueLines(minimalScenario(appending: "protected = tru\ne\n")) == [
            "t.toml:10:16: syntax error: Error while parsing boolean: expected 'true', saw 'tru\\n'",
        ])
    }
}
