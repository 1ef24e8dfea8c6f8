import FactlintKit
import Foundation

/// Prints the findings of a run in one format: text and line findings as each report comes
/// in, the machine formats as one document at the end, then the findings about facts compared
/// across reports and the closing counts. `lint` and `merge` print through it, so a merged run
/// prints exactly what one run over all the files prints.
struct RunPrinter {
    let format: LintFormat
    let output: String?
    let failOn: FailLevel
    let rules: [Rule]
    let text: TextReporter
    let line = LineReporter()

    /// What goes to `--output` when it is given.
    private var written = ""
    private var reports: [DocumentReport] = []
    private var counts: [Severity: Int] = [:]
    private var figuresRead = 0
    private var figuresUsed = 0
    /// The statements of facts compared across reports.
    private var facts = CorpusFacts()
    /// Each report's suppressions that may silence a finding across reports, in the order of the run.
    private var held = HeldSuppressions()
    /// Whether a finding reached `failOn`.
    private(set) var failing = false

    init(format: LintFormat, output: String?, failOn: FailLevel, rules: [Rule], useColor: Bool) {
        self.format = format
        self.output = output
        self.failOn = failOn
        self.rules = rules
        self.text = TextReporter(useColor: useColor)
    }

    private mutating func emit(_ chunk: String) {
        if output == nil { Swift.print(chunk) } else { written += chunk + "\n" }
    }

    /// Prints or keeps one report's findings; `quoting` gives the lines the text format shows.
    mutating func add(_ document: DocumentReport, quoting: (String, Int) -> QuotedLine?) {
        var document = document
        figuresRead += document.figuresRead
        figuresUsed += document.figuresUsed
        facts.add(document.facts)
        document.facts = []
        held.add(document, quoting: quoting)
        for finding in document.findings { print(finding, quoting: quoting) }
        if !format.isStreaming {
            // The machine formats need each report's path and findings, not its text.
            document.source = SourceFile(path: document.source.path, bytes: [])
            reports.append(document)
        }
    }

    private mutating func print(_ finding: Finding, quoting: (String, Int) -> QuotedLine?) {
        counts[finding.severity, default: 0] += 1
        if let threshold = failOn.threshold, finding.severity >= threshold { failing = true }
        switch format {
        case .text: emit(text.render(finding, quoting: quoting))
        case .line: emit(line.render(finding))
        default: break
        }
    }

    /// Compares the facts kept across reports, prints what that finds, then the counts and the
    /// machine formats, and writes `--output`.
    ///
    /// - Parameter acrossReports: sees, and may leave out, the findings made once every report is
    ///   read (across reports, and about suppressions held for them), with the lines they quote;
    ///   `lint` and `merge` record them in a baseline or hold them against one there.
    /// - Returns: a diagnostic when the output file cannot be written.
    mutating func finish(
        files: Int, diagnostics: [Diagnostic],
        acrossReports: (inout [Finding], (String, Int) -> QuotedLine?) -> Void = { _, _ in }
    ) -> Diagnostic? {
        let corpus = facts.evaluate(rules: rules)
        var standing = held.silence(corpus.findings, runningRules: Set(rules.map(\.id)))
        let quoting: (String, Int) -> QuotedLine? = { [held] path, line in corpus.lines[path]?[line] ?? held.line(path, line) }
        acrossReports(&standing, quoting)
        // The machine formats place each finding in its report, in reading order.
        let reportIndex = Dictionary(reports.indices.map { (reports[$0].source.path, $0) }, uniquingKeysWith: { first, _ in first })
        var touched: Set<Int> = []
        for finding in standing {
            print(finding, quoting: quoting)
            if let index = reportIndex[finding.path] {
                reports[index].findings.append(finding)
                touched.insert(index)
            }
        }
        for index in touched { reports[index].findings.sort(by: Finding.inReadingOrder) }
        let summary = Lint.summary(files: files, rules: rules.count, counts: counts, figuresRead: figuresRead, figuresUsed: figuresUsed)
        if format == .text { emit(summary) } else { Output.error(summary) }
        let baseDirectory = FileManager.default.currentDirectoryPath
        let reporter = format.runReporter(toolVersion: Factlint.configuration.version, baseDirectory: baseDirectory)
        guard let output else {
            reporter?.write(reports: reports, rules: rules, diagnostics: diagnostics) { Swift.print($0, terminator: "") }
            return nil
        }
        // Piece by piece into the temporary file, which replaces the output only when whole; the
        // text and line formats have their findings written already.
        do {
            try AtomicFile.write(to: output) { write in
                guard let reporter else { return write(written) }
                reporter.write(reports: reports, rules: rules, diagnostics: diagnostics, to: write)
            }
        } catch {
            return error
        }
        return nil
    }
}
