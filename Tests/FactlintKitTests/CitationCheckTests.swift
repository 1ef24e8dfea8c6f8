import Foundation
import Testing
import FactlintTestSupport
@testable import FactlintKit

/// The citation checks: a claim against the sources it cites, and a reference's own dates.
@Suite("Citations: checks")
struct CitationCheckTests {
    static let claimRules = """
    rules:
      - id: claim-after-source
        kind: citation
        check: claim-after-source
        scope: document
        severity: warning
        template:
          - "{what:text} (was|were) {verb:ratified|adopted|opened} [by {who:name}] in {date:date}"
          - "in {date:date} , {who:name} {verb:ratified|adopted|opened} {what:text}"
        key: [verb, what]
        optional_key: [who]
    """

    static let dateRules = """
    rules:
      - id: dates-in-order
        kind: citation
        check: dates-in-order
        severity: warning
    """

    static let references = """
    ## References

    1. ^ "Treaty list". United Nations. Retrieved 2021-03-02.
    2. ^ a b "Veridia". Annual Report 2008. Ministry of Justice (3️⃣June 4, 2008).
    3. ^ "Review of 2008". Agency. 2009.
    """

    @Test func aClaimCitingASourcePublishedBeforeTheEventIsAFinding() throws {
        let linted = Linted("""
        The protocol was ratified by Veridia in 1️⃣July 2008.[2]

        \(Self.references)
        """, rules: Self.claimRules)
        #expect(linted.diagnostics.isEmpty, "\(linted.diagnostics.map { $0.rendered() })")
        let finding = try #require(linted.findings.first)
        #expect(linted.findings.count == 1)
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(linted.text(finding.primary) == "July 2008")
        #expect(finding.primary.message == "claim cites [2]")
        #expect(finding.related.count == 1)
        let source = try #require(finding.related.first)
        #expect(linted.label(source, isAt: "3️⃣"))
        #expect(source.message == "[2] published June 4, 2008")
        #expect(finding.message == "the text cites [2] for an event dated July 2008, but [2] was published on June 4, 2008, before the event")
        #expect(finding.evidence?.isDate == true)
        #expect(finding.evidence?.gap == 27)
    }

    @Test func aClaimCitingASourcePublishedAfterTheEventPasses() {
        let linted = Linted("""
        The protocol was ratified by Veridia in March 2008.[2] The shelter was opened in July 2008.[3]

        \(Self.references)
        """, rules: Self.claimRules)
        #expect(linted.findings.isEmpty, "\(linted.findings.map(\.message))")
        #expect(linted.report.checksRun == 2)
    }

    @Test func anEventOnTheDayOfPublicationPasses() {
        let linted = Linted("""
        The protocol was ratified by Veridia in June 4, 2008.[2]

        \(Self.references)
        """, rules: Self.claimRules)
        #expect(linted.findings.isEmpty, "\(linted.findings.map(\.message))")
        #expect(linted.report.checksRun == 1)
    }

    @Test func aYearThatOverlapsThePublicationDateCannotBeDecided() {
        let linted = Linted("""
        In 2008, Veridia ratified the protocol.[2]

        \(Self.references)
        """, rules: Self.claimRules)
        #expect(linted.findings.isEmpty, "\(linted.findings.map(\.message))")
        #expect(linted.report.checksRun == 1, "the claim was compared with its source")
    }

    @Test func theOtherStatementOfTheSameEventDatesTheClaimCloser() throws {
        let linted = Linted("""
        The protocol was ratified by Veridia in 2️⃣July 2008.[1]

        Much changed that year. In 1️⃣2008, Veridia ratified the protocol.[2]

        \(Self.references)
        """, rules: Self.claimRules)
        #expect(linted.diagnostics.isEmpty, "\(linted.diagnostics.map { $0.rendered() })")
        let finding = try #require(linted.findings.first)
        #expect(linted.findings.count == 1, "\(linted.findings.map(\.message))")
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.primary.message == "claim cites [2]")
        try #require(finding.related.count == 2)
        #expect(linted.label(finding.related[0], isAt: "2️⃣"))
        #expect(finding.related[0].message == "the same event: July 2008")
        #expect(linted.label(finding.related[1], isAt: "3️⃣"))
        #expect(finding.related[1].message == "[2] published June 4, 2008")
        #expect(finding.primary.span.start.line == 3 && finding.related[0].span.start.line == 1 && finding.related[1].span.start.line == 8)
        #expect(finding.message == "the text cites [2] for an event it dates to 2008 here and to July 2008 on line 1, but [2] was published on June 4, 2008, before the event")
        #expect(finding.evidence?.gap == 27, "July 1, 2008 is 27 days after June 4, 2008")
    }

    @Test func anotherCountrysRatificationIsAnotherEvent() {
        let linted = Linted("""
        The protocol was ratified by Norvask in July 2008.

        In 2008, Veridia ratified the protocol.[2]

        \(Self.references)
        """, rules: Self.claimRules)
        #expect(linted.findings.isEmpty, "\(linted.findings.map(\.message))")
        #expect(linted.report.checksRun == 1)
    }

    @Test func statementsThatDisagreeAreLeftToTheSameRule() {
        let linted = Linted("""
        The protocol was ratified by Veridia in July 2007.

        The protocol was ratified by Veridia in July 2008.

        In 2008, Veridia ratified the protocol.[2]

        \(Self.references)
        """, rules: Self.claimRules)
        #expect(linted.findings.isEmpty, "\(linted.findings.map(\.message))")
    }

    @Test func everySourceOfAGroupMustComeBeforeTheEvent() throws {
        let before = Linted("""
        The protocol was ratified by Veridia in July 2008.[1][2]

        ## References

        1. ^ "Veridia". Ministry (May 2, 2008).
        2. ^ "Veridia". Agency (June 4, 2008).
        """, rules: Self.claimRules)
        let finding = try #require(before.findings.first)
        #expect(finding.related.map(\.message) == ["[1] published May 2, 2008", "[2] published June 4, 2008"])
        #expect(finding.message.contains("every source it cites ([1] on May 2, 2008, [2] on June 4, 2008) was published"))

        let oneAfter = Linted("""
        The protocol was ratified by Veridia in July 2008.[1][3]

        \(Self.references)
        """, rules: Self.claimRules)
        #expect(oneAfter.findings.isEmpty, "[3] came out in 2009 and may report it: \(oneAfter.findings.map(\.message))")
    }

    @Test func aSourceWithoutAPublicationDateDecidesNothing() {
        let linted = Linted("""
        The protocol was ratified by Veridia in July 2030.[1] The protocol was adopted by Norvask in July 2008.[9]

        \(Self.references)
        """, rules: Self.claimRules)
        #expect(linted.findings.isEmpty, "[1] gives only a retrieval date, and there is no [9]: \(linted.findings.map(\.message))")
        #expect(linted.report.checksRun == 0)
    }

    @Test func aMarkerAfterAnotherClauseDoesNotCiteTheEvent() {
        let linted = Linted("""
        The protocol was ratified by Veridia in July 2008, as the ministry had announced.[2]

        \(Self.references)
        """, rules: Self.claimRules)
        #expect(linted.findings.isEmpty, "\(linted.findings.map(\.message))")
        #expect(linted.report.checksRun == 0)
    }

    @Test func theReferenceListIsNotReadAsClaims() {
        let linted = Linted("""
        ## Notes

        - ↑ The protocol was ratified by Veridia in July 2008.[2] "Veridia". Agency (June 4, 2008).
        """, rules: Self.claimRules)
        #expect(linted.findings.isEmpty, "\(linted.findings.map(\.message))")
        #expect(linted.report.checksRun == 0)
    }

    @Test func aReportWithoutReferencesIsNotChecked() {
        let linted = Linted("The protocol was ratified by Veridia in July 2008.[2]", rules: Self.claimRules)
        #expect(linted.findings.isEmpty)
        #expect(linted.report.checksRun == 0)
    }

    @Test func referenceDatesOutOfOrderAreAFinding() throws {
        let linted = Linted("""
        ## References

        1. ^ "Report". Ministry. Archived from the original on 1️⃣2017-12-28. Retrieved 2️⃣2017-12-01.
        2. ^ "Report". Ministry. Archived from the original on 2017-06-28. Retrieved 2017-12-01.
        """, rules: Self.dateRules)
        #expect(linted.diagnostics.isEmpty, "\(linted.diagnostics.map { $0.rendered() })")
        let finding = try #require(linted.findings.first)
        #expect(linted.findings.count == 1)
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.primary.message == "archived")
        #expect(finding.related.count == 1 && linted.label(finding.related[0], isAt: "2️⃣"))
        #expect(finding.message == "source [1] is archived on 2017-12-28, after it is retrieved on 2017-12-01")
        #expect(linted.report.checksRun == 2)
    }

    @Test func aPublicationDateAfterTheRetrievalIsAFinding() throws {
        let linted = Linted("""
        ## Sources

        - 1 2 "Report". Ministry. 1️⃣March 3, 2018. Retrieved 2017-12-01.
        """, rules: Self.dateRules)
        let finding = try #require(linted.findings.first)
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.primary.message == "published")
    }

    @Test func datesOfDifferentReferencesAreNeverCompared() {
        let linted = Linted("""
        Text.[1]

        ## References

        1. ^ "Report". Ministry. Archived from the original on 2017-12-28.
        2. ^ "Report". Ministry. Retrieved 2017-12-01.

        Archived from the original on 2019-12-28. Retrieved 2017-12-01.
        """, rules: Self.dateRules)
        #expect(linted.findings.isEmpty, "\(linted.findings.map(\.message))")
    }

    @Test func aCitationRuleNamesItsCheck() {
        let missing = Linting.findings(in: "", rules: """
        rules:
          - id: c
            kind: citation
        """).diagnostics
        #expect(missing.map(\.message) == ["a citation rule needs 'check': claim-after-source or dates-in-order"])
        let wrong = Linting.findings(in: "", rules: """
        rules:
          - id: c
            kind: citation
            check: claim-after-sources
            template: "adopted in {date:date}"
            key: [date]
        """).diagnostics
        #expect(wrong.map(\.message) == ["'claim-after-sources' is not a valid check (did you mean 'claim-after-source'?)"])
        let notADate = Linting.findings(in: "", rules: """
        rules:
          - id: c
            kind: citation
            check: claim-after-source
            template: "{what:text} adopted in {n:count}"
            date: n
            key: [what]
            optional_key: [whom]
        """).diagnostics
        #expect(notADate.count == 2)
        #expect(notADate.first?.message.contains("which is no date") == true)
        #expect(notADate.last?.message.hasPrefix("'optional_key' names slot 'whom', which no template has") == true)
        let extra = Linting.findings(in: "", rules: """
        rules:
          - id: c
            kind: citation
            check: dates-in-order
            template: "archived on {date:date}"
        """).diagnostics
        #expect(extra.map(\.message) == ["'template' does not go with 'check: dates-in-order', which reads the dates of the reference list itself"])
    }

    /// The sample country profile dates the ratification to July 2008 on line 9, and on line 33
    /// says "in 2008" citing [2], released on June 4, 2008 (line 38).
    @Test func theSampleProfilesRatificationComesAfterItsSource() throws {
        let path = CommandRunner.packageRoot.appendingPathComponent("Reports/kazakhstan-trafficking-2008-country-profile.md").path
        let rules = RuleLoader.load(paths: [CommandRunner.packageRoot.appendingPathComponent("Rules/core/citations.yml").path])
        #expect(rules.diagnostics.isEmpty)
        let data = try #require(FileManager.default.contents(atPath: path))
        let report = Linter(rules: rules.rules).lint(Document(source: SourceFile(path: path, bytes: [UInt8](data))))
        try #require(report.findings.count == 1, "\(report.findings.map(\.message))")
        let finding = report.findings[0]
        #expect(finding.ruleID == "claim-after-cited-source")
        let places = ([finding.primary] + finding.related).map { ($0.span.start.line, report.source.text($0.span.bytes), $0.message) }
        #expect(places.map(\.0) == [33, 9, 38])
        #expect(places.map(\.1) == ["2008", "July 2008", "June 4, 2008"])
        #expect(places.map(\.2) == ["claim cites [2]", "the same event: July 2008", "[2] published June 4, 2008"])
    }
}
