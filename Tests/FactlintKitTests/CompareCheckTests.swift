import Testing
import FactlintTestSupport
@testable import FactlintKit

@Suite("Checks: compare")
struct CompareCheckTests {
    static let rules = """
    rules:
      - id: convictions-within-prosecutions
        kind: compare
        severity: warning
        template: "prosecuted {whole:count} ...3 and convicted {part:count}"
        left: part
        op: "<="
        right: whole
        message: "{part} convicted is more than the {whole} prosecuted ({left} {op} {right} fails)"
      - id: shelter-opened-before-closed
        kind: compare
        template: "opened (in|on) {opened:date} and closed (in|on) {closed:date}"
        left: opened
        op: "<"
        right: closed
        message: "the shelter closed on {closed}, before it opened on {opened}"
      - id: police-and-ministry-agree
        kind: compare
        severity: info
        template: "police counted {police:count} victims and the ministry counted {ministry:count}"
        left: police
        op: "=="
        right: ministry
    """

    static let arithmeticRules = """
    rules:
      - id: stated-increase
        kind: compare
        template: "from {before:count} ... to {after:count} ... , an increase of {change:count}"
        left: change
        op: "=="
        right: after - before
        message: "an increase of {change} is stated, but {before} to {after} is {right}"
    """

    @Test func aSideMayBeArithmeticOverTheSlots() throws {
        let linted = Linted("Convictions rose from 2️⃣36 in 2021 to 3️⃣47 in 2022, an increase of 1️⃣12.", rules: Self.arithmeticRules)
        #expect(linted.diagnostics.isEmpty, "\(linted.diagnostics.map { $0.rendered() })")
        let finding = try #require(linted.findings.first)
        #expect(linted.findings.count == 1)
        #expect(finding.message == "an increase of 12 is stated, but 36 to 47 is 11")
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.primary.message == "change")
        #expect(finding.related.map(\.message) == ["after", "before"])
        #expect(linted.label(finding.related[0], isAt: "3️⃣"))
        #expect(linted.label(finding.related[1], isAt: "2️⃣"))
        #expect(finding.evidence?.stated == .exactly(12))
        #expect(finding.evidence?.computed == .exactly(11))
    }

    @Test(arguments: [
        ("Convictions rose from 36 in 2021 to 47 in 2022, an increase of 11.", false),
        ("Convictions rose from 36 in 2021 to 47 in 2022, an increase of 10.", true),
        // Arithmetic keeps each figure's precision: "about 36" may be 37.
        ("Convictions rose from about 36 in 2021 to 47 in 2022, an increase of 10.", false),
        ("Convictions rose from about 36 in 2021 to 47 in 2022, an increase of 30.", true),
        // Dates are not counted with.
        ("The office moved from May 2019 to June 2020, an increase of 10.", false),
    ])
    func arithmeticSidesAreDecidedOnIntervals(_ text: String, _ finding: Bool) {
        let linted = Linted(text, rules: Self.arithmeticRules)
        #expect(linted.diagnostics.isEmpty)
        #expect(linted.findings.isEmpty != finding, "\(linted.findings.map(\.message))")
    }

    @Test(arguments: [
        ("The unit identified 110 victims, an increase from 92 in 2015.", false),
        ("The unit identified 80 victims, an increase from 92 in 2015.", true),
        // The figure before the comma is a group of a list, not the figure that increased.
        ("The unit identified 110 victims, including 60 women, an increase from 92 in 2015.", false),
        ("The unit identified 110 victims (60 women), an increase from 92 in 2015.", false),
        ("The unit identified 110 victims, of whom 60 were women, an increase from 92 in 2015.", false),
        ("The unit identified 110 victims: 50 men and 60 women, an increase from 92 in 2015.", false),
    ])
    func aFigureThatIsOneGroupOfAListIsNoSide(_ text: String, _ finding: Bool) {
        let rules = """
        rules:
          - id: increase-goes-up
            kind: compare
            template: "{after:count} ... , an increase from {before:count}"
            left: before
            op: "<"
            right: after
        """
        let linted = Linted(text, rules: rules)
        #expect(linted.diagnostics.isEmpty)
        #expect(linted.findings.isEmpty != finding, "\(linted.findings.map(\.message))")
    }

    @Test func aPartLargerThanItsWholeIsAFinding() throws {
        let linted = Linted("In 2019 prosecutors prosecuted 2️⃣40 suspects and convicted 1️⃣52 of them.", rules: Self.rules)
        #expect(linted.diagnostics.isEmpty, "\(linted.diagnostics.map { $0.rendered() })")
        let finding = try #require(linted.findings.first)
        #expect(linted.findings.count == 1)
        #expect(finding.ruleID == "convictions-within-prosecutions")
        #expect(finding.severity == .warning)
        #expect(finding.message == "52 convicted is more than the 40 prosecuted (52 <= 40 fails)")
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.primary.span.start == Location(line: 1, column: 58))
        #expect(finding.related.count == 1)
        #expect(linted.label(finding.related[0], isAt: "2️⃣"))
        #expect(finding.evidence?.stated == .exactly(52))
        #expect(finding.evidence?.computed == .exactly(40))
        #expect(finding.evidence?.gap == 12)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var finding: Bool
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // <=
        Case(text: "Prosecutors prosecuted 40 suspects and convicted 35.", finding: false),
        Case(text: "Prosecutors prosecuted 40 suspects and convicted 40.", finding: false),
        Case(text: "Prosecutors prosecuted 40 suspects and convicted 41.", finding: true),
        Case(text: "Prosecutors prosecuted 40 suspects and convicted over 50.", finding: true),
        Case(text: "Prosecutors prosecuted 40 suspects and convicted over 40.", finding: true),
        Case(text: "Prosecutors prosecuted 40 suspects and convicted around 42.", finding: false),
        Case(text: "Prosecutors prosecuted 40 suspects and convicted around 50.", finding: true),
        Case(text: "Prosecutors prosecuted about 40 suspects and convicted 42.", finding: false),
        Case(text: "Prosecutors prosecuted at least 40 suspects and convicted 52.", finding: false),
        Case(text: "Prosecutors prosecuted over 50 suspects and convicted 52.", finding: false),
        Case(text: "Prosecutors prosecuted up to 40 suspects and convicted 45.", finding: true),
        Case(text: "Prosecutors prosecuted fewer than 40 suspects and convicted 40.", finding: true),
        Case(text: "Prosecutors prosecuted nearly 40 suspects and convicted 40.", finding: false),
        Case(text: "Prosecutors prosecuted between 30 and 45 suspects and convicted 44.", finding: false),
        // < on dates
        Case(text: "The shelter opened in May 2019 and closed in March 2018.", finding: true),
        Case(text: "The shelter opened in 2019 and closed in 2018.", finding: true),
        Case(text: "The shelter opened in May 2019 and closed in 2019.", finding: false),
        Case(text: "The shelter opened in May 2019 and closed in May 2019.", finding: false),
        Case(text: "The shelter opened on 3 May 2019 and closed on 4 May 2019.", finding: false),
        Case(text: "The shelter opened in 2018 and closed on 1 January 2019.", finding: false),
        // ==
        Case(text: "In 2019 police counted 58 victims and the ministry counted 60.", finding: true),
        Case(text: "In 2019 police counted 58 victims and the ministry counted 58.", finding: false),
        Case(text: "In 2019 police counted 58 victims and the ministry counted about 60.", finding: false),
        Case(text: "In 2019 police counted over 50 victims and the ministry counted 58.", finding: false),
        Case(text: "In 2019 police counted fewer than 50 victims and the ministry counted 58.", finding: true),
    ]

    @Test(arguments: cases)
    func findsOnlyWhatIsCertain(_ c: Case) {
        let linted = Linted(c.text, rules: Self.rules)
        #expect(linted.findings.isEmpty == !c.finding, "\(linted.findings.map(\.message))")
        #expect(linted.report.checksRun == 1, "the comparison was made")
    }

    @Test func dateFindingsPointAtTheEarlierClaim() throws {
        let linted = Linted("""
        The shelter in Kessny
        opened in 1️⃣May 2019 and closed in 2️⃣March 2018.
        """, rules: Self.rules)
        let finding = try #require(linted.findings.first)
        #expect(finding.ruleID == "shelter-opened-before-closed")
        #expect(finding.severity == .error)
        #expect(finding.message == "the shelter closed on March 2018, before it opened on May 2019")
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.primary.span.start == Location(line: 2, column: 11))
        #expect(linted.label(finding.related[0], isAt: "2️⃣"))
        #expect(linted.text(finding.related[0]) == "March 2018")
    }

    @Test func aDateIsNeverComparedWithACount() {
        let rules = """
        rules:
          - id: mixed
            kind: compare
            template: "opened in {opened:date} with {beds:count} beds"
            left: opened
            op: "<="
            right: beds
        """
        let linted = Linted("The shelter opened in 2015 with 12 beds.", rules: rules)
        #expect(linted.findings.isEmpty)
        #expect(linted.report.checksRun == 0)
    }

    @Test func theSeverityComesFromTheRule() throws {
        let linted = Linted("In 2019 police counted 58 victims and the ministry counted 60.", rules: Self.rules)
        let finding = try #require(linted.findings.first)
        #expect(finding.ruleID == "police-and-ministry-agree")
        #expect(finding.severity == .info)
        #expect(finding.message.contains("58") && finding.message.contains("60"), "\(finding.message)")
    }
}
