import FactlintTestSupport
import Foundation
import Testing

/// `factlint lint` on a report whose figures agree.
@Suite struct CleanReportTests {
    @Test func cleanReportPrintsOnlyTheSummaryAndExitsZero() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia-2022.md", SampleReport.clean)

        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "orlesia-2022.md"], in: directory.url)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr == "")
        let lines = CLI.lines(result.stdout)
        #expect(lines.count == 1, "a clean report prints the summary and nothing else, got:\n\(result.stdout)")
        #expect(!result.stdout.contains("error:") && !result.stdout.contains("warning:") && !result.stdout.contains("-->"))

        let rules = try CLI.bundledRuleCount()
        let summary = try #require(lines.last)
        let pattern = /^1 report, (\d+) rules: 0 errors, 0 warnings; (\d+) figures read, (\d+) used by a rule \((\d+)%\)$/
        let match = try #require(summary.wholeMatch(of: pattern), "summary line: \(summary)")
        #expect(Int(match.1) == rules, "the summary counts every bundled rule")
        let read = try #require(Int(match.2))
        let used = try #require(Int(match.3))
        #expect(used > 0, "the breakdowns in the report are checked by rules, so some figures are used")
        #expect(used <= read)
        #expect(Int(match.4) == used * 100 / read)
    }

    @Test func summaryCountsTheFiguresThatFactsLists() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia-2022.md", SampleReport.clean)

        let lint = try CLI.run(["lint", "--rules", CLI.bundledRules, "orlesia-2022.md"], in: directory.url)
        let facts = try CLI.run(["facts", "--format", "json", "orlesia-2022.md"], in: directory.url)

        #expect(facts.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(facts.stdout.utf8)) as? [String: Any])
        let figures = try #require(json["figures"] as? [[String: Any]])
        #expect(figures.count > 0)
        #expect(lint.stdout.contains("; \(figures.count) figures read, "), "lint summary: \(lint.stdout)")
    }
}
