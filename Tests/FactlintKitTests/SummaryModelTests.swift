import Testing
import FactlintFigures
import FactlintTestSupport
@testable import FactlintKit

/// Reports and rules shared by the summary tests: two sums that do not add up (gaps 15 and 2),
/// an organisation with two heads, a suppression that silences nothing, and hostile text.
enum SummaryFixture {
    static let rules = """
    rules:
      - id: sentences-total
        kind: sum
        scope: paragraph
        total: "convicted {total:count} offenders"
        part: "{n:count} (was|were) sentenced"
        message: "the sentences | add up to {parts}, but *{total}* offenders were `convicted` <b>"
      - id: one-head
        kind: same
        scope: document
        severity: warning
        template:
          - "{person:name} , [the] {role:head|director} of [the] {organisation:name}"
        key: [role, organisation]
        value: person
        message: "{organisation} is headed by {person} here, but by {other} on line {line}"
    """

    static let report = """
    # A <script>alert("x")</script> report

    Courts convicted 9 offenders in 2019. Four were sentenced to prison; three were sentenced to fines.

    <!-- factlint-disable-next-line one-head -->
    Courts convicted 30 offenders in 2020. Ten were sentenced to prison; five were sentenced to fines.

    Anna Berg, the head of Harbour, said "><img src=x onerror=alert(1)> was a joke | really \u{0B}.

    Later, Olga Tamm, the head of Harbour, said nothing & left.

    """

    /// A report with figures and no finding.
    static let clean = "Courts convicted 3 offenders. Two were sentenced to prison; one was sentenced to a fine.\n"

    static func lint(_ text: String, path: String) -> DocumentReport {
        Linting.findings(in: text, rules: rules, path: path).report
    }

    static var loadedRules: [Rule] { RuleLoader.load(yaml: rules, path: "rules.yml").0 }

    /// The two reports, the hostile one under a path that needs escaping everywhere.
    static var reports: [DocumentReport] {
        [lint(report, path: "reports/a|b_[x] \"<q>\".md"), lint(clean, path: "reports/clean.md")]
    }

    static var summary: DiscrepancySummary {
        DiscrepancySummary(reports: reports, rules: loadedRules, diagnostics: [
            Diagnostic(path: "missing <dir>", message: "no such file or folder", help: "pass the path of a report"),
        ])
    }
}

@Suite("Summary model")
struct SummaryModelTests {
    @Test func rowsComeWorstFirstThenByGap() throws {
        let summary = SummaryFixture.summary
        let rows = summary.discrepancies
        // Errors by gap, largest first; then the warnings, which have no gap, in reading order.
        #expect(rows.map(\.finding.ruleID) == ["sentences-total", "sentences-total", "unused-suppression", "one-head"])
        #expect(rows.map(\.gap) == [15, 2, nil, nil])
        #expect(rows.map(\.location.line) == [6, 3, 5, 10])
    }

    @Test func aSumShowsThePartsAddedUp() throws {
        let row = try #require(SummaryFixture.summary.discrepancies.first)
        #expect(row.stated == "30 (total)")
        #expect(row.implied == "15 (10 + 5)")
        #expect(row.gapText == "15")
        #expect(row.computation == ["10 + 5 = 15, but the total is 30 (gap 15)"])
        #expect(row.figureTexts == ["30", "Ten", "five"])
    }

    @Test func aLongSumIsWrittenShortWithItsNumberOfParts() throws {
        #expect(SumText.written(["4", "3", "2"]) == "4 + 3 + 2")
        let terms = (1...24).map(String.init)
        #expect(SumText.written(terms) == terms.joined(separator: " + "), "24 terms are written out")
        let long = (1...40).map(String.init)
        #expect(SumText.written(long) == (1...20).map(String.init).joined(separator: " + ") + " + … + 40 (40 parts)")

        // A bulleted breakdown of 40 parts: the message and the summary's sum are a line long.
        let rules = """
        rules:
          - id: colon
            kind: sum
            opener: ":"
            message: "the groups add up to {parts} ({sum}), but the total is {total}"
        """
        let text = "Shelters assisted 30 people:\n\n" + String(repeating: "- 1 woman\n", count: 40)
        let (findings, _, report) = Linting.findings(in: text, rules: rules)
        let finding = try #require(findings.first)
        #expect(finding.related.count == 40)
        #expect(finding.message == "the groups add up to 40 (" + Array(repeating: "1", count: 20).joined(separator: " + ") + " + … + 1 (40 parts)), but the total is 30")
        let row = Discrepancy(finding: finding, source: report.source, report: 0, index: 0)
        #expect(row.implied == "40 (" + Array(repeating: "1", count: 20).joined(separator: " + ") + " + … + 1 (40 parts))")
        #expect(row.computation.count == 1)
        #expect(Discrepancy.capped((1...40).map(String.init)) == (1...23).map(String.init) + ["… and 17 more"])
    }

    @Test func aFactStatedTwiceShowsBothStatements() throws {
        let row = try #require(SummaryFixture.summary.discrepancies.first { $0.finding.ruleID == "one-head" })
        #expect(row.stated == "Olga Tamm (stated here)")
        #expect(row.implied == "Anna Berg (stated first here, line 8)")
        #expect(row.gap == nil)
        #expect(row.gapText == "–")
    }

    @Test func aSuppressionFindingShowsTheCommentAndTheMessage() throws {
        let row = try #require(SummaryFixture.summary.discrepancies.first { $0.finding.ruleID == "unused-suppression" })
        #expect(row.stated == "<!-- factlint-disable-next-line one-head -->")
        #expect(row.implied == "")
        #expect(row.computation == [row.finding.message])
    }

    @Test func countsPerReportAndInTotal() throws {
        let summary = SummaryFixture.summary
        let hostile = summary.reports[0]
        let reports = SummaryFixture.reports
        #expect(hostile.figuresRead == reports[0].figuresRead)
        #expect(hostile.figuresUsed == reports[0].figuresUsed)
        #expect(hostile.checksRun == reports[0].checksRun)
        // Three findings came from checks; the suppression's did not.
        #expect(hostile.checksPassed == reports[0].checksRun - 3)
        #expect((hostile.errors, hostile.warnings, hostile.infos) == (2, 2, 0))
        let clean = summary.reports[1]
        #expect(clean.findings == 0)
        #expect(clean.checksPassed == clean.checksRun && clean.checksRun == 1)
        let totals = summary.totals
        #expect(totals.figuresRead == reports.reduce(0) { $0 + $1.figuresRead })
        #expect(totals.checksRun == hostile.checksRun + clean.checksRun)
        #expect(totals.errors == 2 && totals.warnings == 2)
        #expect(totals.path == "2 reports")
        #expect(totals.findingsText == "2 errors, 2 warnings")
    }

    @Test func severityOutranksGapAndTiesKeepReadingOrder() throws {
        let source = SourceFile(path: "r.md", text: "one two three four five six seven eight nine ten\n")
        func finding(_ severity: Severity, _ offset: Int, gap: Double?) -> Finding {
            let label = Label(span: source.span(offset..<(offset + 3)), message: "total")
            let evidence = gap.map { Evidence(stated: .exactly(10), computed: .exactly(10 - $0), gap: $0) }
            return Finding(ruleID: "r", severity: severity, message: "m", primary: label, related: [], evidence: evidence)
        }
        let findings = [
            finding(.info, 0, gap: 100), finding(.warning, 4, gap: 1), finding(.error, 8, gap: nil),
            finding(.error, 14, gap: 2), finding(.warning, 19, gap: nil), finding(.warning, 24, gap: 5), finding(.error, 28, gap: 2),
        ]
        let report = DocumentReport(source: source, findings: findings, figuresRead: 0, figuresUsed: 0, checksRun: 0)
        let rows = DiscrepancySummary(reports: [report], rules: []).discrepancies
        #expect(rows.map(\.finding.primary.span.bytes.lowerBound) == [14, 28, 8, 24, 4, 19, 0])
    }

    @Test func anEmptyRunHasNoCoverage() {
        let summary = DiscrepancySummary(reports: [], rules: [])
        #expect(summary.totals.coverage == nil)
        #expect(summary.totals.coverageText == "–")
        #expect(summary.totals.findingsText == "none")
    }
}

@Suite("Summary sums")
struct SummarySumTests {
    @Test(arguments: [("six", "6"), ("twenty-three", "23"), ("1,200", "1200"), ("about 40", "about 40"), ("over 100", "over 100"), ("Harbour", "Harbour")])
    func partsAreWrittenAsNumeralsWhenExact(text: String, numeral: String) {
        #expect(Discrepancy.numeral(text) == numeral)
    }
}

@Suite("Summary dates")
struct SummaryDateTests {
    static let rules = """
    rules:
      - id: adopted-first
        kind: compare
        template: "adopted ... {first:date} [,] [and] ... took effect [on|in] {second:date}"
        left: first
        op: "<="
        right: second
    """

    @Test func aDateFindingShowsBothDatesAndTheDaysBetween() throws {
        let report = Linting.findings(in: "The law was adopted on 14 May 2019 and took effect on 2 May 2019.\n", rules: Self.rules).report
        let row = try #require(DiscrepancySummary(reports: [report], rules: []).discrepancies.first)
        #expect(row.isDate)
        // The gap is the evidence's, as lint reports it: from the end of 2 May to the start of 14 May.
        #expect(row.gap == row.finding.evidence?.gap)
        #expect(row.gap == 12)
        #expect(row.gapText == "12 days")
        #expect(row.stated == "14 May 2019 (first)")
        #expect(row.implied == "2 May 2019 (second, same line)")
        #expect(row.computation == ["first: 14 May 2019 (2019-05-14)", "second: 2 May 2019 (2019-05-02, same line)", "12 days apart"])
    }
}
