import FactlintTestSupport
import Foundation
import Testing
@testable import FactlintKit

/// A baseline records today's findings by rule, sentence and figures, not by line.
@Suite("Baseline")
struct BaselineTests {
    static let rules = """
    rules:
      - id: breakdown
        kind: sum
        total: "of the {total:count}"
        part: "{n:count} were sentenced"
    """

    static let report = """
    # Prosecution

    Of the 9 convicted, four were sentenced to prison and three were sentenced to fines.

    Of the 6 convicted, four were sentenced to prison and two were sentenced to fines.
    """

    func lint(_ text: String) -> DocumentReport {
        let (rules, _) = RuleLoader.load(yaml: Self.rules, path: "rules.yml")
        return Linter(rules: rules).lint(Document(source: SourceFile(path: "report.md", text: text)))
    }

    @Test func aBaselineStillMatchesAfterTenLinesAreInsertedAbove() throws {
        let before = lint(Self.report)
        #expect(before.findings.count == 1)
        let baseline = Baseline(reports: [before])
        let moved = String(repeating: "A new introduction line.\n", count: 10) + "\n" + Self.report
        let after = lint(moved)
        #expect(after.findings.first?.primary.span.start.line == 14)
        var remaining = baseline.counts
        #expect(baseline.newFindings(in: after, using: &remaining).isEmpty)
    }

    @Test func aNewFindingIsReportedAndAChangedFigureIsNew() {
        let baseline = Baseline(reports: [lint(Self.report)])
        let changed = Self.report
            .replacingOccurrences(of: "Of the 6 convicted", with: "Of the 7 convicted")
            .replacingOccurrences(of: "Of the 9 convicted", with: "Of the 10 convicted")
        var remaining = baseline.counts
        let new = baseline.newFindings(in: lint(changed), using: &remaining)
        #expect(new.map(\.primary.span.start.line) == [3, 5])
    }

    @Test func theFileRoundTripsAndIsStable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("baseline.json").path
        let baseline = Baseline(reports: [lint(Self.report)])
        try baseline.write(to: path)
        let first = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try Baseline.load(path: path).entries == baseline.entries)
        try Baseline.load(path: path).write(to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
        #expect(first.contains("\"sentence\" : \"Of the 9 convicted, four were sentenced to prison and three were sentenced to fines.\""))
    }

    @Test func aBrokenBaselineIsADiagnostic() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("baseline.json", "{\"version\": 9, \"findings\": []}")
        #expect(throws: Diagnostic.self) { try Baseline.load(path: path) }
    }
}
