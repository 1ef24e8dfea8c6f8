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

    @OptionGroup var baselineOptions: BaselineOptions

    @OptionGroup var jobs: JobOptions

    @OptionGroup var shardOptions: ShardOptions

    @OptionGroup var cacheOptions: CacheOptions

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
        var baseline = baselineOptions.start(configuration, problems: problems)
        var printer = outputOptions.printer(failOn: failOn, rules: run.rules)
        let cache = try cacheOptions.load(for: run)
        var cacheLines: [(path: String, line: String)] = []
        run.lint(files: files, jobs: jobs.count, standardInputName: stdinFilename ?? "<stdin>", cache: cache?.cache) { outcome in
            if let line = outcome.cacheLine { cacheLines.append((outcome.path, line)) }
            outcome.diagnostics.forEach(problems.report)
            guard var document = outcome.report else { return }
            if let spent = document.timings {
                timings.add(spent)
            } else if timing {
                timings.cachedReports += 1
            }
            document.findings = baseline.newFindings(document.findings, entries: Baseline.entries(of: document))
            let source = document.source
            printer.add(document) { path, line in path == source.path ? QuotedLine(source: source, line: line) : nil }
        }
        let problem = printer.finish(files: files.count, diagnostics: problems.diagnostics) { findings, quoting in
            baseline.newFindings(acrossReports: &findings, quoting: quoting)
        }
        if let problem { problems.report(problem) }
        cacheOptions.save(cache, lines: cacheLines, problems: problems)
        if timing { Output.error(timings.table()) }
        baseline.finish(problems: problems)
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
