/// What a run found, arranged for an editor: a line of counts per report, every discrepancy as
/// a row (worst first, then largest gap first), and totals across the reports.
///
/// Each summary format (text table, Markdown, JSON, HTML) renders this one model, so they all
/// list the same discrepancies with the same values.
public struct DiscrepancySummary: Sendable {
    /// The counts for each report, in the order the reports were read.
    public private(set) var reports: [ReportCounts]
    /// Every finding of every report, worst first.
    ///
    /// - Complexity: O(f log f): the rows are kept in the order they were added and sorted here.
    public var discrepancies: [Discrepancy] { rows.sorted(by: Discrepancy.worstFirst) }
    /// Every finding of every report, in the order the reports were added.
    private var rows: [Discrepancy]
    /// The counts across all reports.
    public private(set) var totals: ReportCounts
    /// How many rules ran.
    public var rules: Int
    /// Problems with factlint's input.
    public var diagnostics: [Diagnostic]

    /// Arranges a run.
    ///
    /// - Parameters:
    ///   - reports: the reports linted, in the order they were read.
    ///   - rules: the rules that ran.
    ///   - diagnostics: problems with the input.
    /// - Complexity: O(f log f) in the number of findings, plus the text of each figure they name.
    public init(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic] = []) {
        self.init(rules: rules.count, diagnostics: diagnostics)
        for report in reports { add(report) }
    }

    /// An empty summary, to which reports are added as they are linted.
    public init(rules: Int, diagnostics: [Diagnostic] = []) {
        self.reports = []
        self.rows = []
        self.totals = ReportCounts(totalOf: [])
        self.rules = rules
        self.diagnostics = diagnostics
    }

    /// Adds a report's counts and findings; the report itself need not be kept.
    ///
    /// - Complexity: O(f) for a report with f findings, plus the text of each figure they name.
    public mutating func add(_ report: DocumentReport) {
        let reportIndex = reports.count
        let counts = ReportCounts(report)
        reports.append(counts)
        totals.add(counts, reports: reports.count)
        for (findingIndex, finding) in report.findings.enumerated() {
            rows.append(Discrepancy(finding: finding, source: report.source, report: reportIndex, index: findingIndex))
        }
    }

    /// Adds what comparing facts across reports found, reading each figure's words from the
    /// lines the findings quote.
    public mutating func addAcrossReports(_ outcome: CorpusCheck.Outcome) {
        addAcrossReports(outcome.findings, checksRun: outcome.checksRun) { label in
            guard let line = outcome.lines[label.span.path]?[label.span.start.line] else { return nil }
            let bytes = Array(line.text.utf8)
            let lower = label.span.bytes.lowerBound - line.start
            let upper = min(label.span.bytes.upperBound - line.start, bytes.count)
            guard lower >= 0, lower < upper else { return nil }
            return String(decoding: bytes[lower..<upper], as: UTF8.self)
        }
    }

    /// Adds findings that compare reports with each other (rules of scope `corpus`), each to
    /// the report it is placed in, and the checks that compared them to the totals.
    ///
    /// - Parameters:
    ///   - findings: the findings, each placed in a report already added.
    ///   - checksRun: how many comparisons across reports were decided.
    ///   - text: the words a label marks, from the lines the findings quote.
    public mutating func addAcrossReports(_ findings: [Finding], checksRun: Int, text: (Label) -> String?) {
        totals.checksRun += checksRun
        totals.checksPassed += max(0, checksRun - findings.count)
        for finding in findings {
            guard let reportIndex = reports.firstIndex(where: { $0.path == finding.path }) else { continue }
            let index = rows.filter { $0.report == reportIndex }.count
            rows.append(Discrepancy(finding: finding, report: reportIndex, index: index, text: text))
            var counts = ReportCounts(path: finding.path, figuresRead: 0, figuresUsed: 0, checksRun: 0, checksPassed: 0, errors: 0, warnings: 0, infos: 0)
            switch finding.severity {
            case .error: counts.errors = 1
            case .warning: counts.warnings = 1
            case .info: counts.infos = 1
            }
            reports[reportIndex].add(counts, path: reports[reportIndex].path)
            totals.add(counts, reports: reports.count)
        }
    }

    /// The findings of one report, in the summary's order.
    public func discrepancies(inReport report: Int) -> [Discrepancy] {
        rows.filter { $0.report == report }.sorted(by: Discrepancy.worstFirst)
    }
}
