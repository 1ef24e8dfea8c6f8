import Foundation
import Testing
import FactlintTestSupport
@testable import FactlintKit

/// The bundled rule packs, loaded once.
enum BundledRules {
    static let rulesPath = CommandRunner.packageRoot.appendingPathComponent("Rules").path
    static let reportsPath = CommandRunner.packageRoot.appendingPathComponent("Reports").path
    static let set = RuleLoader.load(paths: [rulesPath])

    struct Example: CustomTestStringConvertible, Sendable {
        var ruleID: String
        var text: String
        var valid: Bool
        var testDescription: String { "\(ruleID) \(valid ? "valid" : "invalid"): \(text)" }
    }

    static let examples: [Example] = set.rules.flatMap { rule in
        rule.examples.valid.map { Example(ruleID: rule.id, text: $0, valid: true) }
            + rule.examples.invalid.map { Example(ruleID: rule.id, text: $0, valid: false) }
    }

    static func rule(_ id: String) -> Rule? { set.rules.first { $0.id == id } }

    /// Reads a report from disk and lints it.
    static func lint(file path: String, rules: [Rule]) throws -> DocumentReport {
        let data = try #require(FileManager.default.contents(atPath: path))
        return Linter(rules: rules).lint(Document(source: SourceFile(path: path, bytes: [UInt8](data))))
    }
}

@Suite("Bundled rules")
struct BundledRulesTests {
    struct Hit: Hashable, CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var rule: String
        var description: String { "\(file):\(line):\(column) \(rule)" }
    }

    @Test func theBundledRulesLoadCleanly() {
        #expect(BundledRules.set.diagnostics.isEmpty, "\(BundledRules.set.diagnostics.map { $0.rendered() })")
        #expect(!BundledRules.set.rules.isEmpty)
        #expect(BundledRules.rule("sentences-add-up-to-convictions") != nil)
        #expect(BundledRules.rule("same-head-of-organisation") != nil)
    }

    @Test func theSampleReportsRaiseExactlyThePlantedFindings() throws {
        let files = FileWalker.files(under: BundledRules.reportsPath, extensions: ["md", "markdown", "txt"])
        #expect(files.count == 8)
        var hits: Set<Hit> = []
        var findings: [Finding] = []
        var sources: [String: SourceFile] = [:]
        for file in files {
            let report = try BundledRules.lint(file: file, rules: BundledRules.set.rules)
            sources[file] = report.source
            for finding in report.findings {
                let name = (finding.path as NSString).lastPathComponent
                hits.insert(Hit(file: name, line: finding.primary.span.start.line, column: finding.primary.span.start.column, rule: finding.ruleID))
                findings.append(finding)
            }
        }
        let expected: Set<Hit> = [
            Hit(file: "draft-calderra-2020-country-report.md", line: 22, column: 5, rule: "restated-yearly-figure"),
            Hit(file: "draft-calderra-2020-country-report.md", line: 22, column: 70, rule: "same-head-of-organisation"),
            Hit(file: "draft-norvask-2019-protection.md", line: 17, column: 34, rule: "part-within-whole"),
            Hit(file: "draft-veridia-2018-prosecution.md", line: 10, column: 238, rule: "adopted-before-in-force"),
            Hit(file: "draft-veridia-2018-prosecution.md", line: 12, column: 257, rule: "sentences-add-up-to-convictions"),
            Hit(file: "kazakhstan-missing-persons-news.md", line: 48, column: 3, rule: "same-head-of-organisation"),
            Hit(file: "kazakhstan-trafficking-2008-country-profile.md", line: 33, column: 522, rule: "claim-after-cited-source"),
        ]
        #expect(hits.subtracting(expected).isEmpty, "false alarms: \(hits.subtracting(expected).sorted { $0.description < $1.description })")
        #expect(expected.subtracting(hits).isEmpty, "missed: \(expected.subtracting(hits).sorted { $0.description < $1.description })")
        #expect(findings.count == expected.count, "each planted discrepancy is reported once")

        let kazakh = try #require(findings.first { $0.path.hasSuffix("kazakhstan-missing-persons-news.md") })
        #expect(kazakh.related.map(\.span.start.line) == [14])
        let source = try #require(sources[kazakh.path])
        #expect(kazakh.related.map { source.text($0.span.bytes) } == ["Anna Ryl"])
        #expect(source.text(kazakh.primary.span.bytes) == "Alzhanova")
    }

    @Test func theCountryProfilesSentencingBreakdownIsCheckedAndAddsUp() throws {
        let rule = try #require(BundledRules.rule("sentences-add-up-to-convictions"))
        let path = BundledRules.reportsPath + "/kazakhstan-trafficking-2008-country-profile.md"
        let report = try BundledRules.lint(file: path, rules: [rule])
        #expect(report.checksRun > 0, "the 19 offenders and their sentences were compared")
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.figuresUsed == 7, "the total and its six groups")
    }

    @Test(arguments: BundledRules.examples)
    func everyBundledExampleBehaves(_ example: BundledRules.Example) throws {
        let rule = try #require(BundledRules.rule(example.ruleID))
        let report = Linter(rules: [rule]).lint(Document(source: SourceFile(path: "example.md", text: example.text)))
        if example.valid {
            #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
            #expect(report.checksRun > 0, "a valid example the rule never checks shows nothing")
        } else {
            #expect(!report.findings.isEmpty)
            #expect(report.findings.allSatisfy { $0.ruleID == example.ruleID })
        }
    }
}
