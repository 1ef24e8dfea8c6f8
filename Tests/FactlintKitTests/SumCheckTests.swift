import Testing
import FactlintTestSupport
@testable import FactlintKit

@Suite("Checks: sum")
struct SumCheckTests {
    static let rules = """
    rules:
      - id: victim-groups-add-up
        kind: sum
        scope: paragraph
        severity: error
        total: "identified {total:count} [trafficking] victims"
        part: "{n:count} [were|was] (women|men|girls|boys|children)"
        message: "the groups add up to {parts} ({sum}), but {total} victims were identified"
    """

    static let incompleteRules = """
    rules:
      - id: outcomes-within-prosecuted
        kind: sum
        scope: paragraph
        severity: warning
        complete: false
        total: "prosecuted {total:count} ...3 (officials|officers|defendants)"
        part: "{n:count} (official|officials|officer|officers|defendant|defendants) (was|were|fled) [sentenced|acquitted]"
    """

    @Test func partsThatMissTheTotalAreAFinding() throws {
        let linted = Linted("In 2019 the police identified 1️⃣41 trafficking victims: 2️⃣20 women, 3️⃣12 men and 4️⃣4 children.", rules: Self.rules)
        #expect(linted.diagnostics.isEmpty)
        #expect(linted.findings.count == 1)
        let finding = try #require(linted.findings.first)
        #expect(finding.ruleID == "victim-groups-add-up")
        #expect(finding.severity == .error)
        #expect(finding.message == "the groups add up to 36 (20 + 12 + 4), but 41 victims were identified")
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(linted.text(finding.primary) == "41")
        #expect(finding.primary.span.start == Location(line: 1, column: 31))
        #expect(finding.related.count == 3)
        #expect(zip(finding.related, ["2️⃣", "3️⃣", "4️⃣"]).allSatisfy { linted.label($0, isAt: $1) })
        #expect(finding.related.map { linted.text($0) } == ["20", "12", "4"])
        #expect(finding.evidence == Evidence(stated: .exactly(41), computed: .exactly(36), gap: 5))
        #expect(linted.report.checksRun == 1)
    }

    @Test func aTotalAndItsPartsAreBothNeededForAReportToBeSearchedWhole() throws {
        let check = try #require(RuleLoader.load(yaml: Self.rules, path: "rules.yml").0.first?.check as? SumCheck)
        #expect(check.requiredMatches == [0..<1, 1..<2])
        // Parts and no total, or a total and no parts: nothing to add up.
        #expect(Linted("In 2019 there were 20 women and 12 men among the victims.", rules: Self.rules).findings.isEmpty)
        #expect(Linted("In 2019 the police identified 41 trafficking victims.", rules: Self.rules).findings.isEmpty)
    }

    @Test func aBreakdownOverSeveralLinesAndSentencesOfAParagraph() throws {
        let linted = Linted("""
        # Protection

        Police identified 1️⃣58 victims
        in 2019. Of them, 2️⃣34 were women
        and 3️⃣19 were girls.
        """, rules: Self.rules)
        let finding = try #require(linted.findings.first)
        #expect(linted.findings.count == 1)
        #expect(finding.primary.span.start == Location(line: 3, column: 19))
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(linted.label(finding.related[0], isAt: "2️⃣") && linted.label(finding.related[1], isAt: "3️⃣"))
        #expect(finding.related.map(\.span.start) == [Location(line: 4, column: 19), Location(line: 5, column: 5)])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var finding: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "parts meet the total", text: "Police identified 41 victims: 20 women, 12 men and 9 children.", finding: false),
        Case(name: "parts below the total", text: "Police identified 41 victims: 20 women, 12 men and 4 children.", finding: true),
        Case(name: "parts above the total", text: "Police identified 41 victims: 20 women, 22 men and 4 children.", finding: true),
        Case(name: "words and digits", text: "Police identified twenty-three victims: 20 women and three men.", finding: false),
        Case(name: "'including' leaves the list open", text: "Police identified 41 victims, including 20 women and 12 men.", finding: false),
        Case(name: "'remaining' leaves the list open", text: "Police identified 41 victims: 20 were women, 12 were men, and the remaining victims were children.", finding: false),
        Case(name: "'other' leaves the list open", text: "Police identified 41 victims: 20 were women, 12 were men and the other victims were children.", finding: false),
        Case(name: "an open list still cannot exceed", text: "Police identified 30 victims, including 20 women and 12 men.", finding: true),
        Case(name: "about 20 allows 21", text: "Police identified about 20 victims: 9 women and 12 men.", finding: false),
        Case(name: "nearly 20 does not allow 21", text: "Police identified nearly 20 victims: 9 women and 12 men.", finding: true),
        Case(name: "over 20 allows 21", text: "Police identified over 20 victims: 9 women and 12 men.", finding: false),
        Case(name: "over 25 does not allow 21", text: "Police identified over 25 victims: 9 women and 12 men.", finding: true),
        Case(name: "at least 21 allows 21", text: "Police identified at least 21 victims: 9 women and 12 men.", finding: false),
        Case(name: "a range among the parts", text: "Police identified 21 victims: between 8 and 10 women and 12 men.", finding: false),
        Case(name: "another paragraph is out of scope", text: "Police identified 41 victims in 2019.\n\nIn 2020, 20 women and 12 men were assisted.", finding: false),
    ]

    @Test(arguments: cases)
    func findsOnlyWhatIsCertain(_ c: Case) {
        let linted = Linted(c.text, rules: Self.rules)
        #expect(linted.findings.isEmpty == !c.finding, "\(linted.findings.map(\.message))")
    }

    @Test func eachTotalTakesThePartsUpToTheNextTotal() throws {
        let linted = Linted("In 2019 police identified 41 victims: 20 women and 21 men. In 2020 police identified 1️⃣30 victims: 2️⃣10 women and 3️⃣15 men.", rules: Self.rules)
        #expect(linted.findings.count == 1)
        let finding = try #require(linted.findings.first)
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.related.count == 2)
        #expect(linted.label(finding.related[0], isAt: "2️⃣") && linted.label(finding.related[1], isAt: "3️⃣"))
        #expect(linted.report.checksRun == 2)
    }

    @Test func aSectionScopedTotalMeetsItsBreakdownInTheNextParagraph() throws {
        let rules = Self.rules.replacingOccurrences(of: "scope: paragraph", with: "scope: section")
            .replacingOccurrences(of: "message: \"the groups add up to {parts} ({sum}), but {total} victims were identified\"", with: "message: \"{gap} victims are missing from the groups\"")
        let linted = Linted("""
        ## Protection

        Police identified 1️⃣41 victims in 2019.

        Of them, 20 were women and 12 were men.

        ## Prevention

        In 2020, 7 were women and 2 were men among hotline callers.
        """, rules: rules)
        #expect(linted.diagnostics.isEmpty, "\(linted.diagnostics.map { $0.rendered() })")
        let finding = try #require(linted.findings.first)
        #expect(linted.findings.count == 1)
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.message == "9 victims are missing from the groups")
        #expect(finding.related.map(\.span.start.line) == [5, 5], "parts in the next section are not counted")
    }

    @Test func aSentenceScopedTotalIgnoresTheNextSentence() {
        let rules = Self.rules.replacingOccurrences(of: "scope: paragraph", with: "scope: sentence")
        let linted = Linted("Police identified 41 victims in 2019. Of them, 20 were women and 12 were men.", rules: rules)
        #expect(linted.findings.isEmpty)
        #expect(linted.report.checksRun == 0)
    }

    @Test func figuresThatAreNotProseAreNeverChecked() {
        let rules = Self.rules.replacingOccurrences(of: "scope: paragraph", with: "scope: document")
        let linted = Linted("""
        ---
        title: Police identified 41 victims: 20 women and 12 men
        ---

        Police identified 41 victims.

        ```
        20 women and 12 men
        ```

        <!-- 20 women and 12 men -->

            20 women and 12 men
        """, rules: rules)
        #expect(linted.findings.isEmpty, "\(linted.findings.map(\.message))")
        #expect(linted.report.checksRun == 0)
    }

    @Test func plainTextReportsAreCheckedToo() throws {
        let linted = Linted("Annual report\n\nIn 2019 the police identified 1️⃣41\nvictims: 20 women, 12 men and 4 children.\n", rules: Self.rules, path: "report.txt")
        let finding = try #require(linted.findings.first)
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.primary.span.start == Location(line: 3, column: 31))
        #expect(finding.primary.span.path == "report.txt")
    }

    @Test func aBreakdownThatAddsUpWasChecked() {
        let linted = Linted("Police identified 41 victims: 20 women, 12 men and 9 children.", rules: Self.rules)
        #expect(linted.findings.isEmpty)
        #expect(linted.report.checksRun == 1)
        #expect(linted.report.figuresUsed == 4)
    }

    @Test func anIncompleteBreakdownIsAFindingOnlyWhenThePartsExceedTheTotal() throws {
        let below = Linted("The government prosecuted three police officers. One officer was sentenced to six years, and one officer fled.", rules: Self.incompleteRules)
        #expect(below.findings.isEmpty)
        #expect(below.report.checksRun == 1)

        let equal = Linted("The government prosecuted three police officers. One officer was sentenced to six years, and two officers fled.", rules: Self.incompleteRules)
        #expect(equal.findings.isEmpty)

        let above = Linted("The government prosecuted 1️⃣two police officers. 2️⃣One officer was sentenced to six years, and 3️⃣two officers fled.", rules: Self.incompleteRules)
        let finding = try #require(above.findings.first)
        #expect(above.findings.count == 1)
        #expect(finding.severity == .warning)
        #expect(above.label(finding.primary, isAt: "1️⃣"))
        #expect(above.label(finding.related[0], isAt: "2️⃣") && above.label(finding.related[1], isAt: "3️⃣"))
        #expect(finding.message.contains("3") && finding.message.contains("two"), "\(finding.message)")
        #expect(finding.evidence?.gap == 1)
    }
}
