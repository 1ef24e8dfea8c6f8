import FactlintTestSupport
import Testing
@testable import FactlintKit

/// Facts joined by a key, and severities raised by the size of the gap.
@Suite("Keyed comparisons and gap thresholds")
struct KeyedCompareAndThresholdTests {
    static let keyed = """
    rules:
      - id: convictions-within-prosecutions
        kind: compare
        scope: document
        left: {template: "convicted {n:count} ... in {year:year}", value: n}
        right: {template: "prosecuted {n:count} ... in {year:year}", value: n}
        key: year
        op: "<="
        message: "{left} convictions in {year} exceed {right} prosecutions"
    """

    @Test(arguments: [
        ("Prosecutors prosecuted 30 suspects in 2019. Courts convicted 20 traffickers in 2019.", [String]()),
        ("Prosecutors prosecuted 30 suspects in 2019. Courts convicted 35 traffickers in 2019.", ["35 convictions in 2019 exceed 30 prosecutions"]),
        // Different years are never compared.
        ("Prosecutors prosecuted 30 suspects in 2018. Courts convicted 35 traffickers in 2019.", []),
        // "over 25" can be at most 30.
        ("Prosecutors prosecuted 30 suspects in 2019. Courts convicted over 25 traffickers in 2019.", []),
    ])
    func factsJoinedByYear(_ text: String, _ messages: [String]) {
        let (findings, diagnostics, _) = Linting.findings(in: text, rules: Self.keyed)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(findings.map(\.message) == messages)
    }

    @Test func bothSidesMustMatchForAReportToBeSearchedWhole() throws {
        let rules = RuleLoader.load(yaml: Self.keyed, path: "rules.yml").0
        let check = try #require(rules.first?.check as? KeyedCompareCheck)
        #expect(check.requiredMatches == [0..<1, 1..<2])
        // The left side found after the right one, in a later sentence, is still compared.
        let (findings, _, _) = Linting.findings(
            in: "Courts convicted 35 traffickers in 2019, it was said. Earlier, prosecutors prosecuted 30 suspects in 2019.", rules: Self.keyed)
        #expect(findings.map(\.message) == ["35 convictions in 2019 exceed 30 prosecutions"])
    }

    @Test func aKeyedFactNeedsItsValueNamedWhenItHasTwoFigures() {
        let yaml = """
        rules:
          - id: x
            kind: compare
            left: {template: "convicted {n:count} ... in {year:year}"}
            right: {template: "prosecuted {n:count} ... in {year:year}", value: n}
            key: year
            op: "<="
        """
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "rules.yml")
        #expect(rules.isEmpty)
        #expect(diagnostics.contains { $0.message.contains("figure slot") })
    }

    static let graded = """
    rules:
      - id: breakdown
        kind: sum
        severity: info
        warn_if: {gap: 2}
        error_if: {relative_gap: 0.2}
        total: "of the {total:count}"
        part: "{n:count} were sentenced"
    """

    @Test(arguments: [
        ("Of the 20 convicted, 10 were sentenced to prison and 9 were sentenced to fines.", Severity.info),
        ("Of the 20 convicted, 10 were sentenced to prison and 8 were sentenced to fines.", Severity.warning),
        ("Of the 20 convicted, 10 were sentenced to prison and 5 were sentenced to fines.", Severity.error),
    ])
    func severityFollowsTheGap(_ text: String, _ severity: Severity) throws {
        let (findings, diagnostics, _) = Linting.findings(in: text, rules: Self.graded)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let finding = try #require(findings.first)
        #expect(finding.severity == severity)
    }

    @Test func thresholdsNeedAGap() {
        let yaml = """
        rules:
          - id: x
            kind: sum
            warn_if: {gapp: 2}
            total: "of the {total:count}"
            part: "{n:count} were"
        """
        let (_, diagnostics) = RuleLoader.load(yaml: yaml, path: "rules.yml")
        #expect(diagnostics.contains { $0.message.contains("unknown key 'gapp' in 'warn_if' (did you mean 'gap'?)") })
    }
}
