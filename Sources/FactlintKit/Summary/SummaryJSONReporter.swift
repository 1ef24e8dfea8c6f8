import FactlintFigures

/// Renders a discrepancy summary as one JSON document, for scripts and dashboards.
///
/// The schema is versioned: `"schema": "factlint-summary"`, `"version": 1`. A change that
/// removes or renames a field, or changes its meaning, raises the version; new fields may be
/// added within a version. README.md ("Summaries") describes every field, and
/// `Tests/Schemas/summary-v1.schema.json` states it as a JSON Schema the tests validate against.
///
/// Keys are written in a fixed order; absent values are `null`, never missing.
public struct SummaryJSONReporter: RunReporter {
    /// The schema version this reporter writes.
    public static let version = 1
    /// The schema's name, so a reader can tell this document from `lint --format json`'s.
    public static let schema = "factlint-summary"

    public init() {}

    public func render(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic]) -> String {
        render(DiscrepancySummary(reports: reports, rules: rules, diagnostics: diagnostics))
    }

    public func render(_ summary: DiscrepancySummary) -> String {
        var output = ""
        write(summary) { output += $0 }
        return output
    }

    /// The same document, handed to `write` in pieces: a report's counts or a discrepancy at a
    /// time, so a summary of thousands of reports is never held whole as text.
    public func write(_ summary: DiscrepancySummary, to write: (String) -> Void) {
        let reports = summary.reports
        let discrepancies = summary.discrepancies
        let document: JSONValue = .object([
            ("schema", .string(SummaryJSONReporter.schema)),
            ("version", .int(SummaryJSONReporter.version)),
            ("rules", .int(summary.rules)),
            ("reports", .elements(count: reports.count) { SummaryJSONReporter.counts(reports[$0]) }),
            ("discrepancies", .elements(count: discrepancies.count) { SummaryJSONReporter.discrepancy(discrepancies[$0]) }),
            ("totals", SummaryJSONReporter.counts(summary.totals, reports: reports.count)),
            ("diagnostics", .array(summary.diagnostics.map(SummaryJSONReporter.diagnostic))),
        ])
        var output = ""
        document.write(into: &output, indent: 0) { text in
            write(text)
            text = ""
        }
        write(output + "\n")
    }

    static func counts(_ counts: ReportCounts) -> JSONValue {
        .object([("path", .string(counts.path))] + countFields(counts))
    }

    static func counts(_ counts: ReportCounts, reports: Int) -> JSONValue {
        .object([("reports", .int(reports))] + countFields(counts))
    }

    static func countFields(_ counts: ReportCounts) -> [(String, JSONValue)] {
        [
            ("figures_read", .int(counts.figuresRead)),
            ("figures_used", .int(counts.figuresUsed)),
            ("coverage", counts.coverage.map { .number(($0 * 10_000).rounded() / 10_000) } ?? .null),
            ("checks_run", .int(counts.checksRun)),
            ("checks_passed", .int(counts.checksPassed)),
            ("findings", .object([("error", .int(counts.errors)), ("warning", .int(counts.warnings)), ("info", .int(counts.infos))])),
        ]
    }

    static func discrepancy(_ row: Discrepancy) -> JSONValue {
        let finding = row.finding
        let labels = [finding.primary] + finding.related
        let figures = zip(labels, row.figureTexts).enumerated().map { position, pair -> JSONValue in
            let (label, text) = pair
            return .object([
                ("role", .string(label.message)),
                ("primary", .bool(position == 0)),
                ("text", .string(text)),
                ("path", .string(label.span.path)),
                ("line", .int(label.span.start.line)),
                ("column", .int(label.span.start.column)),
                ("offset", .int(label.span.bytes.lowerBound)),
                ("end_offset", .int(label.span.bytes.upperBound)),
            ])
        }
        let evidence: JSONValue = finding.evidence.map { evidence in
            .object([("stated", bounds(evidence.stated)), ("computed", bounds(evidence.computed))])
        } ?? .null
        return .object([
            ("severity", .string(row.severity.rawValue)),
            ("rule", .string(finding.ruleID)),
            ("message", .string(finding.message)),
            ("path", .string(row.path)),
            ("line", .int(row.location.line)),
            ("column", .int(row.location.column)),
            ("stated", .string(row.stated)),
            ("implied", .string(row.implied)),
            ("gap", row.gap.map { .number($0) } ?? .null),
            ("gap_text", .string(row.gapText)),
            ("date", .bool(row.isDate)),
            ("computation", .array(row.computation.map { .string($0) })),
            ("figures", .array(figures)),
            ("evidence", evidence),
        ])
    }

    static func bounds(_ interval: Interval) -> JSONValue {
        .object([
            ("lower", interval.lower.isFinite ? .number(interval.lower) : .null),
            ("upper", interval.upper.isFinite ? .number(interval.upper) : .null),
            ("lower_closed", .bool(interval.lowerIsClosed)),
            ("upper_closed", .bool(interval.upperIsClosed)),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("path", .string(diagnostic.path)),
            ("line", diagnostic.location.map { .int($0.line) } ?? .null),
            ("column", diagnostic.location.map { .int($0.column) } ?? .null),
            ("message", .string(diagnostic.message)),
            ("help", diagnostic.help.map { .string($0) } ?? .null),
        ])
    }
}
