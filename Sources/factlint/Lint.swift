import ArgumentParser
import FactlintKit
import Foundation

/// `factlint lint`: check reports against the rules and print the findings.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint reports (default: Reports/ with the rules in Rules/)."
    )

    @Argument(help: ArgumentHelp("Report files or folders of reports.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var outputOptions: LintOutputOptions

    @OptionGroup var failOptions: FailOptions

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The name to give the report read from standard input ('-').", valueName: "name"))
    var stdinFilename: String?

    @Option(help: ArgumentHelp("Report only findings that this baseline file does not hold.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record today's findings in this file, to adopt factlint on old reports.", valueName: "file"))
    var writeBaseline: String?

    @OptionGroup var jobs: JobOptions

    @OptionGroup var shardOptions: ShardOptions

    @Flag(help: "Print where the time went, reading reports and each rule, slowest first, to standard error.")
    var timing = false

    /// Where to read about factlint, for SARIF's `informationUri`; nil until factlint has a public home.
    static let homepage: String? = nil

    func run() throws {
        let problems = InputProblems()
        let configuration = try configOptions.load()
        var run = try ruleOptions.lintRun(configuration, report: problems.report)
        run.timesRules = timing
        var timings = Timings()
        let failOn = failOptions.level(configuration)
        let inputs = paths.isEmpty ? configuration.paths ?? ["Reports"] : paths
        let (allFiles, pathDiagnostics) = run.files(for: inputs)
        pathDiagnostics.forEach(problems.report)
        let files = LintRun.shard(allFiles, shardOptions.value).map(\.path)
        // With a baseline, findings it records are left out; each recorded finding absorbs one.
        var loadedBaseline: Baseline?
        // The configuration's baseline is not read while a new one is being written.
        if let baseline = baseline ?? (writeBaseline == nil ? configuration.baseline : nil) {
            do {
                loadedBaseline = try Baseline.load(path: baseline)
            } catch let diagnostic as Diagnostic {
                problems.report(diagnostic)
            }
        }
        var remaining = loadedBaseline?.counts ?? [:]
        var recorded: [Baseline.Entry] = []
        var printer = outputOptions.printer(failOn: failOn, rules: run.rules)
        run.lint(files: files, jobs: jobs.count, standardInputName: stdinFilename ?? "<stdin>") { outcome in
            outcome.diagnostics.forEach(problems.report)
            guard var document = outcome.report else { return }
            if let spent = document.timings { timings.add(spent) }
            if writeBaseline != nil {
                recorded += document.findings.map { Baseline.entry(for: $0, source: document.source) }
            }
            if let loadedBaseline {
                document.findings = loadedBaseline.newFindings(in: document, using: &remaining)
            }
            let source = document.source
            printer.add(document) { path, line in path == source.path ? QuotedLine(source: source, line: line) : nil }
        }
        let problem = printer.finish(files: files.count, diagnostics: problems.diagnostics) { findings, quoting in
            if writeBaseline != nil { recorded += findings.map { Baseline.entry(for: $0, quoting: quoting) } }
            if let loadedBaseline { findings = loadedBaseline.newFindings(findings, quoting: quoting, using: &remaining) }
        }
        if let problem { problems.report(problem) }
        if timing { Output.error(timings.table()) }
        if let writeBaseline {
            do {
                try Baseline(entries: recorded).write(to: writeBaseline)
                Output.error("recorded \(recorded.count) finding\(recorded.count == 1 ? "" : "s") in \(writeBaseline)")
            } catch let diagnostic as Diagnostic {
                problems.report(diagnostic)
            } catch {
                problems.report(Diagnostic(path: writeBaseline, message: "cannot write the baseline: \(error.localizedDescription)"))
            }
        }
        if problems.failed { throw Exit.failure }
        if printer.failing { throw Exit.findings }
    }

    /// "8 reports, 9 rules: 3 errors, 0 warnings; 412 figures read, 57 used by a rule (14%)".
    static func summary(files: Int, rules: Int, counts: [Severity: Int], figuresRead: Int, figuresUsed: Int) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let findings = [plural(counts[.error] ?? 0, "error"), plural(counts[.warning] ?? 0, "warning")]
            + ((counts[.info] ?? 0) > 0 ? [plural(counts[.info] ?? 0, "note")] : [])
        let share = figuresRead > 0 ? " (\(figuresUsed * 100 / figuresRead)%)" : ""
        return "\(plural(files, "report")), \(plural(rules, "rule")): \(findings.joined(separator: ", ")); "
            + "\(plural(figuresRead, "figure")) read, \(figuresUsed) used by a rule\(share)"
    }
}
