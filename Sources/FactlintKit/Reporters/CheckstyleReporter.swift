/// Renders a run as checkstyle XML, which review bots and many CI plugins read:
/// a `<file name>` per report, with an `<error line column severity message source>` per finding.
///
/// Severities are `error`, `warning` and `info`; `source` is the rule's id. A report without
/// findings is an empty `<file>`, so a reader knows it was checked. Problems with the input
/// are errors with the source `factlint`.
public struct CheckstyleReporter: PiecewiseRunReporter {
    public init() {}

    /// Writes one `<file>` at a time.
    public func write(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic], to write: (String) -> Void) {
        write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
        var diagnosticsByPath: [String: [Diagnostic]] = [:]
        var paths: [String] = []
        for diagnostic in diagnostics {
            if diagnosticsByPath[diagnostic.path] == nil { paths.append(diagnostic.path) }
            diagnosticsByPath[diagnostic.path, default: []].append(diagnostic)
        }
        var seen = Set(paths)
        for report in reports where seen.insert(report.source.path).inserted { paths.append(report.source.path) }
        let findingsByPath = Dictionary(grouping: reports.flatMap(\.findings), by: \.path)
        for path in paths {
            let problems = (diagnosticsByPath[path] ?? []).map(CheckstyleReporter.error(for:))
                + (findingsByPath[path] ?? []).map(CheckstyleReporter.error(for:))
            guard !problems.isEmpty else {
                write("  <file name=\"\(path.escapedForXML())\"/>\n")
                continue
            }
            write("  <file name=\"\(path.escapedForXML())\">\n" + problems.joined() + "  </file>\n")
        }
        write("</checkstyle>\n")
    }

    static func error(for finding: Finding) -> String {
        let start = finding.primary.span.start
        return "    <error line=\"\(start.line)\" column=\"\(start.column)\" severity=\"\(finding.severity.rawValue)\" "
            + "message=\"\(finding.message.escapedForXML())\" source=\"\(finding.ruleID.escapedForXML())\"/>\n"
    }

    static func error(for diagnostic: Diagnostic) -> String {
        let line = diagnostic.location.map { " line=\"\($0.line)\" column=\"\($0.column)\"" } ?? " line=\"0\""
        var message = diagnostic.message
        if let help = diagnostic.help { message += " (\(help))" }
        return "    <error\(line) severity=\"error\" message=\"\(message.escapedForXML())\" source=\"factlint\"/>\n"
    }
}
