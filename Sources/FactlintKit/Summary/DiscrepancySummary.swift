import FactlintFigures

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

/// One finding as a row of the summary: where, which rule, what the text states, what the
/// other figures imply, and the gap between them.
public struct Discrepancy: Sendable {
    /// The ids of the findings that are about suppression comments rather than figures.
    static let suppressionRuleIDs: Set<String> = [Suppressions.unusedRuleID, Suppressions.unknownRuleID]

    public var finding: Finding
    /// The index of the report in the run, and of the finding in the report's reading order.
    public var report: Int
    public var index: Int
    /// What the text states: the primary figure as written ("15"), with its role ("total").
    public var stated: String
    /// What the other figures imply: the computed value and how ("12 (2 + 6 + 4)"), or the
    /// other statements of the fact ("Elsa Varonen, line 18"); empty when nothing else is involved.
    public var implied: String
    /// How far apart the two are ("3", "195 days"); nil when the finding has no evidence.
    public var gap: Double?
    public var gapText: String
    /// The computation behind the finding, a line at a time, built from its labels and evidence:
    /// "2 + 6 + 4 = 12, but the total is 15".
    public var computation: [String]
    /// The text of each figure the finding names: the primary one first, then each related one.
    public var figureTexts: [String]

    public var severity: Severity { finding.severity }
    public var path: String { finding.path }
    public var location: SourceLocation { finding.primary.span.start }
    public var isDate: Bool { finding.evidence?.isDate ?? false }

    /// The row for a finding of the report in `source`.
    public init(finding: Finding, source: SourceFile, report: Int, index: Int) {
        self.init(finding: finding, report: report, index: index) { label in
            label.span.path == source.path ? source.text(label.span.bytes) : nil
        }
    }

    /// The row for a finding whose figures `text` reads: the words a label marks, or nil when
    /// they cannot be read (then the label's role stands for them).
    public init(finding: Finding, report: Int, index: Int, text read: (Label) -> String?) {
        self.finding = finding
        self.report = report
        self.index = index
        func text(_ label: Label) -> String {
            read(label)?.collapsingWhitespace() ?? label.message
        }
        let primaryText = text(finding.primary)
        let relatedTexts = finding.related.map(text)
        figureTexts = [primaryText] + relatedTexts
        let primaryLine = finding.primary.span.start.line
        let primaryPath = finding.primary.span.path
        func place(_ label: Label) -> String {
            if label.span.path != primaryPath { return "\(label.span.path):\(label.span.start.line)" }
            return label.span.start.line == primaryLine ? "same line" : "line \(label.span.start.line)"
        }

        guard let evidence = finding.evidence else {
            // A suppression comment, or a fact stated twice: show the words, not numbers.
            if finding.related.isEmpty {
                stated = Discrepancy.suppressionRuleIDs.contains(finding.ruleID) ? primaryText : "\(primaryText) (\(finding.primary.message))"
                implied = ""
                computation = [finding.message]
            } else {
                stated = "\(primaryText) (\(finding.primary.message))"
                implied = zip(finding.related, relatedTexts).map { "\($1) (\($0.message), \(place($0)))" }.joined(separator: "; ")
                computation = ["\(finding.primary.message): \(primaryText)"]
                    + zip(finding.related, relatedTexts).map { "\($0.message): \($1) (\(place($0)))" }
            }
            gap = nil
            gapText = "–"
            return
        }

        gap = evidence.gap.isFinite ? evidence.gap : nil
        if evidence.isDate {
            let days = Int(evidence.gap)
            gapText = evidence.gap.isFinite ? "\(days) day\(days == 1 ? "" : "s")" : "–"
            stated = "\(primaryText) (\(finding.primary.message))"
            let others = zip(finding.related, relatedTexts).map { "\($1) (\($0.message), \(place($0)))" }
            implied = others.isEmpty ? Evidence.describeDays(evidence.computed) : others.joined(separator: "; ")
            // Each date as written and as a calendar date, so the order can be checked at a glance.
            let otherDate = finding.related.count == 1 ? "\(Evidence.describeDays(evidence.computed)), " : ""
            computation = ["\(finding.primary.message): \(primaryText) (\(Evidence.describeDays(evidence.stated)))"]
                + zip(finding.related, relatedTexts).map { "\($0.message): \($1) (\(otherDate)\(place($0)))" }
                + ["\(days) day\(days == 1 ? "" : "s") apart"]
            return
        }

        gapText = evidence.gap.isFinite ? Interval.format(evidence.gap) : "–"
        let computed = evidence.computed.description
        stated = "\(primaryText) (\(finding.primary.message))"
        // Parts summed to a total: the sum written out, as an editor would check it by hand.
        let roles = Set(finding.related.map(\.message))
        if finding.related.count >= 2, roles.count == 1 {
            let sum = relatedTexts.map { Discrepancy.numeral($0) }.joined(separator: " + ")
            implied = "\(computed) (\(sum))"
            computation = ["\(sum) = \(computed), but the \(finding.primary.message) is \(primaryText) (gap \(gapText))"]
        } else if finding.related.isEmpty {
            implied = computed
            computation = ["the text states \(primaryText) (\(evidence.stated)), but the figures imply \(computed) (gap \(gapText))"]
        } else {
            let others = zip(finding.related, relatedTexts).map { "\($1) (\($0.message))" }.joined(separator: ", ")
            implied = computed == relatedTexts.first && finding.related.count == 1 ? "\(computed) (\(finding.related[0].message))" : "\(computed) from \(others)"
            computation = ["\(finding.primary.message): \(primaryText)"]
                + zip(finding.related, relatedTexts).map { "\($0.message): \($1) (\(place($0)))" }
                + ["stated \(evidence.stated), computed \(computed), gap \(gapText)"]
        }
    }

    /// A part as a numeral when it is an exact number in words ("twenty-three" → "23"), as the
    /// checks write their sums; else as written ("about 40", "over 100").
    static func numeral(_ text: String) -> String {
        let figures = FigureRecognizer().figures(in: text)
        guard figures.count == 1, let figure = figures.first, figure.value.isExact, figure.bytes == 0..<text.utf8.count else { return text }
        return Interval.format(figure.stated)
    }

    /// Worst severity first, then the largest gap (findings without one after those with one),
    /// then reading order, so equal rows keep a stable place.
    public static func worstFirst(_ left: Discrepancy, _ right: Discrepancy) -> Bool {
        if left.severity != right.severity { return left.severity > right.severity }
        switch (left.gap, right.gap) {
        case let (l?, r?) where l != r: return l > r
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if left.report != right.report { return left.report < right.report }
        if left.location != right.location { return left.location < right.location }
        return left.index < right.index
    }
}

extension String {
    /// Runs of whitespace, line breaks included, as one space, so a figure written across a
    /// line break reads as one phrase.
    func collapsingWhitespace() -> String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
