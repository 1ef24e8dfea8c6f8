import FactlintTestSupport
import Testing
@testable import FactlintKit

/// Suppressions written in reports as HTML comments.
@Suite("Suppressions")
struct SuppressionTests {
    static let rules = """
    rules:
      - id: breakdown
        kind: sum
        total: "of the {total:count}"
        part: "{n:count} were sentenced"
      - id: other-rule
        kind: compare
        template: "{a:count} of the {b:count} shelters"
        left: a
        op: "<="
        right: b
    """

    static let broken = "Of the 9 convicted, four were sentenced to prison and three were sentenced to fines."

    func lint(_ text: String) -> [String] {
        let (findings, diagnostics, _) = Linting.findings(in: text, rules: Self.rules)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return findings.map { "\($0.primary.span.start.line) \($0.ruleID)" }
    }

    @Test func withoutASuppressionTheFindingIsReported() {
        #expect(lint(Self.broken) == ["1 breakdown"])
    }

    @Test func disableNextLineWithAReasonSilencesIt() {
        let text = "<!-- factlint-disable-next-line breakdown -- the ninth case is still on appeal -->\n\(Self.broken)"
        #expect(lint(text) == [])
    }

    @Test func disableNextLineSkipsBlankLines() {
        #expect(lint("<!-- factlint-disable-next-line all -->\n\n\(Self.broken)") == [])
    }

    @Test func disableAndEnableSilenceTheLinesBetween() {
        let text = "<!-- factlint-disable breakdown -->\n\n\(Self.broken)\n\n<!-- factlint-enable breakdown -->\n\n\(Self.broken)"
        #expect(lint(text) == ["7 breakdown"])
    }

    @Test func disableFileSilencesEveryLine() {
        let text = "<!-- factlint-disable-file breakdown -->\n\n\(Self.broken)\n\n\(Self.broken)"
        #expect(lint(text) == [])
    }

    @Test func aSuppressionOfAnotherRuleLeavesTheFindingAndIsReportedUnused() {
        let text = "<!-- factlint-disable-next-line other-rule -->\n\(Self.broken)"
        #expect(lint(text) == ["1 unused-suppression", "2 breakdown"])
    }

    @Test func onceTheFindingIsFixedTheSuppressionIsReported() {
        let fixed = "Of the 7 convicted, four were sentenced to prison and three were sentenced to fines."
        let text = "<!-- factlint-disable-next-line breakdown -- waiting for the court's figures -->\n\(fixed)"
        #expect(lint(text) == ["1 unused-suppression"])
    }

    @Test func anUnknownRuleIsReportedWithASuggestion() throws {
        let text = "<!-- factlint-disable-next-line breakdwn -->\n\(Self.broken)"
        let (findings, _, _) = Linting.findings(in: text, rules: Self.rules)
        #expect(findings.map(\.ruleID) == ["unknown-rule-in-suppression", "breakdown"])
        #expect(findings.first?.message == "the suppression names 'breakdwn', which no loaded rule defines (did you mean 'breakdown'?)")
    }
}

/// Suppressions of rules that exist but do not run (turned off by configuration).
@Suite("Suppressions of rules turned off")
struct SuppressionsOfDisabledRulesTests {
    @Test func aSuppressionOfADisabledRuleIsNeitherUnknownNorUnused() {
        let (rules, _) = RuleLoader.load(yaml: SuppressionTests.rules, path: "rules.yml")
        let running = rules.filter { $0.id != "breakdown" }
        let text = "<!-- factlint-disable-next-line breakdown -->\n\(SuppressionTests.broken)"
        let linter = Linter(rules: running, knownRuleIDs: Set(rules.map(\.id)))
        let findings = linter.lint(Document(source: SourceFile(path: "r.md", text: text))).findings
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
