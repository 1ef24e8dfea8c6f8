import FactlintFigures
import FactlintTestSupport
import Testing
@testable import FactlintKit

/// The expect kind: a small expression over named facts, evaluated on intervals.
@Suite("Expectations")
struct ExpectCheckTests {
    static let rules = """
    rules:
      - id: sheltered-within-identified
        kind: expect
        scope: paragraph
        facts:
          identified: "identified {n:count} victims"
          sheltered: "sheltered {n:count}"
        expect: "sheltered <= identified"
      - id: parts-sum
        kind: expect
        scope: paragraph
        facts:
          total: "a total of {n:count}"
          region: {template: "{n:count} in the {where:name} region", value: n}
        expect: "sum(region) == total"
    """

    @Test(arguments: [
        ("Police identified 40 victims. Shelters sheltered 31 of them.", [String]()),
        ("Police identified 40 victims. Shelters sheltered 45 of them.", ["sheltered-within-identified"]),
        ("Police identified about 40 victims. Shelters sheltered 43 of them.", []),
        // A fact missing from the paragraph leaves the expectation undecided.
        ("Police identified 40 victims.\n\nShelters sheltered 45 of them.", []),
        ("Courts heard a total of 30 cases: 12 in the North region and 18 in the South region.", []),
        ("Courts heard a total of 31 cases: 12 in the North region and 18 in the South region.", ["parts-sum"]),
    ])
    func expectations(_ text: String, _ expected: [String]) {
        let (findings, diagnostics, _) = Linting.findings(in: text, rules: Self.rules)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(findings.map(\.ruleID) == expected)
    }

    @Test(arguments: [
        ("sheltered <= victimz", "the expectation names 'victimz', which is no fact of this rule (did you mean 'victims'?)", 27),
        ("sheltered <= (victims", "in expectation: '(' is never closed", 27),
        ("summ(sheltered) <= victims", "in expectation: unknown function 'summ' (did you mean 'sum'?); functions: sum, count, min, max", 14),
        ("sheltered + victims", "in expectation: an expectation must compare, as in 'sheltered <= victims'", 14),
    ])
    func mistakesAreReportedWhereTheyAre(_ expression: String, _ message: String, _ column: Int) throws {
        let yaml = """
        rules:
          - id: x
            kind: expect
            facts:
              victims: "identified {n:count} victims"
              sheltered: "sheltered {n:count}"
            expect: "\(expression)"
        """
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "rules.yml")
        #expect(rules.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == message)
        #expect(diagnostic.location == SourceLocation(line: 7, column: column))
    }

    @Test func intervalArithmetic() {
        #expect(Expression.apply(.subtract, Interval(lower: 10, upper: 12), Interval(lower: 1, upper: 2)) == Interval(lower: 8, upper: 11))
        #expect(Expression.apply(.divide, .exactly(10), Interval(lower: -1, upper: 1)) == nil)
        #expect(Expression.apply(.multiply, Interval(lower: -2, upper: 3), .exactly(2)) == Interval(lower: -4, upper: 6))
    }
}
