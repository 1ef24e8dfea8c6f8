import Foundation
import Testing
import FactlintTestSupport
@testable import FactlintKit

/// Rule files written by someone learning YAML, or by someone hostile: each is rejected with a
/// message at its position, or loaded and run, and never crashes or hangs the loader.
///
/// `scripts/bench-hostile` measures the large cases (the alias bomb's rejection time, a 50 MB file).
@Suite("Hostile rule files")
struct HostileRuleTests {
    /// A rule that loads, so a test can show the good rules of a file survive the bad ones.
    static let goodRule = """
          - id: part-within-whole
            kind: compare
            template: "{part:count} of the {whole:count}"
            left: part
            op: "<="
            right: whole
        """

    /// Nine anchored lists, each of nine aliases to the one before: 9⁹ strings once expanded.
    static func aliasBomb(at key: String) -> String {
        var lines = ["a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n" + key
    }

    @Test(.timeLimit(.minutes(1)))
    func anAliasBombIsRejectedAtTheNodeThatExplodes() throws {
        let yaml = Self.aliasBomb(at: "rules: *a9\n")

        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "bomb.yml")

        #expect(rules.isEmpty)
        let diagnostic = try #require(diagnostics.first, "no diagnostic")
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostic.message.contains("its aliases (*name) expand to more than 1000000 values beyond those written out"), "\(diagnostic.message)")
        #expect(diagnostic.location?.line != nil, "the diagnostic points into the file")
        #expect(diagnostic.rendered().hasPrefix("bomb.yml:"), "\(diagnostic.rendered())")
    }

    @Test(.timeLimit(.minutes(1)))
    func anAliasBombInARulesExamplesIsRejected() throws {
        let yaml = Self.aliasBomb(at: """
            rules:
              - id: laughs
                kind: compare
                template: "{part:count} of the {whole:count}"
                left: part
                op: "<="
                right: whole
                examples:
                  valid: *a9

            """)

        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "bomb.yml")

        #expect(rules.isEmpty)
        #expect(diagnostics.map(\.message).contains { $0.contains("its aliases (*name) expand to more than") }, "\(diagnostics)")
    }

    @Test func aFewAliasesStillLoad() throws {
        let yaml = """
            rules:
              - id: first
                kind: compare
                template: &pair "{part:count} of the {whole:count}"
                left: part
                op: "<="
                right: whole
              - id: second
                kind: compare
                template: *pair
                left: part
                op: "<"
                right: whole
            """

        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "aliases.yml")

        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(rules.map(\.id) == ["first", "second"])
    }

    @Test func theValueBudgetIsALimitOnWhatAliasesAdd() throws {
        // 50 values written once, then 20 aliases to them: about 1,000 values more than written.
        let yaml = "rules:\n" + Self.goodRule + "\n    examples:\n      valid: &v [" + Array(repeating: "\"a\"", count: 50).joined(separator: ", ") + "]\n"
            + "      invalid: [" + Array(repeating: "*v", count: 20).joined(separator: ", ") + "]\n"

        let (_, within) = RuleLoader.load(yaml: yaml, path: "many.yml", limits: Limits(maximumYAMLNodes: 2_000))
        let (past, diagnostics) = RuleLoader.load(yaml: yaml, path: "many.yml", limits: Limits(maximumYAMLNodes: 100))

        #expect(!within.contains { $0.message.contains("expand to more than") }, "\(within)")
        #expect(past.isEmpty)
        #expect(diagnostics.map(\.message) == ["its aliases (*name) expand to more than 100 values beyond those written out"])
    }

    @Test(arguments: [
        ("flow", "rules:\n  - id: deep\n    kind: sum\n    summary: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"),
        ("block", "rules:\n  " + String(repeating: "- ", count: 10_000) + "x\n"),
        ("flow, within libyaml's own limit", "rules: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"),
    ])
    func nestingTenThousandDeepIsRejected(shape: String, yaml: String) throws {
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "deep.yml")

        #expect(rules.isEmpty)
        let diagnostic = try #require(diagnostics.first, "\(shape): no diagnostic")
        #expect(diagnostic.message == "mappings and sequences nest more than 64 deep", "\(shape): \(diagnostic.message)")
        #expect(diagnostic.location != nil, "\(shape): the diagnostic points into the file")
    }

    @Test func aRuleFileLargerThanTheLimitIsReportedUnread() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let big = try folder.write("big.yml", "rules:\n" + Self.goodRule + "\n" + String(repeating: "# padding\n", count: 300))
        let small = try folder.write("small.yml", "rules:\n" + Self.goodRule.replacingOccurrences(of: "part-within-whole", with: "small-rule") + "\n")

        let set = RuleLoader.load(paths: [big, small], limits: Limits(maximumRuleFileBytes: 2048))

        #expect(set.rules.map(\.id) == ["small-rule"])
        let diagnostic = try #require(set.diagnostics.first)
        #expect(diagnostic.path == big)
        #expect(diagnostic.message == "the rule file is 3 KB, larger than the 2 KB factlint reads in one rule file", "\(diagnostic.message)")
    }

    @Test(.timeLimit(.minutes(1)))
    func aTemplateThatWouldBacktrackExponentiallyMatchesInPolynomialTime() throws {
        // "[lol] × 30, then lol × 30" against 30 lols: a backtracking matcher tries 2^30 ways to
        // spend the optional words; the memoising one tries each (instruction, word) pair once.
        let template = Array(repeating: "[lol]", count: 30).joined(separator: " ") + " " + Array(repeating: "lol", count: 30).joined(separator: " ") + " {n:count}"
        let yaml = """
            rules:
              - id: laughs
                kind: range
                value: "\(template)"
                max: 5
            """
        let text = "# Laughs\n\n" + Array(repeating: "lol", count: 30).joined(separator: " ") + " 7 times.\n"

        let (findings, diagnostics, _) = Linting.findings(in: text, rules: yaml)

        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(findings.map(\.ruleID) == ["laughs"], "7 is past the maximum of 5")
    }

    @Test func templatesNestedTooDeepAreRejectedAtTheLevelPastTheLimit() throws {
        // 1,000 deep, so that the template is within the length limit and nesting is what fails.
        let deep = String(repeating: "(", count: 1_000) + "a" + String(repeating: ")", count: 1_000)

        #expect(throws: TemplateError(offset: 32, message: "choices and optional parts nest more than 32 deep")) {
            try Template(deep)
        }
        #expect(throws: TemplateError(offset: 32, message: "choices and optional parts nest more than 32 deep")) {
            try Template(String(repeating: "[", count: 1_000) + "a" + String(repeating: "]", count: 1_000))
        }
        // Within the limit it compiles.
        #expect((try? Template(String(repeating: "(", count: 32) + "a {n:count}" + String(repeating: ")", count: 32))) != nil)
    }

    /// Found by scripts/fuzz (fuzz-template): a choice with an empty option made the whole
    /// template match no words, and building that empty match trapped.
    @Test(arguments: ["(convicted||{n:count})", "[the] [{n:count}]", "(|{n:count} victims)", "... [a]"])
    func aTemplateThatCanMatchNoWordIsRejected(template: String) throws {
        #expect(throws: TemplateError(offset: 0, message: "the template can match without a single word; give it a word or a slot outside [ ] and empty choices")) {
            try Template(template)
        }
        let yaml = "rules:\n  - id: empty\n    kind: range\n    value: \"\(template)\"\n    max: 5\n"
        let (findings, diagnostics, _) = Linting.findings(in: "Courts convicted 7 of them.", rules: yaml)
        #expect(findings.isEmpty)
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func aTemplateLongerThanTheLimitIsRejected() throws {
        let long = Array(repeating: "word", count: 1_000).joined(separator: " ") + " {n:count}"

        #expect(throws: TemplateError(offset: 4_000, message: "the template is \(long.count) characters long; factlint reads templates of up to 4000")) {
            try Template(long)
        }
    }

    @Test func anExpectationNamingAMissingFactIsReportedAtTheName() throws {
        let yaml = """
            rules:
              - id: sheltered-within-identified
                kind: expect
                facts:
                  identified: "identified {n:count} victims"
                  sheltered: "sheltered {n:count}"
                expect: "sheltered <= rescued"
            """

        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "expect.yml")

        #expect(rules.isEmpty)
        #expect(diagnostics.map(\.message) == ["the expectation names 'rescued', which is no fact of this rule"])
        #expect(diagnostics.first?.location == Location(line: 7, column: 27))
    }

    @Test func anExpectationComparingAFactWithItselfLoadsAndNeverFires() throws {
        let yaml = """
            rules:
              - id: identified-is-identified
                kind: expect
                facts:
                  identified: "identified {n:count} victims"
                expect: "identified == identified"
            """

        let (findings, diagnostics, _) = Linting.findings(in: "Police identified 40 victims. Police identified 41 victims.", rules: yaml)

        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(findings.isEmpty)
    }

    @Test(arguments: [
        String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000) + " <= b",
        "a <= " + String(repeating: "-", count: 10_000) + "b",
        "a <= " + String(repeating: "- ", count: 10_000) + "b",
    ])
    func expectationsNestedTenThousandDeepAreRejected(expectation: String) throws {
        let yaml = """
            rules:
              - id: deep
                kind: expect
                facts:
                  a: "identified {n:count} victims"
                  b: "sheltered {n:count}"
                expect: "\(expectation)"
            """

        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "expect.yml")

        #expect(rules.isEmpty)
        #expect(diagnostics.map(\.message) == ["in expectation: the expression nests more than 64 deep in parentheses or signs"])
    }
}
