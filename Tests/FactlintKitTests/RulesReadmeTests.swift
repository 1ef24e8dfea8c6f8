import FactlintTestSupport
import Foundation
import Testing
@testable import FactlintKit

/// Rules/README.md lists every bundled rule with its kind and summary, so the documentation
/// cannot drift from the rules.
@Suite("Rules README")
struct RulesReadmeTests {
    @Test func theTableNamesEveryBundledRuleWithItsKindAndSummary() throws {
        let root = CommandRunner.packageRoot.appendingPathComponent("Rules")
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let set = RuleLoader.load(paths: [root.path])
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
        #expect(set.rules.count >= 15)
        let section = readme.components(separatedBy: "## The bundled rules").last?.components(separatedBy: "\n## ").first ?? ""
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == set.rules.count, "one row per rule")
        for rule in set.rules {
            let row = "| `\(rule.id)` | \(rule.kind.rawValue) | \(rule.summary) |"
            #expect(rows.contains { $0 == row }, "Rules/README.md lacks the row: \(row)")
        }
    }
}
