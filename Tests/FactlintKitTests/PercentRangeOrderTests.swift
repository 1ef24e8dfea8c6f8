import FactlintTestSupport
import Testing
@testable import FactlintKit

/// The percent, range and order kinds, each with the intervals a careful reader allows.
@Suite("Percent, range and order checks")
struct PercentRangeOrderTests {
    static let percentRules = """
    rules:
      - id: share
        kind: percent
        template:
          - '{part:count} \\( {share:percent} \\) of the {whole:count}'
          - '{share:percent} of the {whole:count}'
    """

    @Test(arguments: [
        ("Courts convicted 14 (74 percent) of the 19 defendants.", 0),
        ("Courts convicted 14 (73.7 percent) of the 19 defendants.", 0),
        ("Courts convicted 14 (74.5 percent) of the 19 defendants.", 1),
        ("Courts convicted 14 (70 percent) of the 19 defendants.", 1),
        ("Courts convicted 14 (about 70 percent) of the 19 defendants.", 0),
        ("Women were 75% of the 20 victims.", 0),
        ("Women were 70% of the 19 victims.", 1),
        ("Women were 68.4% of the 19 victims.", 0),
        ("Women were nearly 70% of the 19 victims.", 0),
    ])
    func sharesAgainstCounts(_ text: String, _ expected: Int) {
        let (findings, diagnostics, report) = Linting.findings(in: text, rules: Self.percentRules)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(report.checksRun == 1)
        #expect(findings.count == expected, "\(findings.map(\.message))")
    }

    @Test func theGranularityMessageGivesTheNearestShares() throws {
        let (findings, _, _) = Linting.findings(in: "Women were 70% of the 19 victims.", rules: Self.percentRules)
        let finding = try #require(findings.first)
        #expect(finding.message == "no whole number of 19 is 70%: 13 is 68.4% and 14 is 73.7%")
        #expect(finding.related.map(\.message) == ["whole"])
    }

    static let rangeRules = """
    rules:
      - id: within
        kind: range
        scope: paragraph
        bounds: "penalties of {bounds:duration}"
        value: "sentenced to {value:duration}"
      - id: percent-at-most-100
        kind: range
        value: "{value:percent}"
        max: 100
    """

    @Test(arguments: [
        ("The law sets penalties of two to 12 years. One trafficker was sentenced to nine years.", [String]()),
        ("The law sets penalties of two to 12 years. One trafficker was sentenced to 15 years.", ["within"]),
        ("The law sets penalties of up to 15 years. One trafficker was sentenced to 12 years.", []),
        ("The law sets penalties of two to 12 years for adults and penalties of eight to 15 years for children. One trafficker was sentenced to 14 years.", []),
        ("One trafficker was sentenced to 15 years.", []),
        ("The law sets penalties of two to 12 years.\n\nOne trafficker was sentenced to 15 years.", []),
        ("Convictions rose by 120% last year.", ["percent-at-most-100"]),
    ])
    func valuesAgainstBounds(_ text: String, _ expected: [String]) {
        let (findings, diagnostics, _) = Linting.findings(in: text, rules: Self.rangeRules)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(findings.map(\.ruleID) == expected)
    }

    @Test func boundsReadFromTheTextMustMatchForAValueToBeJudged() throws {
        let rules = RuleLoader.load(yaml: Self.rangeRules, path: "rules.yml").0
        let withBounds = try #require(rules.first?.check as? RangeCheck)
        #expect(withBounds.requiredMatches == [0..<1, 1..<2])
        // Fixed bounds need the value alone.
        let fixed = try #require(rules.last?.check as? RangeCheck)
        #expect(fixed.requiredMatches.isEmpty)
    }

    static let orderRules = """
    rules:
      - id: dates
        kind: order
        scope: paragraph
        events:
          - name: archived
            template: "archived on {date:date}"
          - name: retrieved
            template: "retrieved {date:date}"
    """

    @Test(arguments: [
        ("Archived on 2017-06-28. Retrieved 2017-12-01.", 0),
        ("Archived on 2017-12-28. Retrieved 2017-12-01.", 1),
        ("Archived on December 2017. Retrieved 2017-12-01.", 0),
        ("Archived on 2018. Retrieved 2017-12-01.", 1),
        ("Archived on 2017-12-28.\n\nRetrieved 2017-12-01.", 0),
    ])
    func eventsInDateOrder(_ text: String, _ expected: Int) {
        let (findings, diagnostics, _) = Linting.findings(in: text, rules: Self.orderRules)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(findings.count == expected, "\(findings.map(\.message))")
    }

    @Test func orderRulesNeedOneDateSlotPerEvent() {
        let yaml = """
        rules:
          - id: bad
            kind: order
            events:
              - name: archived
                template: "archived on {when:text}"
              - name: retrieved
                template: "retrieved {date:date}"
        """
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "rules.yml")
        #expect(rules.isEmpty)
        #expect(diagnostics.map(\.message).contains { $0.contains("exactly one date slot") })
    }
}
