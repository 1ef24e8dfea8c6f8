/// Renders a run as Markdown for a pull-request comment: a line of counts, then a table of
/// findings with their severity, location, message and rule.
///
/// Report text in a cell is escaped so that it stays text: `|` would end the cell, and
/// backticks, emphasis marks, brackets, `<`, `&`, `~` and `$` would become code, emphasis,
/// links, HTML, entities, strike-through or maths. Problems with the input follow as a list.
public struct MarkdownReporter: RunReporter {
    public init() {}

    public func render(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic]) -> String {
        let summary = LintSummary(reports: reports, rules: rules.count)
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var output = "**factlint**: "
        if summary.findings == 0 {
            output += "no findings in \(plural(summary.reports, "report")).\n"
        } else {
            let counts = [plural(summary.errors, "error"), plural(summary.warnings, "warning")] + (summary.infos > 0 ? [plural(summary.infos, "note")] : [])
            output += counts.joined(separator: ", ") + " in \(plural(summary.reports, "report")).\n"
            output += "\n| Severity | Location | Message | Rule |\n| --- | --- | --- | --- |\n"
            for finding in reports.flatMap(\.findings) {
                let cells = [finding.severity.rawValue, "\(finding.path):\(finding.primary.span.start)", finding.message, finding.ruleID]
                output += "| " + cells.map(MarkdownReporter.escapedCell).joined(separator: " | ") + " |\n"
            }
        }
        if !diagnostics.isEmpty {
            output += "\nProblems with factlint's input:\n\n"
            for diagnostic in diagnostics {
                var text = diagnostic.path + (diagnostic.location.map { ":\($0)" } ?? "") + ": " + diagnostic.message
                if let help = diagnostic.help { text += " (\(help))" }
                output += "- " + MarkdownReporter.escapedCell(text) + "\n"
            }
        }
        return output
    }

    /// The characters that would turn text in a table cell into something else.
    static let special: Set<Character> = ["\\", "|", "`", "*", "_", "[", "]", "<", ">", "&", "~", "$", "#", "!"]

    /// Text for one cell: Markdown punctuation backslash-escaped, line breaks as spaces.
    static func escapedCell(_ text: String) -> String {
        var output = ""
        for character in text {
            if character.isNewline {
                output.append(" ")
                continue
            }
            if special.contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
