import FactlintTestSupport
import Foundation
import Testing

/// A broken rule file is reported with its position and skipped; the run exits 2 and the good rules still run.
@Suite struct RuleFileErrorTests {
    /// A valid rule and, from line 13, a rule with a misspelt key `totl` on line 18.
    static let rulesWithUnknownKey = """
        rules:
          - id: cli-test-part-within-whole
            kind: compare
            summary: A part is no larger than its whole.
            severity: error
            scope: sentence
            template:
              - "{part:count} of the {whole:count}"
            left: part
            op: "<="
            right: whole
            message: "{part} is given as a part of {whole}, but it is larger"
          - id: cli-test-sentences
            kind: sum
            summary: The sentences add up to the convicted.
            severity: error
            scope: sentence
            totl:
              - "of the {total:count}"
            part:
              - "{n:count} were sentenced to"
            message: "{parts} do not add up to {total}"

        """

    @Test func unknownKeyIsReportedWithPositionSuggestionAndCaret() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("rules.yml", Self.rulesWithUnknownKey)
        try directory.write("norvask.md", SampleReport.partLargerThanWhole)

        let result = try CLI.run(["lint", "--rules", "rules.yml", "norvask.md"], in: directory.url)

        #expect(result.status == 2, "a bad rule file exits 2; stderr: \(result.stderr)")
        let lines = result.stderr.components(separatedBy: "\n")
        let index = try #require(
            lines.firstIndex(of: "rules.yml:18:5: error: unknown key 'totl' (did you mean 'total'?)"),
            "stderr:\n\(result.stderr)"
        )
        let snippet = lines[index...].prefix(4)
        #expect(snippet.contains("18 |     totl:"), "the offending line is quoted:\n\(snippet.joined(separator: "\n"))")
        #expect(snippet.contains("   |     ^"), "a caret under column 5:\n\(snippet.joined(separator: "\n"))")
    }

    @Test func validRulesInTheSameFileStillLintTheReport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("rules.yml", Self.rulesWithUnknownKey)
        try directory.write("norvask.md", SampleReport.partLargerThanWhole)

        let result = try CLI.run(["lint", "--rules", "rules.yml", "--format", "line", "norvask.md"], in: directory.url)

        #expect(result.status == 2)
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:))
        #expect(findings.map(\.position) == ["norvask.md:3:20: error [cli-test-part-within-whole]"], "stdout: \(result.stdout)")
        #expect(findings.first?.message == "31 is given as a part of 23, but it is larger")
        #expect(result.stderr.contains("1 report, 1 rule: 1 error, 0 warnings"), "only the valid rule is loaded: \(result.stderr)")
    }

    @Test func invalidYAMLIsReportedAndTheOtherRuleFilesStillRun() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("broken.yml", """
            rules:
              - id: cli-test-broken
                kind: sum
                summary: x: y

            """)
        try directory.write("norvask.md", SampleReport.partLargerThanWhole)

        let result = try CLI.run(["lint", "--rules", "broken.yml", "--rules", CLI.bundledRules, "--format", "line", "norvask.md"], in: directory.url)

        #expect(result.status == 2, "stderr: \(result.stderr)")
        let lines = result.stderr.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("broken.yml:4:15: error: ") && $0.contains("YAML") }, "stderr:\n\(result.stderr)")
        let snippet = lines[index...].prefix(4)
        #expect(snippet.contains("4 |     summary: x: y"), "the offending line is quoted:\n\(snippet.joined(separator: "\n"))")
        #expect(snippet.contains("  |               ^"), "a caret under column 15:\n\(snippet.joined(separator: "\n"))")
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:))
        #expect(findings.map(\.position) == ["norvask.md:3:20: error [part-within-whole]"], "the bundled rules still lint: \(result.stdout)")
    }

    @Test func aMissingRuleFileExitsTwoNamingIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("norvask.md", SampleReport.partLargerThanWhole)

        let result = try CLI.run(["lint", "--rules", "no-such-rules.yml", "norvask.md"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-rules.yml"), "stderr: \(result.stderr)")
    }
}
