/// The suppressions reports hold for findings across reports (`DocumentReport.heldSuppressions`),
/// gathered report by report with the lines they are written on, and judged once every report
/// is linted and those findings are known.
public struct HeldSuppressions: Sendable {
    private var reports: [(path: String, directives: [SuppressionDirective])] = []
    private var lines: [String: [Int: QuotedLine]] = [:]

    public init() {}

    /// Keeps a report's held suppressions; `quoting` gives the line each is written on.
    public mutating func add(_ report: DocumentReport, quoting: (String, Int) -> QuotedLine?) {
        guard !report.heldSuppressions.isEmpty else { return }
        let path = report.source.path
        reports.append((path, report.heldSuppressions))
        for directive in report.heldSuppressions {
            let number = directive.span.start.line
            if let quoted = quoting(path, number) { lines[path, default: [:]][number] = quoted }
        }
    }

    /// The line of a report a held suppression is written on, for quoting a finding about it.
    public func line(_ path: String, _ number: Int) -> QuotedLine? { lines[path]?[number] }

    /// Drops the findings across reports that the held suppressions silence, and adds a finding
    /// for each held suppression that silenced nothing, in its report or across reports.
    ///
    /// - Parameter findings: the findings across reports, each placed in a report by its path.
    /// - Returns: the findings that stand, then the findings about unused suppressions, in the order the reports were added.
    public func silence(_ findings: [Finding], runningRules: Set<String>) -> [Finding] {
        var reports = reports
        let position = Dictionary(reports.indices.map { (reports[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        var standing: [Finding] = []
        for finding in findings {
            var silenced = false
            if let report = position[finding.path] {
                for index in reports[report].directives.indices where reports[report].directives[index].reaches(finding) {
                    reports[report].directives[index].used = true
                    silenced = true
                }
            }
            if !silenced { standing.append(finding) }
        }
        return standing + reports.flatMap { $0.directives.compactMap { $0.unusedFinding(runningRules: runningRules) } }
    }
}
