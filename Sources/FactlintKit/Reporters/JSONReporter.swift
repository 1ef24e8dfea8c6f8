import FactlintFigures
import Foundation

/// Renders a run as one JSON document, for scripts and editors.
///
/// The schema is versioned; a change that removes or renames a field raises `version`.
/// Version 1:
///
/// ```
/// {"version": 1,
///  "findings": [{"rule", "severity", "message", "path", "label",
///                "span": {"start": {"line", "column", "offset"}, "end": {…}},
///                "related": [{"message", "path", "span"}],
///                "evidence": {"stated": {"lower", "upper", "lowerClosed", "upperClosed"},
///                             "computed": {…}, "gap", "date"}}],
///  "summary": {"reports", "rules", "errors", "warnings", "infos", "figures_read", "figures_used"},
///  "diagnostics": [{"path", "line", "column", "message", "help"}]}
/// ```
///
/// Lines and columns count from 1, columns in Unicode scalars; offsets are UTF-8 byte offsets
/// from 0, and `end` is just after the span. An unbounded end of an interval, a missing
/// `evidence`, `line`, `column` or `help` is `null`. Severities are `error`, `warning` or `info`.
public struct JSONReporter: PiecewiseRunReporter {
    /// The schema version this reporter writes.
    public static let version = 1

    public init() {}

    /// Writes the document around the findings, and the findings one at a time.
    public func write(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic], to write: (String) -> Void) {
        let run = Run(
            version: JSONReporter.version,
            findings: JSONSplice.Placeholder(),
            summary: Run.Summary(LintSummary(reports: reports, rules: rules.count)),
            diagnostics: diagnostics.map(Run.Diagnostic.init)
        )
        let findings = reports.lazy.flatMap(\.findings).map(Run.Finding.init)
        // Every number is finite by construction (unbounded ends are nil), so encoding cannot fail.
        if !JSONSplice().write(run, splicing: findings, to: write) {
            write("{\"version\": \(JSONReporter.version), \"findings\": [], \"diagnostics\": []}\n")
        }
    }
}

extension JSONReporter {
    /// The document, field for field.
    struct Run: Encodable {
        var version: Int
        /// Where the findings go, each encoded as a `Finding`.
        var findings: JSONSplice.Placeholder
        var summary: Summary
        var diagnostics: [Diagnostic]

        struct Position: Encodable {
            var line: Int
            var column: Int
            var offset: Int
        }

        struct Span: Encodable {
            var start: Position
            var end: Position

            init(_ span: SourceSpan) {
                start = Position(line: span.start.line, column: span.start.column, offset: span.bytes.lowerBound)
                end = Position(line: span.end.line, column: span.end.column, offset: span.bytes.upperBound)
            }
        }

        struct Related: Encodable {
            var message: String
            var path: String
            var span: Span
        }

        struct Bounds: Encodable {
            var lower: Double?
            var upper: Double?
            var lowerClosed: Bool
            var upperClosed: Bool

            init(_ interval: Interval) {
                lower = interval.lower.isFinite ? interval.lower : nil
                upper = interval.upper.isFinite ? interval.upper : nil
                lowerClosed = interval.lowerIsClosed
                upperClosed = interval.upperIsClosed
            }

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(lower, forKey: .lower)
                try container.encode(upper, forKey: .upper)
                try container.encode(lowerClosed, forKey: .lowerClosed)
                try container.encode(upperClosed, forKey: .upperClosed)
            }

            enum CodingKeys: String, CodingKey { case lower, upper, lowerClosed, upperClosed }
        }

        struct Evidence: Encodable {
            var stated: Bounds
            var computed: Bounds
            var gap: Double?
            var date: Bool

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(stated, forKey: .stated)
                try container.encode(computed, forKey: .computed)
                try container.encode(gap, forKey: .gap)
                try container.encode(date, forKey: .date)
            }

            enum CodingKeys: String, CodingKey { case stated, computed, gap, date }
        }

        struct Finding: Encodable {
            var rule: String
            var severity: String
            var message: String
            var path: String
            var label: String
            var span: Span
            var related: [Related]
            var evidence: Evidence?

            init(_ finding: FactlintKit.Finding) {
                rule = finding.ruleID
                severity = finding.severity.rawValue
                message = finding.message
                path = finding.path
                label = finding.primary.message
                span = Span(finding.primary.span)
                related = finding.related.map { Related(message: $0.message, path: $0.span.path, span: Span($0.span)) }
                evidence = finding.evidence.map {
                    Evidence(stated: Bounds($0.stated), computed: Bounds($0.computed), gap: $0.gap.isFinite ? $0.gap : nil, date: $0.isDate)
                }
            }

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(rule, forKey: .rule)
                try container.encode(severity, forKey: .severity)
                try container.encode(message, forKey: .message)
                try container.encode(path, forKey: .path)
                try container.encode(label, forKey: .label)
                try container.encode(span, forKey: .span)
                try container.encode(related, forKey: .related)
                try container.encode(evidence, forKey: .evidence)
            }

            enum CodingKeys: String, CodingKey { case rule, severity, message, path, label, span, related, evidence }
        }

        struct Summary: Encodable {
            var reports: Int
            var rules: Int
            var errors: Int
            var warnings: Int
            var infos: Int
            var figuresRead: Int
            var figuresUsed: Int

            init(_ summary: LintSummary) {
                reports = summary.reports
                rules = summary.rules
                errors = summary.errors
                warnings = summary.warnings
                infos = summary.infos
                figuresRead = summary.figuresRead
                figuresUsed = summary.figuresUsed
            }

            enum CodingKeys: String, CodingKey {
                case reports, rules, errors, warnings, infos
                case figuresRead = "figures_read"
                case figuresUsed = "figures_used"
            }
        }

        struct Diagnostic: Encodable {
            var path: String
            var line: Int?
            var column: Int?
            var message: String
            var help: String?

            init(_ diagnostic: FactlintKit.Diagnostic) {
                path = diagnostic.path
                line = diagnostic.location?.line
                column = diagnostic.location?.column
                message = diagnostic.message
                help = diagnostic.help
            }

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(path, forKey: .path)
                try container.encode(line, forKey: .line)
                try container.encode(column, forKey: .column)
                try container.encode(message, forKey: .message)
                try container.encode(help, forKey: .help)
            }

            enum CodingKeys: String, CodingKey { case path, line, column, message, help }
        }
    }
}
