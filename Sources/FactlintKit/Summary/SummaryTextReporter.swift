/// Renders a discrepancy summary as tables for a terminal, no line wider than `width`.
///
/// First a table of the reports (figures read, figures some rule used, checks passed,
/// findings), then the discrepancies worst first, then the totals. A table that would have to
/// break words (paths, rule ids) to fit is written as a list instead, an entry per row with a
/// line per field, so a narrow terminal keeps them readable. Report text is
/// cleaned of control characters so it cannot drive the terminal.
public struct SummaryTextReporter: RunReporter {
    /// The width of the terminal, in columns.
    public var width: Int

    public init(width: Int = 80) {
        self.width = max(20, width)
    }

    public func render(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic]) -> String {
        render(DiscrepancySummary(reports: reports, rules: rules, diagnostics: diagnostics))
    }

    public func render(_ summary: DiscrepancySummary) -> String {
        var lines: [String] = []
        let reportCount = summary.reports.count
        lines += TextTable.wrap(
            "factlint summary: \(reportCount) report\(reportCount == 1 ? "" : "s"), \(summary.rules) rule\(summary.rules == 1 ? "" : "s")",
            width: width
        )
        lines.append("")
        if !summary.reports.isEmpty {
            lines.append("Reports")
            let table = TextTable(
                columns: [
                    .init("Report"), .init("Figures", alignment: .right), .init("Used by a rule", alignment: .right),
                    .init("Checks passed", alignment: .right), .init("Findings"),
                ],
                rows: summary.reports.map { counts in
                    [
                        counts.path.sanitizedForTerminal(), String(counts.figuresRead), "\(counts.figuresUsed) (\(counts.coverageText))",
                        "\(counts.checksPassed) of \(counts.checksRun)", counts.findingsText,
                    ]
                }
            )
            if table.keepsWordsWhole(width: width) {
                lines += table.render(width: width)
            } else {
                for counts in summary.reports {
                    lines += TextTable.hanging(counts.path.sanitizedForTerminal(), first: "", rest: "  ", width: width)
                    let line = "\(counts.figuresRead) figures, \(counts.figuresUsed) used by a rule (\(counts.coverageText)); "
                        + "\(counts.checksPassed) of \(counts.checksRun) checks passed; \(counts.findingsText)"
                    lines += TextTable.hanging(line, first: "    ", rest: "      ", width: width)
                }
            }
            lines.append("")
        }
        let discrepancies = summary.discrepancies
        if discrepancies.isEmpty {
            lines.append("No discrepancies.")
        } else {
            lines.append("Discrepancies, worst first, then by gap")
            let table = TextTable(
                columns: [
                    .init("Severity"), .init("Where"), .init("Rule"), .init("Stated"), .init("Implied"), .init("Gap", alignment: .right),
                ],
                rows: discrepancies.map { row in
                    [
                        row.severity.rawValue, "\(row.path):\(row.location.line)".sanitizedForTerminal(), row.finding.ruleID,
                        row.stated.sanitizedForTerminal(), row.implied.isEmpty ? "–" : row.implied.sanitizedForTerminal(), row.gapText,
                    ]
                }
            )
            if table.keepsWordsWhole(width: width) {
                lines += table.render(width: width)
            } else {
                for (index, row) in table.rows.enumerated() {
                    if index > 0 { lines.append("") }
                    lines += TextTable.hanging("\(row[0])  \(row[1])", first: "", rest: "  ", width: width)
                    for (name, value) in zip(["Rule", "Stated", "Implied", "Gap"], row.dropFirst(2)) {
                        lines += TextTable.hanging("\(name): \(value)", first: "    ", rest: "      ", width: width)
                    }
                }
            }
        }
        lines.append("")
        let totals = summary.totals
        let totalLine = "Total: \(totals.path), \(totals.findingsText == "none" ? "no findings" : totals.findingsText); "
            + "\(totals.figuresRead) figures read, \(totals.figuresUsed) used by a rule (\(totals.coverageText)); "
            + "\(totals.checksPassed) of \(totals.checksRun) checks passed"
        lines += TextTable.wrap(totalLine, width: width)
        if !summary.diagnostics.isEmpty {
            lines.append("")
            lines += TextTable.wrap("Problems with factlint's input:", width: width)
            for diagnostic in summary.diagnostics {
                let place = diagnostic.path + (diagnostic.location.map { ":\($0)" } ?? "")
                lines += TextTable.wrap("- \(place): \(diagnostic.message)".sanitizedForTerminal(), width: width)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
