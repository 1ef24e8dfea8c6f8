import Testing
import FactlintTestSupport
@testable import FactlintKit

@Suite("Rule examples")
struct RuleExampleRunnerTests {
    /// A compare rule; `valid` and `invalid` are spliced in as its examples.
    static func rule(valid: [String], invalid: [String]) -> String {
        func list(_ texts: [String]) -> String {
            texts.isEmpty ? " []" : texts.map { "\n            - \"\($0)\"" }.joined()
        }
        return """
        rules:
          - id: convictions-within-prosecutions
            kind: compare
            summary: Convictions given with prosecutions do not exceed them.
            scope: sentence
            template: "prosecuted {prosecuted:count} [alleged] traffickers and convicted {convicted:count}"
            left: convicted
            op: "<="
            right: prosecuted
            examples:
              valid:\(list(valid))
              invalid:\(list(invalid))
          - id: shelter-stays-without-examples
            kind: compare
            template: "housed {housed:count} of {referred:count} referred victims"
            left: housed
            op: "<="
            right: referred

        """
    }

    static let checkedAndClean = "In 2021 the regional prosecutor prosecuted 27 alleged traffickers and convicted 19."
    static let checkedAndWrong = "In 2021 the regional prosecutor prosecuted 17 alleged traffickers and convicted 19."
    static let neverChecked = "The regional prosecutor opened a hotline for victims of forced labour."

    static func run(valid: [String], invalid: [String]) throws -> RuleExampleReport {
        let (rules, diagnostics) = RuleLoader.load(yaml: rule(valid: valid, invalid: invalid), path: "rules.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered() })")
        #expect(rules.count == 2)
        return RuleExampleRunner().run(rules)
    }

    @Test func examplesThatBehavePass() throws {
        let report = try Self.run(valid: [Self.checkedAndClean], invalid: [Self.checkedAndWrong])

        #expect(report.results.map(\.outcome) == [.passed, .passed])
        #expect(report.results.map(\.isValid) == [true, false], "valid examples first")
        #expect(report.results.allSatisfy { $0.ruleID == "convictions-within-prosecutions" })
        #expect(report.passed == 2)
        #expect(report.failures.isEmpty)
        #expect(report.rulesWithExamples == 1, "a rule without examples is not counted")
        #expect(report.results.allSatisfy { $0.failureDescription == nil })
    }

    @Test func anInvalidExampleWithoutAFindingFails() throws {
        let report = try Self.run(valid: [], invalid: [Self.checkedAndClean])

        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        #expect(failure.outcome == .noFinding)
        #expect(!failure.isValid)
        #expect(failure.text == Self.checkedAndClean)
        #expect(failure.failureDescription == "gave no finding")
    }

    @Test func aValidExampleWithAFindingFailsWithTheMessage() throws {
        let report = try Self.run(valid: [Self.checkedAndWrong], invalid: [])

        let failure = try #require(report.failures.first)
        #expect(failure.outcome == .foundFindings(["19 should be at most 17"]))
        #expect(failure.failureDescription == "gave 1 finding: 19 should be at most 17")
    }

    @Test func aValidExampleTheRuleNeverChecksFails() throws {
        let report = try Self.run(valid: [Self.neverChecked, Self.checkedAndClean], invalid: [Self.checkedAndWrong])

        #expect(report.results.map(\.outcome) == [.neverChecked, .passed, .passed])
        #expect(report.passed == 2)
        #expect(report.failures.map(\.text) == [Self.neverChecked])
    }

    @Test func anInvalidExampleTheRuleNeverChecksFailsAsNoFinding() throws {
        let report = try Self.run(valid: [], invalid: [Self.neverChecked])

        #expect(report.results.map(\.outcome) == [.noFinding])
    }

    @Test func rulesAreFoundByIdAndMistypedIdsGetASuggestion() {
        var set = RuleSet()
        set.rules = RuleLoader.load(yaml: Self.rule(valid: [], invalid: []), path: "rules.yml").0

        #expect(set.rule(withID: "convictions-within-prosecutions")?.kind == .compare)
        #expect(set.rule(withID: "convictions") == nil)
        #expect(set.closestRuleID(to: "convictions-within-prosecution") == "convictions-within-prosecutions")
        #expect(set.closestRuleID(to: "victims-identified") == nil)
    }

    @Test func checksDescribeTheirTemplatesByRole() throws {
        let yaml = """
        rules:
          - id: arrests-add-up
            kind: sum
            total: "arrested {total:count} suspects"
            part: ["{n:count} recruiters", "{n:count} drivers"]
          - id: same-unit-head
            kind: same
            template: "{head:name}, head of the {unit:name} unit"
            restatement: "the {unit:name} unit, led by {head:name}"
            key: unit
            value: head

        """
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "rules.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered() })")
        let roles = rules.map { $0.check.describedTemplates.map { "\($0.role): \($0.source)" } }
        #expect(roles == [
            ["total: arrested {total:count} suspects", "part: {n:count} recruiters", "part: {n:count} drivers"],
            ["template: {head:name}, head of the {unit:name} unit", "restatement: the {unit:name} unit, led by {head:name}"],
        ])
    }
}
