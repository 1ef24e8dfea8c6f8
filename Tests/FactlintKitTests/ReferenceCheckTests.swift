import FactlintTestSupport
import Foundation
import Testing
@testable import FactlintKit

/// The reference kind: figures against a table of official figures beside the rules.
@Suite("Reference tables")
struct ReferenceCheckTests {
    static func load(table name: String, _ contents: String, rule: String) throws -> (TemporaryDirectory, RuleSet) {
        let directory = try TemporaryDirectory()
        try directory.write(name, contents)
        try directory.write("rules.yml", rule)
        return (directory, RuleLoader.load(paths: [directory.url.path]))
    }

    static let rule = """
    rules:
      - id: official
        kind: reference
        scope: document
        table: TABLE
        column: convictions
        key: [document.country, year]
        template: "convicted {value:count} ...3 in {year:year}"
    """

    @Test(arguments: [
        ("---\\ncountry: Veridia\\n---\\nCourts convicted 19 traffickers in 2007.", [String]()),
        ("---\\ncountry: Veridia\\n---\\nCourts convicted 16 traffickers in 2007.", ["16 is stated here, but official.csv gives 19 for veridia, 2007"]),
        ("---\\ncountry: Veridia\\n---\\nCourts convicted about 20 traffickers in 2007.", []),
        // Another country or a year the table lacks is not compared.
        ("---\\ncountry: Ostrava\\n---\\nCourts convicted 16 traffickers in 2007.", []),
        ("---\\ncountry: Veridia\\n---\\nCourts convicted 16 traffickers in 2009.", []),
        ("Courts convicted 16 traffickers in 2007.", []),
    ])
    func figuresAgainstTheCSVTable(_ report: String, _ messages: [String]) throws {
        let (directory, set) = try Self.load(table: "official.csv", "country,year,convictions\nVeridia,2006,1\nVeridia,2007,19\n", rule: Self.rule.replacingOccurrences(of: "TABLE", with: "official.csv"))
        defer { directory.remove() }
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
        let text = report.replacingOccurrences(of: "\\n", with: "\n")
        let findings = Linter(rules: set.rules).lint(Document(source: SourceFile(path: "r.md", text: text))).findings
        #expect(findings.map(\.message) == messages)
    }

    @Test func aYAMLTableWorksToo() throws {
        let (directory, set) = try Self.load(table: "official.yml", "- {country: Veridia, year: 2007, convictions: 19}\n", rule: Self.rule.replacingOccurrences(of: "TABLE", with: "official.yml"))
        defer { directory.remove() }
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
        let text = "---\ncountry: Veridia\n---\nCourts convicted 21 traffickers in 2007."
        #expect(Linter(rules: set.rules).lint(Document(source: SourceFile(path: "r.md", text: text))).findings.count == 1)
    }

    @Test func aMissingTableOrColumnIsReportedAtTheTableKey() throws {
        let (directory, set) = try Self.load(table: "official.csv", "country,year,total\nVeridia,2007,19\n", rule: Self.rule.replacingOccurrences(of: "TABLE", with: "official.csv"))
        defer { directory.remove() }
        #expect(set.rules.isEmpty)
        #expect(set.diagnostics.first?.message == "row 1 of 'official.csv' has no number in column 'convictions'")
        #expect(set.diagnostics.first?.location?.line == 5)

        let (other, missing) = try Self.load(table: "x.csv", "", rule: Self.rule.replacingOccurrences(of: "TABLE", with: "absent.csv"))
        defer { other.remove() }
        #expect(missing.diagnostics.first?.message.hasPrefix("cannot read the reference table") == true)
    }
}
