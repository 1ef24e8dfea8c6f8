import ArgumentParser
import FactlintKit
import Foundation

/// `factlint lint`: check reports against the rules and print the findings.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint reports (default: Reports/ with the rules in Rules/)."
    )

    @Argument(help: ArgumentHelp("Report files or folders of reports.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "Output format: text or line.")
    var format: LintFormat = .text

    @Option(name: .customLong("fail-on"), help: "The lowest severity that fails the run: error, warning, info or never.")
    var failOn: FailLevel = .error

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    func run() throws {
        var failed = false
        let ruleSet = RuleLoader.load(paths: ruleOptions.resolvedRulePaths)
        for diagnostic in ruleSet.diagnostics {
            Output.error(diagnostic.rendered())
            failed = true
        }
        let inputs = paths.isEmpty ? ["Reports"] : paths
        let (files, pathDiagnostics) = ReportPaths.expand(inputs)
        for diagnostic in pathDiagnostics {
            Output.error(diagnostic.rendered())
            failed = true
        }
        let linter = Linter(rules: ruleSet.rules)
        let useColor = format == .text && !noColor && Output.stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let text = TextReporter(useColor: useColor)
        let line = LineReporter()
        var counts: [Severity: Int] = [:]
        var figuresRead = 0
        var figuresUsed = 0
        var failing = false
        for file in files {
            let (result, diagnostics) = linter.lint(file: file)
            for diagnostic in diagnostics {
                Output.error(diagnostic.rendered())
                failed = true
            }
            if let report = result {
                figuresRead += report.figuresRead
                figuresUsed += report.figuresUsed
                for finding in report.findings {
                    counts[finding.severity, default: 0] += 1
                    if let threshold = failOn.threshold, finding.severity >= threshold { failing = true }
                    switch format {
                    case .text: print(text.render(finding, source: report.source))
                    case .line: print(line.render(finding))
                    }
                }
            }
        }
        let summary = Lint.summary(files: files.count, rules: ruleSet.rules.count, counts: counts, figuresRead: figuresRead, figuresUsed: figuresUsed)
        if format == .text { print(summary) } else { Output.error(summary) }
        if failed { throw Exit.failure }
        if failing { throw Exit.findings }
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
