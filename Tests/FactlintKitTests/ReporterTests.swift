import Testing
import FactlintTestSupport
@testable import FactlintKit

@Suite("Reporters")
struct ReporterTests {
    static let rules = """
    rules:
      - id: sentences-total
        kind: sum
        scope: paragraph
        total: "convicted {total:count} offenders"
        part: "{n:count} (was|were) sentenced"
        message: "the sentences add up to {parts}, but {total} offenders were convicted"
    """

    /// The rendered line that shows source line `line`, and the marks under it.
    static func excerpt(_ output: String, line: Int) -> (shown: [Unicode.Scalar], marks: [Unicode.Scalar])? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("\(line) | ") }), index + 1 < lines.count else { return nil }
        let gutter = "\(line) | ".unicodeScalars.count
        return (Array(lines[index].unicodeScalars.dropFirst(gutter)), Array(lines[index + 1].unicodeScalars.dropFirst(gutter)))
    }

    /// Where a run of `glyph` starts under the excerpt, for every run.
    static func runs(of glyph: Unicode.Scalar, in marks: [Unicode.Scalar]) -> [Int] {
        marks.indices.filter { marks[$0] == glyph && ($0 == 0 || marks[$0 - 1] != glyph) }
    }

    static func index(of needle: String, in shown: [Unicode.Scalar]) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard shown.count >= pattern.count else { return nil }
        return (0...(shown.count - pattern.count)).first { Array(shown[$0..<($0 + pattern.count)]) == pattern }
    }

    @Test func textOutputForOneFinding() throws {
        let linted = Linted("""
        Courts convicted 3 offenders in 2019.
        One was sentenced to five years; one was sentenced to three years.
        """, rules: Self.rules)
        let finding = try #require(linted.findings.first)
        let output = TextReporter(useColor: false).render(finding, source: linted.report.source)
        #expect(output == """
        error: the sentences add up to 2, but 3 offenders were convicted [sentences-total]
         --> report.md:1:18
          |
        1 | Courts convicted 3 offenders in 2019.
          |                  ^ total
          = note: part at report.md:2:1
          |
        2 | One was sentenced to five years; one was sentenced to three years.
          | ---                              --- part
          = evidence: stated 3, computed 2, gap 1

        """)
        #expect(!output.contains("\u{1B}["), "no colour when it is off")
    }

    @Test func caretsLineUpAfterMultiByteCharacters() throws {
        let linted = Linted("""
        In Almaty — the “hub” — courts convicted 3 offenders: one was sentenced, one was sentenced.
        """, rules: Self.rules)
        let finding = try #require(linted.findings.first)
        #expect(finding.primary.span.start == Location(line: 1, column: 42))
        let output = TextReporter(useColor: false).render(finding, source: linted.report.source)
        let (shown, marks) = try #require(Self.excerpt(output, line: 1))
        #expect(shown.first != "…", "the whole line is shown")
        let total = try #require(Self.index(of: "3 offenders", in: shown))
        let firstPart = try #require(Self.index(of: "one was sentenced,", in: shown))
        let secondPart = try #require(Self.index(of: "one was sentenced.", in: shown))
        #expect(Self.runs(of: "^", in: marks) == [total])
        #expect(Self.runs(of: "-", in: marks) == [firstPart, secondPart])
    }

    @Test func caretsLineUpAfterATab() throws {
        let linted = Linted("Courts\tconvicted 3 offenders: one was sentenced, one was sentenced.", rules: Self.rules)
        let finding = try #require(linted.findings.first)
        #expect(finding.primary.span.start == Location(line: 1, column: 18))
        let output = TextReporter(useColor: false).render(finding, source: linted.report.source)
        let (shown, marks) = try #require(Self.excerpt(output, line: 1))
        #expect(!shown.contains("\t"))
        let total = try #require(Self.index(of: "3 offenders", in: shown))
        #expect(Self.runs(of: "^", in: marks) == [total])
    }

    @Test func caretsLineUpInACutLongLine() throws {
        let padding = String(repeating: "Die Polizei ermittelte weiter — über „Netzwerke“ hinaus. ", count: 4)
        let linted = Linted(padding + "Courts convicted 3 offenders; one was sentenced to five years and one was sentenced to three.", rules: Self.rules)
        let finding = try #require(linted.findings.first)
        let output = TextReporter(useColor: false, maximumWidth: 100).render(finding, source: linted.report.source)
        let (shown, marks) = try #require(Self.excerpt(output, line: 1))
        #expect(shown.first == "…", "a long line is cut")
        let total = try #require(Self.index(of: "3 offenders", in: shown))
        #expect(Self.runs(of: "^", in: marks) == [total])
    }

    @Test func lineOutput() throws {
        let linted = Linted("Intro.\n\nCourts convicted 3 offenders. One was sentenced to five years and one was sentenced to three.", rules: Self.rules)
        let finding = try #require(linted.findings.first)
        #expect(LineReporter().render(finding) == "report.md:3:18: error: the sentences add up to 2, but 3 offenders were convicted [sentences-total]")
    }
}
