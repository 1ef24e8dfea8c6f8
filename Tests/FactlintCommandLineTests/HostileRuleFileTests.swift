import FactlintTestSupport
import Foundation
import Testing

/// Hostile rule files through the command line: the bad file is reported at its position, the
/// run exits 2, and the rules of the other files still lint the reports.
@Suite struct HostileRuleFileTests {
    /// A rule file whose one rule finds "31 of the 23" in `SampleReport.partLargerThanWhole` (3:20).
    static let partRule = """
        rules:
          - id: part-within-whole
            kind: compare
            template: "{part:count} of the {whole:count}"
            left: part
            op: "<="
            right: whole

        """

    func run(ruleFiles: [String: String], _ ruleArguments: [String]) throws -> (result: CLI.Output, findings: [String]) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("norvask.md", SampleReport.partLargerThanWhole)
        for (name, text) in ruleFiles { try directory.write(name, text) }
        let result = try CLI.run(["lint", "--format", "line"] + ruleArguments.flatMap { ["--rules", $0] } + ["norvask.md"], in: directory.url)
        return (result, CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:)).map(\.position))
    }

    @Test(.timeLimit(.minutes(1)))
    func anAliasBombIsReportedAndTheOtherRulesRun() throws {
        var lines = ["a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("rules: *a9")

        let (result, findings) = try run(ruleFiles: ["bomb.yml": lines.joined(separator: "\n") + "\n", "good.yml": Self.partRule], ["bomb.yml", "good.yml"])

        #expect(result.status == 2, "stderr: \(result.stderr)")
        let message = try #require(CLI.lines(result.stderr).first { $0.hasPrefix("bomb.yml:") }, "stderr: \(result.stderr)")
        #expect(message.contains("error: its aliases (*name) expand to more than 1000000 values beyond those written out"), "message: \(message)")
        #expect(findings == ["norvask.md:3:20: error [part-within-whole]"], "stdout: \(result.stdout)")
    }

    @Test func duplicateRuleIdsAcrossFilesAreReportedAndTheFirstRuns() throws {
        let (result, findings) = try run(ruleFiles: ["a.yml": Self.partRule, "more/b.yml": "# again\n" + Self.partRule], ["a.yml", "more/b.yml"])

        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(CLI.lines(result.stderr).contains("more/b.yml:3:5: error: rule id 'part-within-whole' is already used at a.yml:2:5"), "stderr: \(result.stderr)")
        #expect(findings == ["norvask.md:3:20: error [part-within-whole]"], "stdout: \(result.stdout)")
    }

    @Test func aRuleFileNestedTenThousandDeepIsReportedAndTheOtherRulesRun() throws {
        let deep = "rules:\n  - id: deep\n    kind: sum\n    summary: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"

        let (result, findings) = try run(ruleFiles: ["deep.yml": deep, "good.yml": Self.partRule], ["deep.yml", "good.yml"])

        #expect(result.status == 2, "stderr: \(result.stderr.prefix(500))")
        let message = try #require(CLI.lines(result.stderr).first { $0.hasPrefix("deep.yml:4:") }, "stderr: \(result.stderr.prefix(500))")
        #expect(message.contains("error: mappings and sequences nest more than 64 deep"), "message: \(message.prefix(300))")
        #expect(findings == ["norvask.md:3:20: error [part-within-whole]"], "stdout: \(result.stdout)")
    }
}
