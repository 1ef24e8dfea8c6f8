import ArgumentParser
import FactlintKit
import Foundation

/// `factlint rules list`: one line per loaded rule.
struct ListRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the loaded rules: id, kind, severity, scope and summary."
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "Output format: text or json.")
    var format: RuleListFormat = .text

    /// One rule as `--format json` prints it.
    struct Entry: Encodable {
        var id: String
        var kind: String
        var severity: String
        var scope: String
        var summary: String
        var path: String
        var line: Int
    }

    func run() throws {
        let ruleSet = RuleLoader.load(paths: ruleOptions.resolvedRulePaths)
        let failed = Rules.report(ruleSet.diagnostics)
        let entries = ruleSet.rules.map {
            Entry(id: $0.id, kind: $0.kind.rawValue, severity: $0.severity.rawValue, scope: $0.scope.rawValue,
                  summary: $0.summary, path: $0.path, line: $0.location.line)
        }
        switch format {
        case .text: print(ListRules.table(entries), terminator: "")
        case .json: print(ListRules.json(entries))
        }
        if failed { throw Exit.failure }
    }

    /// The rules in aligned columns; the summary, last, is not padded.
    static func table(_ entries: [Entry]) -> String {
        let columns: [(Entry) -> String] = [\.id, \.kind, \.severity, \.scope]
        let widths = columns.map { column in entries.map { column($0).count }.max() ?? 0 }
        var output = ""
        for entry in entries {
            let cells = zip(columns, widths).map { column, width in
                column(entry).padding(toLength: width, withPad: " ", startingAt: 0)
            }
            output += (cells + [Rules.oneLine(entry.summary)]).joined(separator: "  ") + "\n"
        }
        return output
    }

    /// `{"version": 1, "rules": [...]}`.
    static func json(_ entries: [Entry]) -> String {
        struct Listing: Encodable {
            var version = 1
            var rules: [Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Listing(rules: entries)) else { return "{\"rules\": [], \"version\": 1}" }
        return String(decoding: data, as: UTF8.self)
    }
}

enum RuleListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
