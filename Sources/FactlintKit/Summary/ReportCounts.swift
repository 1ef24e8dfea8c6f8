/// How much of one report (or of all of them) was read and checked, and what was found.
public struct ReportCounts: Sendable, Hashable {
    /// The report's path; for totals, the number of reports ("8 reports").
    public var path: String
    public var figuresRead: Int
    /// Figures at least one rule compared with another.
    public var figuresUsed: Int
    public var checksRun: Int
    /// Checks that led to no finding (including those a suppression or a tolerance let pass).
    public var checksPassed: Int
    public var errors: Int
    public var warnings: Int
    public var infos: Int

    public init(path: String, figuresRead: Int, figuresUsed: Int, checksRun: Int, checksPassed: Int, errors: Int, warnings: Int, infos: Int) {
        self.path = path
        self.figuresRead = figuresRead
        self.figuresUsed = figuresUsed
        self.checksRun = checksRun
        self.checksPassed = checksPassed
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
    }

    /// The counts of one report.
    public init(_ report: DocumentReport) {
        let bySeverity = Dictionary(grouping: report.findings, by: \.severity).mapValues(\.count)
        // Findings about suppressions come from no check, so they do not make a check fail.
        let failedChecks = report.findings.filter { !Discrepancy.suppressionRuleIDs.contains($0.ruleID) }.count
        self.init(
            path: report.source.path, figuresRead: report.figuresRead, figuresUsed: report.figuresUsed,
            checksRun: report.checksRun, checksPassed: max(0, report.checksRun - failedChecks),
            errors: bySeverity[.error] ?? 0, warnings: bySeverity[.warning] ?? 0, infos: bySeverity[.info] ?? 0
        )
    }

    /// The sums of several reports' counts.
    init(totalOf reports: [ReportCounts]) {
        self.init(
            path: "\(reports.count) report\(reports.count == 1 ? "" : "s")",
            figuresRead: reports.reduce(0) { $0 + $1.figuresRead }, figuresUsed: reports.reduce(0) { $0 + $1.figuresUsed },
            checksRun: reports.reduce(0) { $0 + $1.checksRun }, checksPassed: reports.reduce(0) { $0 + $1.checksPassed },
            errors: reports.reduce(0) { $0 + $1.errors }, warnings: reports.reduce(0) { $0 + $1.warnings }, infos: reports.reduce(0) { $0 + $1.infos }
        )
    }

    /// Adds another report's counts to these totals, now over `reports` reports.
    mutating func add(_ other: ReportCounts, reports: Int) {
        add(other, path: "\(reports) report\(reports == 1 ? "" : "s")")
    }

    /// Adds other counts to these, under `path`.
    mutating func add(_ other: ReportCounts, path: String) {
        self.path = path
        figuresRead += other.figuresRead
        figuresUsed += other.figuresUsed
        checksRun += other.checksRun
        checksPassed += other.checksPassed
        errors += other.errors
        warnings += other.warnings
        infos += other.infos
    }

    public var findings: Int { errors + warnings + infos }

    /// The share of figures read that some rule used, from 0 to 1; nil when no figure was read.
    public var coverage: Double? {
        figuresRead > 0 ? Double(figuresUsed) / Double(figuresRead) : nil
    }

    /// "38%", or "–" when no figure was read.
    public var coverageText: String {
        coverage.map { "\(Int(($0 * 100).rounded(.down)))%" } ?? "–"
    }

    /// "4 errors, 2 warnings", "1 note", or "none".
    public var findingsText: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var parts: [String] = []
        if errors > 0 { parts.append(plural(errors, "error")) }
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        if infos > 0 { parts.append(plural(infos, "note")) }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
