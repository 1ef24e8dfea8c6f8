import ArgumentParser
import FactlintKit
import Foundation

/// `factlint summary`: what does not add up in each report, where, and by how much.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise the discrepancies in reports: a table for the terminal, Markdown, JSON or an HTML page."
    )

    @Argument(help: ArgumentHelp("Report files, folders of reports or patterns.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "Output format: text (a table as wide as the terminal), markdown, json or html.")
    var format: SummaryFormat = .text

    @Option(help: ArgumentHelp("Write the summary to this file, replacing it whole, instead of to standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var failOptions: FailOptions

    @Option(help: ArgumentHelp("Leave out the findings that this baseline file holds.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The name to give the report read from standard input ('-').", valueName: "name"))
    var stdinFilename: String?

    @OptionGroup var jobs: JobOptions

    @OptionGroup var cacheOptions: CacheOptions

    func run() throws {
        let problems = InputProblems()
        let configuration = try configOptions.load()
        let run = try ruleOptions.lintRun(configuration, report: problems.report)
        let failOn = failOptions.level(configuration)
        let (files, pathDiagnostics) = run.files(for: paths.isEmpty ? configuration.paths ?? ["Reports"] : paths)
        pathDiagnostics.forEach(problems.report)
        // With a baseline, the findings it records are left out, as `lint` leaves them out.
        var heldBack = BaselineRun(reading: baseline ?? configuration.baseline, writingTo: nil, problems: problems)

        var summary = DiscrepancySummary(rules: run.rules.count)
        // Only the HTML page shows the reports' text; the other formats keep just the counts and rows.
        var texts = ReportTexts()
        // The statements of facts compared across reports, held against each other at the end.
        var facts = CorpusFacts()
        // Suppressions that may silence a finding across reports, judged with those findings.
        var held = HeldSuppressions()
        var failing = false
        let progress = ProgressLine(total: files.count)
        var done = 0
        let cache = try cacheOptions.load(for: run)
        var cacheLines: [(path: String, line: String)] = []
        run.lint(files: files, jobs: jobs.count, standardInputName: stdinFilename ?? "<stdin>", cache: cache?.cache) { outcome in
            if let line = outcome.cacheLine { cacheLines.append((outcome.path, line)) }
            // Outcomes come in the order of `files`, one each.
            let file = done < files.count ? files[done] : LintRun.standardInputPath
            done += 1
            progress.update(done: done)
            outcome.diagnostics.forEach(problems.report)
            guard var document = outcome.report else { return }
            document.findings = heldBack.newFindings(document.findings, entries: Baseline.entries(of: document))
            if let threshold = failOn.threshold, document.findings.contains(where: { $0.severity >= threshold }) { failing = true }
            facts.add(document.facts)
            let source = document.source
            held.add(document) { _, line in QuotedLine(source: source, line: line) }
            summary.add(document)
            if format == .html { texts.add(document.source, readFrom: file == LintRun.standardInputPath ? nil : file) }
        }
        progress.finish()
        cacheOptions.save(cache, lines: cacheLines, problems: problems)
        var corpus = facts.evaluate(rules: run.rules)
        corpus.findings = held.silence(corpus.findings, runningRules: Set(run.rules.map(\.id)))
        let lines = corpus.lines
        heldBack.newFindings(acrossReports: &corpus.findings) { path, line in lines[path]?[line] ?? held.line(path, line) }
        if let threshold = failOn.threshold, corpus.findings.contains(where: { $0.severity >= threshold }) { failing = true }
        summary.addAcrossReports(corpus)
        // Problems with the input are on stderr already; a table on the same terminal need not repeat them.
        if format != .text || output != nil { summary.diagnostics = problems.diagnostics }

        // The page and the JSON go out a report at a time; the tables are small, and go out whole.
        let produce: ((String) -> Void) -> Void
        switch format {
        case .text:
            let rendered = SummaryTextReporter(width: output == nil ? Terminal.width() : 80).render(summary)
            produce = { $0(rendered) }
        case .markdown:
            let rendered = SummaryMarkdownReporter().render(summary)
            produce = { $0(rendered) }
        case .json:
            produce = { [summary] in SummaryJSONReporter().write(summary, to: $0) }
        case .html:
            produce = { [summary, texts] write in
                let unquoted = SummaryHTMLReporter().write(summary, texts: texts, to: write)
                for index in unquoted {
                    problems.report(Diagnostic(
                        path: texts.path(at: index), message: "the report changed while factlint read the reports, so the page leaves out its text",
                        help: "run factlint summary again once the reports are saved"
                    ))
                }
            }
        }
        if let output {
            do {
                try AtomicFile.write(to: output, produce)
            } catch {
                problems.report(error)
            }
        } else {
            produce { print($0, terminator: "") }
        }
        if problems.failed { throw Exit.failure }
        if failing { throw Exit.findings }
    }
}

/// The output formats of `factlint summary`.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html
}

/// The terminal factlint writes to.
enum Terminal {
    /// How many columns the output may use: `$COLUMNS` when it is set to a number, else the
    /// terminal's width when standard output is one, else 80.
    static func width(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let columns = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), columns > 0 {
            return columns
        }
        if Output.stdoutIsTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        return 80
    }
}
