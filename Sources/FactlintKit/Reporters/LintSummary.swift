/// The counts that close a run: how much was read and what was found.
public struct LintSummary: Sendable, Hashable {
    public var reports: Int
    public var rules: Int
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var figuresRead: Int
    /// Figures at least one rule compared with another.
    public var figuresUsed: Int

    /// The counts of a run.
    ///
    /// - Complexity: O(findings).
    public init(reports: [DocumentReport], rules: Int) {
        self.reports = reports.count
        self.rules = rules
        let findings = reports.flatMap(\.findings)
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.filter { $0.severity == .warning }.count
        infos = findings.filter { $0.severity == .info }.count
        figuresRead = reports.reduce(0) { $0 + $1.figuresRead }
        figuresUsed = reports.reduce(0) { $0 + $1.figuresUsed }
    }

    public var findings: Int { errors + warnings + infos }
}
