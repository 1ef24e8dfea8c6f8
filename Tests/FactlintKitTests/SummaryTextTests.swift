import Testing
import FactlintTestSupport
@testable import FactlintKit

@Suite("Summary as a text table")
struct SummaryTextTests {
    @Test(arguments: [80, 200])
    func everyLineFitsTheWidth(width: Int) {
        let output = SummaryTextReporter(width: width).render(SummaryFixture.summary)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 10)
        for line in lines {
            #expect(line.unicodeScalars.count <= width, "\(line.unicodeScalars.count) columns: \(line)")
        }
    }

    @Test func wideEnoughEachRowIsOneLineWithItsCellsWhole() throws {
        let summary = SummaryFixture.summary
        let output = SummaryTextReporter(width: 200).render(summary)
        let lines = output.split(separator: "\n").map(String.init)
        for row in summary.discrepancies {
            let line = try #require(lines.first { $0.contains("\(row.path.sanitizedForTerminal()):\(row.location.line) ") && $0.contains(row.stated.sanitizedForTerminal()) })
            #expect(line.hasPrefix(row.severity.rawValue))
            #expect(line.contains(row.finding.ruleID))
            if !row.implied.isEmpty { #expect(line.contains(row.implied)) }
            #expect(line.hasSuffix(row.gapText))
        }
        #expect(lines.contains { $0.hasPrefix("Total: 2 reports, 2 errors, 2 warnings;") })
    }

    @Test func atEightyColumnsNoWordIsBrokenWhenItFits() {
        // Short words and paths: the table must wrap between words only.
        let table = TextTable(
            columns: [.init("Severity"), .init("Where"), .init("What the text states"), .init("What the other figures imply"), .init("Gap", alignment: .right)],
            rows: [
                ["error", "a.md:12", "nineteen offenders were convicted in the year under review", "sixteen sentences are listed one by one in the paragraph", "3"],
                ["warning", "b.md:7", "the shelter opened in May", "the report was published in April of the same year", "26 days"],
            ]
        )
        let words = Set((table.rows.flatMap { $0 } + table.columns.map(\.header)).flatMap { $0.split(separator: " ").map(String.init) })
        let lines = table.render(width: 80)
        #expect(lines.count > 4, "the rows had to wrap")
        for line in lines where !line.hasPrefix("---") {
            #expect(line.count <= 80)
            for token in line.split(separator: " ") {
                #expect(words.contains(String(token)), "'\(token)' is a piece of a word")
            }
        }
    }

    @Test(arguments: [
        ("one two three", 7, ["one two", "three"]),
        ("one two three", 20, ["one two three"]),
        ("", 5, [""]),
        ("Reports/draft-veridia-2018-prosecution.md:12", 24, ["Reports/draft-veridia-", "2018-prosecution.md:12"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("see Reports/draft-calderra-2020-country-report.md:22", 30, ["see Reports/draft-calderra-", "2020-country-report.md:22"]),
    ])
    func wrapping(text: String, width: Int, expected: [String]) {
        #expect(TextTable.wrap(text, width: width) == expected)
    }

    @Test func aTableKeepsWordsWholeOnlyWhenEveryWordFitsItsColumn() {
        let table = TextTable(
            columns: [.init("Where"), .init("Rule")],
            rows: [["Reports/draft-veridia-2018-prosecution.md:10", "sentences-add-up-to-convictions"]]
        )
        #expect(table.keepsWordsWhole(width: 120))
        #expect(!table.keepsWordsWhole(width: 60), "the path and the rule id cannot both stay whole in 60 columns")
    }

    @Test func tooNarrowForWholeWordsTheDiscrepanciesAreAListWithALinePerField() {
        let output = SummaryTextReporter(width: 40).render(SummaryFixture.summary)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(!lines.contains { $0.hasPrefix("Severity") })
        for row in SummaryFixture.summary.discrepancies {
            #expect(lines.contains("    Rule: \(row.finding.ruleID)") || lines.contains { $0.hasPrefix("    Rule: ") && row.finding.ruleID.hasPrefix($0.dropFirst(10)) })
        }
        for line in lines { #expect(TextWidth.of(line) <= 40, "\(line)") }
    }

    @Test func wideCharactersCountTwice() {
        #expect(TextWidth.of("報告書") == 6)
        #expect(TextWidth.of("Qазақстан") == 9)
        #expect(TextWidth.of("e\u{301}") == 1)
        for line in TextTable.wrap("報告書 報告書 報告書", width: 7) {
            #expect(TextWidth.of(line) <= 7)
        }
    }

    @Test func aVeryNarrowTableStillFits() {
        let table = TextTable(columns: (1...6).map { .init("Column \($0)") }, rows: [(1...6).map { "cell-\($0)-with-long-words" }])
        for line in table.render(width: 30) {
            #expect(line.count <= 30, "\(line)")
        }
    }

    @Test func reportTextCannotDriveTheTerminal() throws {
        let source = SourceFile(path: "r\u{1B}[31m.md", text: "x")
        let finding = Finding(ruleID: "r", severity: .error, message: "m", primary: Label(span: source.span(0..<1), message: "total"), related: [])
        let report = DocumentReport(source: source, findings: [finding], figuresRead: 1, figuresUsed: 1, checksRun: 1)
        let output = SummaryTextReporter(width: 80).render(reports: [report], rules: [], diagnostics: [])
        #expect(!output.contains("\u{1B}"))
    }
}
