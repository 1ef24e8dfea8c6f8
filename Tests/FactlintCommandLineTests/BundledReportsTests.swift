import FactlintTestSupport
import Foundation
import Testing

/// Bare `factlint` in the package root lints Reports/ with Rules/: the planted discrepancies, and nothing else.
@Suite struct BundledReportsTests {
    /// Where each planted discrepancy must land; the messages may be reworded.
    static let expected = [
        LineFinding(path: "Reports/draft-calderra-2020-country-report.md", line: 22, column: 5, severity: "error", rule: "restated-yearly-figure"),
        LineFinding(path: "Reports/draft-calderra-2020-country-report.md", line: 22, column: 70, severity: "warning", rule: "same-head-of-organisation"),
        LineFinding(path: "Reports/draft-norvask-2019-protection.md", line: 17, column: 34, severity: "error", rule: "part-within-whole"),
        LineFinding(path: "Reports/draft-veridia-2018-prosecution.md", line: 10, column: 238, severity: "error", rule: "adopted-before-in-force"),
        LineFinding(path: "Reports/draft-veridia-2018-prosecution.md", line: 12, column: 257, severity: "error", rule: "sentences-add-up-to-convictions"),
        LineFinding(path: "Reports/kazakhstan-missing-persons-news.md", line: 48, column: 3, severity: "warning", rule: "same-head-of-organisation"),
        LineFinding(path: "Reports/kazakhstan-trafficking-2008-country-profile.md", line: 33, column: 522, severity: "warning", rule: "claim-after-cited-source"),
    ]

    @Test func bareFactlintLintsTheSampleReportsAndFails() throws {
        let result = try CLI.run([])

        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stderr == "", "no rule or path errors in the bundled files: \(result.stderr)")
        let headers = CLI.lines(result.stdout).filter { $0.hasPrefix("error: ") || $0.hasPrefix("warning: ") }
        #expect(headers.count == Self.expected.count, "findings:\n\(headers.joined(separator: "\n"))")
        let summary = try #require(CLI.lines(result.stdout).last)
        #expect(summary.hasPrefix("8 reports, \(try CLI.bundledRuleCount()) rules: 4 errors, 3 warnings; "), "summary: \(summary)")
    }

    @Test func lineFormatListsExactlyThePlantedDiscrepancies() throws {
        let result = try CLI.run(["--format", "line"])

        #expect(result.status == 1)
        let lines = CLI.lines(result.stdout)
        let findings = lines.compactMap(LineFinding.init(parsing:))
        #expect(findings.count == lines.count, "every stdout line is a finding:\n\(result.stdout)")
        #expect(findings.map(\.position) == Self.expected.map(\.position), "stdout:\n\(result.stdout)")
        #expect(findings.allSatisfy { !$0.message.isEmpty })
        #expect(CLI.lines(result.stderr).count == 1 && result.stderr.contains(": 4 errors, 3 warnings; "), "summary on stderr: \(result.stderr)")
    }

    @Test func explicitLintSubcommandAndPathsGiveTheSameFindings() throws {
        let bare = try CLI.run(["--format", "line"])
        let explicit = try CLI.run(["lint", "--format", "line", "--rules", "Rules", "Reports"])

        #expect(explicit.status == bare.status)
        #expect(explicit.stdout == bare.stdout)
    }
}
