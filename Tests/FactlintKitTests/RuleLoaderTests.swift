import Foundation
import Testing
import FactlintTestSupport
@testable import FactlintKit

/// The line and column (from 1, in Unicode scalars) of the `occurrence`th `needle` in `text`.
func position(of needle: String, in text: String, occurrence: Int = 1) -> Location? {
    guard let offset = byteOffset(of: needle, in: text, occurrence: occurrence) else { return nil }
    let prefix = String(decoding: Array(text.utf8)[..<offset], as: UTF8.self)
    let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
    return Location(line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
}

@Suite("Rule loading")
struct RuleLoaderTests {
    static let validFile = """
    rules:
      - id: victims-add-up
        kind: sum
        summary: The groups of victims add up to the number identified.
        severity: warning
        scope: paragraph
        total: "identified {total:count} victims"
        part:
          - "{n:count} (women|men)"
          - "{n:count} (girls|boys)"
        complete: false
        message: "the groups add up to {parts}, but {total} victims were identified"
        examples:
          valid:
            - "Police identified 5 victims: 2 women and 3 men."
          invalid:
            - "Police identified 5 victims: 4 women and 3 men."
      - id: convictions-within-prosecutions
        kind: compare
        template: "prosecuted {whole:count} ... and convicted {part:count}"
        left: part
        op: "<="
        right: whole
      - id: same-yearly-victims
        kind: same
        template: "identified {n:count} victims in {year:year}"
        key: year
        value: n
    """

    @Test func aValidFileLoadsEveryRule() throws {
        let (rules, diagnostics) = RuleLoader.load(yaml: Self.validFile, path: "Rules/victims.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered() })")
        #expect(rules.map(\.id) == ["victims-add-up", "convictions-within-prosecutions", "same-yearly-victims"])
        #expect(rules.map(\.kind) == [.sum, .compare, .same])
        let sum = try #require(rules.first)
        #expect(sum.severity == .warning)
        #expect(sum.scope == .paragraph)
        #expect(sum.summary == "The groups of victims add up to the number identified.")
        #expect(sum.message == "the groups add up to {parts}, but {total} victims were identified")
        #expect(sum.examples.valid == ["Police identified 5 victims: 2 women and 3 men."])
        #expect(sum.examples.invalid == ["Police identified 5 victims: 4 women and 3 men."])
        #expect(sum.path == "Rules/victims.yml")
        #expect(sum.location.line == 2)
        let check = try #require(sum.check as? SumCheck)
        #expect(check.complete == false)
        #expect(check.parts.map(\.source) == ["{n:count} (women|men)", "{n:count} (girls|boys)"])
        #expect(check.totalSlot == "total")
        #expect(check.partSlot == "n")
        // Defaults: an error, sentence scope.
        #expect(rules[1].severity == .error)
        #expect(rules[1].scope == .sentence)
        let compare = try #require(rules[1].check as? CompareCheck)
        #expect(compare.comparison == .lessThanOrEqual)
        #expect(rules[1].location.line == 18)
    }

    struct Mistake: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        /// Where the diagnostic must point: the first character of this text in the file.
        var at: String
        var occurrence: Int = 1
        var message: String
        var testDescription: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "unknown key with a suggestion", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                totl: "identified {total:count} victims"
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
            """, at: "totl", message: "unknown key 'totl' (did you mean 'total'?)"),
        Mistake(name: "unknown kind", yaml: """
            rules:
              - id: victims-add-up
                kind: summ
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
            """, at: "summ", message: "unknown rule kind 'summ' (did you mean 'sum'?)"),
        Mistake(name: "bad severity", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                severity: fatal
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
            """, at: "fatal", message: "'fatal' is not a valid severity"),
        Mistake(name: "bad scope with a suggestion", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                scope: paragrph
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
            """, at: "paragrph", message: "'paragrph' is not a valid scope (did you mean 'paragraph'?)"),
        Mistake(name: "a list where text is expected", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                summary: [victims, groups]
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
            """, at: "[victims", message: "'summary' must be text, not a list"),
        Mistake(name: "template error in a quoted template", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                total: "identified {total:cuont} victims"
                part: "{n:count} (women|men)"
            """, at: "cuont", message: "in template: unknown slot type 'cuont' (did you mean 'count'?)"),
        Mistake(name: "template error in a list of templates", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                total: "identified {total:count} victims"
                part:
                  - "{n:count} (women|men)"
                  - "{n:count} (girls|boys"
            """, at: "(girls", message: "in template: '(' is never closed"),
        Mistake(name: "template error after escaped quotes", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                total: "identified {total:count} victims"
                part: "{n:count} (women|men) in the \\"Korgau Astana\\" shelter {x:cuont}"
            """, at: "cuont", message: "in template: unknown slot type 'cuont' (did you mean 'count'?)"),
        Mistake(name: "template error in a folded block scalar", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                total: >
                  identified {total:cuont} victims
                part: "{n:count} (women|men)"
            """, at: "cuont", message: "in template: unknown slot type 'cuont' (did you mean 'count'?)"),
        Mistake(name: "template error in a plain scalar", yaml: """
            rules:
              - id: prosecutions
                kind: compare
                template: prosecuted {whole:count} and convicted [all {part:count}
                left: part
                op: "<="
                right: whole
            """, at: "[all", message: "in template: '[' is never closed"),
        Mistake(name: "'left' names a missing slot", yaml: """
            rules:
              - id: prosecutions
                kind: compare
                template: "prosecuted {whole:count} ... and convicted {part:count}"
                left: prt
                op: "<="
                right: whole
            """, at: "prt", message: "'left' names slot 'prt', which the template \"prosecuted {whole:count} ... and convicted {part:count}\" does not have (did you mean 'part'?)"),
        Mistake(name: "arithmetic in 'right' names a missing slot", yaml: """
            rules:
              - id: stated-increase
                kind: compare
                template: "from {before:count} to {after:count} , an increase of {change:count}"
                left: change
                op: "=="
                right: after - befor
            """, at: "befor", occurrence: 2, message: "'right' names slot 'befor', which the template \"from {before:count} to {after:count} , an increase of {change:count}\" does not have (did you mean 'before'?)"),
        Mistake(name: "arithmetic in 'left' that ends too soon", yaml: """
            rules:
              - id: stated-increase
                kind: compare
                template: "from {before:count} to {after:count} , an increase of {change:count}"
                left: "after -"
                op: "=="
                right: change
            """, at: "after -", message: "in 'left': the expression ends too soon"),
        Mistake(name: "a function in a side of a compare rule", yaml: """
            rules:
              - id: stated-increase
                kind: compare
                template: "from {before:count} to {after:count} , an increase of {change:count}"
                left: change
                op: "=="
                right: sum(after)
            """, at: "after)", message: "in 'right': sum, count, min and max take a fact's values; here a side is arithmetic over the template's slots"),
        Mistake(name: "'key' names a missing slot", yaml: """
            rules:
              - id: same-yearly-victims
                kind: same
                template: "identified {n:count} victims in {year:year}"
                key: yaer
                value: n
            """, at: "yaer", message: "'key' names slot 'yaer'"),
        Mistake(name: "'value' names a missing slot", yaml: """
            rules:
              - id: same-yearly-victims
                kind: same
                template: "identified {n:count} victims in {year:year}"
                key: year
                value: count
            """, at: "count", occurrence: 2, message: "'value' names slot 'count'"),
        Mistake(name: "a message placeholder names no slot", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
                message: "{totl} victims identified, groups add up to {parts}"
            """, at: "\"{totl}", message: "the message names '{totl}', which is no slot or value of this rule (did you mean 'total'?)"),
        Mistake(name: "'complete' is not true or false", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                complete: sometimes
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
            """, at: "sometimes", message: "'complete' must be true or false"),
        Mistake(name: "'left' names a slot that captures words", yaml: """
            rules:
              - id: prosecutions
                kind: compare
                template: "{who:name} prosecuted {whole:count} ... and convicted {part:count}"
                left: who
                op: "<="
                right: whole
            """, at: "who\n", message: "'left' names slot 'who', which captures words, not a figure"),
        Mistake(name: "a total template without a total", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                total: "identified {a:count} victims and {b:count} suspects"
                part: "{n:count} (women|men)"
            """, at: "\"identified", message: "every 'total' template needs one figure slot named 'total'"),
        Mistake(name: "examples that are a list", yaml: """
            rules:
              - id: victims-add-up
                kind: sum
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
                examples: ["Police identified 2 victims: 1 woman and 1 man."]
            """, at: "[\"Police", message: "'examples' must have 'valid' and 'invalid' lists"),
        Mistake(name: "an id with spaces", yaml: """
            rules:
              - id: victims add up
                kind: sum
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
            """, at: "victims add", message: "rule id 'victims add up' may hold only letters, digits, '-', '_' and '.'"),
        Mistake(name: "a missing kind", yaml: """
            rules:
              - id: victims-add-up
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
            """, at: "id:", message: "a rule needs 'kind'"),
        Mistake(name: "a compare rule without op", yaml: """
            rules:
              - id: prosecutions
                kind: compare
                template: "prosecuted {whole:count} ... and convicted {part:count}"
                left: part
                right: whole
            """, at: "id:", message: "a compare rule needs 'op'"),
        Mistake(name: "a missing id", yaml: """
            rules:
              - kind: sum
                total: "identified {total:count} victims"
                part: "{n:count} (women|men)"
            """, at: "kind", message: "a rule needs 'id'"),
    ]

    @Test(arguments: mistakes)
    func eachMistakeIsReportedWhereItIs(_ mistake: Mistake) throws {
        let (rules, diagnostics) = RuleLoader.load(yaml: mistake.yaml, path: "Rules/x.yml")
        #expect(rules.isEmpty, "a rule with a mistake is skipped")
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.message))")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == mistake.message || diagnostic.message.hasPrefix(mistake.message), "\(diagnostic.message)")
        #expect(diagnostic.path == "Rules/x.yml")
        #expect(diagnostic.location == position(of: mistake.at, in: mistake.yaml, occurrence: mistake.occurrence))
    }

    @Test func aFieldIsFoundByItsTextHoweverItIsQuoted() throws {
        let yaml = """
        rules:
          - id: quoted-keys
            kind: range
            "value": "{value:percent}"
            'max': 100
            severity: warning
        """
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "rules.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered() })")
        let check = try #require(rules.first?.check as? RangeCheck)
        #expect(check.maximum == 100)
        #expect(rules.first?.severity == .warning)
    }

    @Test func crlfRuleFilesAreLocatedLikeLFOnes() throws {
        let yaml = "rules:\r\n  - id: victims-add-up\r\n    kind: sum\r\n    totl: \"identified {total:count} victims\"\r\n    total: \"identified {total:count} victims\"\r\n    part: \"{n:count} (women|men)\"\r\n"
        let (_, diagnostics) = RuleLoader.load(yaml: yaml, path: "Rules/x.yml")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.location == Location(line: 4, column: 5))
        #expect(diagnostic.sourceLine == "    totl: \"identified {total:count} victims\"")
    }

    @Test func invalidYAMLIsReportedAtItsLine() throws {
        let yaml = """
        rules:
          - id: broken
            kind: sum
             severity: error
        """
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "Rules/x.yml")
        #expect(rules.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.hasPrefix("invalid YAML"))
        #expect(diagnostic.location?.line == 4)
        #expect(diagnostic.location?.column == 14, "the ':' that YAML cannot accept there")
    }

    @Test func anUnknownTopLevelKeyIsReported() throws {
        let yaml = """
        # Victim rules
        rule:
          - id: victims-add-up
            kind: sum
        """
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "Rules/x.yml")
        #expect(rules.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.hasPrefix("unknown key 'rule' at the top of a rule file (did you mean 'rules'?)"))
        #expect(diagnostic.location == Location(line: 2, column: 1))
    }

    @Test func aBadRuleIsSkippedAndTheGoodOnesLoad() {
        let yaml = """
        rules:
          - id: broken
            kind: sum
            totl: "identified {total:count} victims"
            part: "{n:count} (women|men)"
          - id: prosecutions
            kind: compare
            template: "prosecuted {whole:count} ... and convicted {part:count}"
            left: part
            op: "<="
            right: whole
          - id: also-broken
            kind: compare
            template: "prosecuted {whole:count} ... and convicted {part:count}"
            left: part
            op: "=<"
            right: whole
        """
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "Rules/x.yml")
        #expect(rules.map(\.id) == ["prosecutions"])
        #expect(diagnostics.count == 3, "\(diagnostics.map(\.message))")
        #expect(diagnostics.contains { $0.location == Location(line: 4, column: 5) && $0.message.contains("'totl'") })
        #expect(diagnostics.contains { $0.location?.line == 2 && $0.message == "a rule of this kind needs 'total'" })
        #expect(diagnostics.contains { $0.location == Location(line: 16, column: 9) && $0.message.contains("'=<' is not a valid op") })
    }

    @Test func duplicateIdsAcrossFilesAreReported() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let rule = """
        rules:
          - id: victims-add-up
            kind: sum
            total: "identified {total:count} victims"
            part: "{n:count} (women|men)"
        """
        let first = try folder.write("a.yml", rule)
        let second = try folder.write("b/more.yml", "# More rules\n" + rule)
        let set = RuleLoader.load(paths: [folder.url.path])
        #expect(set.rules.map(\.path) == [first])
        #expect(set.files == [first, second])
        #expect(set.diagnostics.count == 1)
        let diagnostic = try #require(set.diagnostics.first)
        #expect(diagnostic.path == second)
        #expect(diagnostic.location == Location(line: 3, column: 5))
        #expect(diagnostic.message == "rule id 'victims-add-up' is already used at \(first):2:5")
        #expect(diagnostic.rendered().contains("3 |   - id: victims-add-up"))
    }

    @Test func aMissingRulePathIsADiagnostic() {
        let set = RuleLoader.load(paths: ["/nonexistent/factlint-rules"])
        #expect(set.rules.isEmpty)
        #expect(set.diagnostics.map(\.path) == ["/nonexistent/factlint-rules"])
    }

    @Test func renderedDiagnosticsShowTheLineAndACaret() throws {
        let yaml = """
        rules:
          - id: victims-add-up
            kind: sum
            totl: "identified {total:count} victims"
            total: "identified {total:count} victims"
            part: "{n:count} (women|men)"
        """
        let diagnostic = try #require(RuleLoader.load(yaml: yaml, path: "Rules/x.yml").1.first)
        let lines = diagnostic.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(4)) == [
            "Rules/x.yml:4:5: error: unknown key 'totl' (did you mean 'total'?)",
            "  |",
            "4 |     totl: \"identified {total:count} victims\"",
            "  |     ^",
        ])
        #expect(lines.last?.hasPrefix("  = help: ") == true)
    }

    @Test func aTemplateErrorsCaretPointsIntoTheTemplate() throws {
        let yaml = """
        rules:
          - id: victims-add-up
            kind: sum
            total: "identified {total:cuont} victims"
            part: "{n:count} (women|men)"
        """
        let diagnostic = try #require(RuleLoader.load(yaml: yaml, path: "Rules/x.yml").1.first)
        let lines = diagnostic.rendered().split(separator: "\n").map(String.init)
        let sourceLine = try #require(lines.first { $0.hasPrefix("4 | ") })
        let caretLine = try #require(lines.first { $0.hasSuffix("^") })
        let caretColumn = caretLine.count - 1
        let underlined = Array(sourceLine)[caretColumn...].prefix(5)
        #expect(String(underlined) == "cuont")
    }
}
