/// Renders a discrepancy summary as GitHub-flavoured Markdown, for a pull-request comment or
/// `$GITHUB_STEP_SUMMARY`: a headline, a table of the reports, a table of the discrepancies
/// worst first, and the totals.
///
/// Every piece of report text goes through `MarkdownReporter.escapedCell`, so `|`, backticks,
/// brackets, `<` and the other Markdown punctuation stay text.
public struct SummaryMarkdownReporter: RunReporter {
    public init() {}

    public func render(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic]) -> String {
        render(DiscrepancySummary(reports: reports, rules: rules, diagnostics: diagnostics))
    }

    public func render(_ summary: DiscrepancySummary) -> String {
        let totals = summary.totals
        func row(_ cells: [String]) -> String {
            "| " + cells.map(MarkdownReporter.escapedCell).joined(separator: " | ") + " |\n"
        }
        func header(_ cells: [String], right: Set<Int> = []) -> String {
            row(cells) + "| " + cells.indices.map { right.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |\n"
        }
        var output = "## factlint summary\n\n"
        let found = totals.findings == 0 ? "No discrepancies" : "**\(MarkdownReporter.escapedCell(totals.findingsText))**"
        output += "\(found) in \(totals.path), checked with \(summary.rules) rule\(summary.rules == 1 ? "" : "s").\n"
        if !summary.reports.isEmpty {
            output += "\n### Reports\n\n"
            output += header(["Report", "Figures read", "Used by a rule", "Coverage", "Checks run", "Checks passed", "Errors", "Warnings", "Notes"], right: Set(1...8))
            for counts in summary.reports {
                output += row([
                    counts.path, String(counts.figuresRead), String(counts.figuresUsed), counts.coverageText,
                    String(counts.checksRun), String(counts.checksPassed), String(counts.errors), String(counts.warnings), String(counts.infos),
                ])
            }
        }
        let discrepancies = summary.discrepancies
        if !discrepancies.isEmpty {
            output += "\n### Discrepancies\n\n"
            output += header(["Severity", "Where", "Rule", "The text states", "The other figures imply", "Gap", "Message"], right: [5])
            for discrepancy in discrepancies {
                output += row([
                    discrepancy.severity.rawValue, "\(discrepancy.path):\(discrepancy.location.line)", discrepancy.finding.ruleID,
                    discrepancy.stated, discrepancy.implied.isEmpty ? "–" : discrepancy.implied, discrepancy.gapText, discrepancy.finding.message,
                ])
            }
        }
        output += "\n### Total\n\n"
        output += header(["Reports", "Figures read", "Used by a rule", "Coverage", "Checks run", "Checks passed", "Errors", "Warnings", "Notes"], right: Set(0...8))
        output += row([
            String(summary.reports.count), String(totals.figuresRead), String(totals.figuresUsed), totals.coverageText,
            String(totals.checksRun), String(totals.checksPassed), String(totals.errors), String(totals.warnings), String(totals.infos),
        ])
        if !summary.diagnostics.isEmpty {
            output += "\nProblems with factlint's input:\n\n"
            for diagnostic in summary.diagnostics {
                var text = diagnostic.path + (diagnostic.location.map { ":\($0)" } ?? "") + ": " + diagnostic.message
                if let help = diagnostic.help { text += " (\(help))" }
                output += "- " + MarkdownReporter.escapedCell(text) + "\n"
            }
        }
        return output
    }
}
