import ArgumentParser
import FactlintKit
import Foundation

/// `factlint explain RULE`: what a rule checks, how, and its examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain what a rule checks, with its templates and examples."
    )

    @Argument(help: ArgumentHelp("The id of the rule to explain.", valueName: "rule"))
    var ruleID: String

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let ruleSet = RuleLoader.load(paths: ruleOptions.resolvedRulePaths)
        let failed = Rules.report(ruleSet.diagnostics)
        guard let rule = ruleSet.rule(withID: ruleID) else {
            let suggestion = ruleSet.closestRuleID(to: ruleID).map { " (did you mean '\($0)'?)" } ?? ""
            Output.error("error: unknown rule '\(Rules.oneLine(ruleID))'\(suggestion)")
            Output.error("  = help: factlint rules list shows the ids of the loaded rules")
            throw Exit.failure
        }
        print(Explain.text(rule), terminator: "")
        if failed { throw Exit.failure }
    }

    /// The explanation: the rule's metadata, its templates and message, then its examples.
    static func text(_ rule: Rule) -> String {
        var lines = [rule.id, ""]
        var fields = [
            ("kind", rule.kind.rawValue), ("severity", rule.severity.rawValue),
            ("scope", rule.scope.rawValue), ("defined", "\(rule.path):\(rule.location)"),
        ]
        if let link = rule.link { fields.append(("link", link)) }
        lines += aligned(fields)
        if !rule.summary.isEmpty { lines += ["", Rules.oneLine(rule.summary)] }
        if let rationale = rule.rationale, !rationale.isEmpty { lines += ["", Rules.oneLine(rationale)] }
        let templates = rule.check.describedTemplates
        if !templates.isEmpty {
            lines += ["", "Templates:"]
            lines += aligned(templates.map { ($0.role, $0.source) })
        }
        lines += ["", "Message:", "  " + (rule.message.map(Rules.oneLine) ?? "(the \(rule.kind.rawValue) rule's default message)")]
        let examples = [("valid", rule.examples.valid), ("invalid", rule.examples.invalid)].filter { !$0.1.isEmpty }
        if !examples.isEmpty {
            lines += ["", "Examples:"]
            for (name, texts) in examples {
                lines.append("  \(name):")
                // A text of several lines (a report with its reference list) keeps its lines.
                for text in texts {
                    let textLines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Rules.oneLine(String($0)) }
                    let shown = textLines.reversed().drop { $0.isEmpty }.reversed()
                    lines += shown.enumerated().map { index, line in index == 0 ? "    - " + line : line.isEmpty ? "" : "      " + line }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "  name:  value" lines with the values in one column.
    static func aligned(_ fields: [(String, String)]) -> [String] {
        let width = (fields.map(\.0.count).max() ?? 0) + 1
        return fields.map { name, value in
            "  " + (name + ":").padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Rules.oneLine(value)
        }
    }
}
