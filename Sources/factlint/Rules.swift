import ArgumentParser
import FactlintKit

/// `factlint rules list|check|test`: the commands for rule authors.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List rules, validate rule files, and run the rules' examples.",
        subcommands: [ListRules.self, CheckRules.self, TestRules.self]
    )

    /// The rule paths of a command that also takes rule files as arguments: `--rules` and the
    /// files together, else `Rules/`.
    static func paths(_ options: RuleOptions, files: [String]) -> [String] {
        let paths = options.rulePaths + files
        return paths.isEmpty ? options.resolvedRulePaths : paths
    }

    /// Prints each rule-file diagnostic to standard error; returns whether there were any.
    static func report(_ diagnostics: [Diagnostic]) -> Bool {
        for diagnostic in diagnostics { Output.error(diagnostic.rendered()) }
        return !diagnostics.isEmpty
    }

    /// Text from a rule file on one terminal line: runs of whitespace (folded YAML keeps its
    /// newlines) become one space, and control characters cannot reach the terminal.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").sanitizedForTerminal()
    }

    /// `text` on one line, cut to at most `limit` characters with "…".
    static func shortened(_ text: String, to limit: Int = 60) -> String {
        let line = oneLine(text)
        guard line.count > limit else { return line }
        return String(line.prefix(limit - 1).reversed().drop(while: \.isWhitespace).reversed()) + "…"
    }

    /// "1 rule", "3 rules".
    static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}
