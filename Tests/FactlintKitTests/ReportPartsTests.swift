import FactlintTestSupport
import Testing
@testable import FactlintKit

/// Reports larger than `Limits.reportPartBytes` are read part by part; the cuts must fall where
/// the Markdown reads the same either way, and linting in parts must find what linting whole finds.
@Suite("Reports read in parts")
struct ReportPartsTests {
    func parts(_ text: String, size: Int) -> [ClosedRange<Int>] {
        ReportParts.split(SourceFile(path: "r.md", text: text), partBytes: size)
    }

    /// The first line of each part after the first.
    func cuts(_ text: String, size: Int) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let found = parts(text, size: size)
        #expect(found.first?.lowerBound == 1)
        #expect(found.last?.upperBound == lines.count)
        for (part, next) in zip(found, found.dropFirst()) { #expect(part.upperBound + 1 == next.lowerBound, "parts leave a gap or overlap") }
        return found.dropFirst().map { lines[$0.lowerBound - 1] }
    }

    static let paragraph = "Courts convicted 19 traffickers in 2007, and 12 of them went to prison for at least five years."

    @Test func aReportWithinThePartSizeIsOnePart() {
        #expect(parts("# One\n\n\(Self.paragraph)\n\n# Two\n\n\(Self.paragraph)\n", size: 10_000) == [1...8])
    }

    @Test func partsEndBeforeHeadings() {
        let text = (1...4).map { "# Section \($0)\n\n\(Self.paragraph)\n\n\(Self.paragraph)\n" }.joined(separator: "\n")
        #expect(cuts(text, size: 150) == ["# Section 2", "# Section 3", "# Section 4"])
    }

    @Test func aHeadingInsideFencedCodeOrACommentIsNoPlaceToCut() {
        let text = """
        # One

        \(Self.paragraph)

        ```
        # not a heading

        # nor this
        ```

        <!--

        # commented out

        -->

        # Two

        \(Self.paragraph)
        """
        #expect(cuts(text, size: 60) == ["# Two"])
    }

    @Test func listsQuotesTablesAndIndentedLinesAreNotCut() {
        let text = """
        \(Self.paragraph)

        - first item

        - second item

          still the second item

        > a quote

        > more of it

        | a | b |
        | - | - |

            indented

        1. numbered

        2019 was the year the law changed.
        """
        // Only the paragraph at the margin (which may start with a year) is a place to cut.
        #expect(cuts(text, size: 40) == ["2019 was the year the law changed."])
    }

    @Test func frontMatterStaysWholeInTheFirstPart() {
        let yaml = (1...20).map { "# a YAML comment\n\nnote\($0): \(Self.paragraph)" }.joined(separator: "\n")
        let text = "---\n\(yaml)\n---\n\n# Report\n\n\(Self.paragraph)\n"
        #expect(cuts(text, size: 100) == ["# Report"])
    }

    @Test func aReportWithNowhereToCutStaysWhole() {
        let text = String(repeating: "\(Self.paragraph) ", count: 50)
        #expect(parts(text, size: 100) == [1...1])
    }

    /// The suppression tests' rules and broken sentence, in a report of four sections with a
    /// suppression that spans two of them.
    static let broken = SuppressionTests.broken

    static let report = """
    ---
    country: Norvask
    ---

    # One

    \(broken)

    # Two

    <!-- factlint-disable breakdown -->

    \(broken)

    # Three

    \(broken)

    <!-- factlint-enable breakdown -->

    # Four

    \(broken)
    """

    func lint(partSize: Int) -> (findings: [String], figures: Int) {
        var linter = Linter(rules: RuleLoader.load(yaml: SuppressionTests.rules, path: "rules.yml").0)
        linter.limits.reportPartBytes = partSize
        let (report, diagnostics) = linter.lint(bytes: Array(Self.report.utf8), path: "report.md")
        #expect(diagnostics.isEmpty)
        let findings = report?.findings.map { "\($0.primary.span.start.line):\($0.primary.span.start.column) \($0.ruleID) \($0.message)" } ?? []
        return (findings, report?.figuresRead ?? 0)
    }

    @Test func lintingInPartsFindsWhatLintingWholeFinds() {
        #expect(parts(Self.report, size: 64).count == 4)
        let whole = lint(partSize: 1 << 20)
        // The sections outside the disable/enable pair, at the total "9".
        #expect(whole.findings.map { $0.split(separator: " ")[0] } == ["7:8", "23:8"], "\(whole.findings)")
        let inParts = lint(partSize: 64)
        #expect(inParts.findings == whole.findings)
        #expect(inParts.figures == whole.figures)
    }

    @Test func laterPartsKeepTheFrontMatter() {
        let source = SourceFile(path: "report.md", text: Self.report)
        let first = Document(source: source, lines: 1...8)
        let later = Document(source: source, lines: 19...23, metadata: first.metadata)
        #expect(first.metadata == ["country": "Norvask"])
        #expect(later.metadata == ["country": "Norvask"])
        // A later part that starts with "---" reads it as a break, not as front matter.
        #expect(Document(source: source, lines: 3...8).blocks.first?.kind != .frontMatter)
    }
}
