import ArgumentParser
import FactlintKit
import Foundation

/// `factlint merge FILE...`: joins what the shards of a run found (`factlint facts --format
/// jsonl --shard I/N`), compares the facts across all their reports, and prints every finding
/// exactly as one `factlint lint` over all the files prints it.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shards' `facts --format jsonl` output and print the findings of the whole run."
    )

    @Argument(help: ArgumentHelp("The shards' output files.", valueName: "file"))
    var paths: [String]

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var outputOptions: LintOutputOptions

    @OptionGroup var failOptions: FailOptions

    @OptionGroup var baselineOptions: BaselineOptions

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give the shards' output files, as in: factlint merge shard-1.jsonl shard-2.jsonl") }
    }

    func run() throws {
        let problems = InputProblems()
        let configuration = try configOptions.load()
        let run = try ruleOptions.lintRun(configuration, report: problems.report)
        var total: Int?
        var inputProblems: [Diagnostic] = []
        var documents: [Int: ShardRecord] = [:]
        for file in paths {
            // A problem with the line at `number` (from 0) of this shard's output.
            func problem(at number: Int, _ message: String, help: String) -> Diagnostic {
                Diagnostic(path: file, location: SourceLocation(line: number + 1, column: 1), message: message, help: help)
            }
            // Read a line at a time: a shard of a large archive is hundreds of megabytes.
            let readable = TextLines.forEach(inFile: file) { number, line in
                guard var record = try? ShardRecord.decode(line, keepingFigures: false) else {
                    problems.report(problem(at: number, "this line is not what `factlint facts --format jsonl` writes", help: "merge only the output of `factlint facts --format jsonl --shard I/N`"))
                    return
                }
                // Every figure a report holds is listed for `facts`; the merge prints findings only.
                record.figures = nil
                switch record.kind {
                case "run":
                    guard record.version == ShardRecord.version else {
                        problems.report(problem(at: number, "written by another version of factlint (format \(record.version ?? 0), this one reads \(ShardRecord.version))", help: "run every shard and the merge with the same factlint"))
                        return
                    }
                    if let known = total, known != record.files {
                        problems.report(problem(at: number, "this shard is of a run of \(record.files ?? 0) reports, another of \(known)", help: "give every shard the same paths"))
                    }
                    total = total ?? record.files
                    if record.rules != run.rules.count {
                        problems.report(problem(at: number, "this shard ran \(record.rules ?? 0) rules, the merge loads \(run.rules.count)", help: "give the shards and the merge the same rules and configuration"))
                    }
                case "diagnostic":
                    // Every shard reports the same problems with the inputs; say each once.
                    if let diagnostic = record.diagnostic, !inputProblems.contains(diagnostic) { inputProblems.append(diagnostic) }
                case "document":
                    if let index = record.index, documents[index] == nil { documents[index] = record }
                default:
                    problems.report(problem(at: number, "unknown kind of line '\(record.kind)'", help: "merge only the output of `factlint facts --format jsonl`"))
                }
            }
            if !readable {
                problems.report(Diagnostic(path: file, message: "cannot read the shard's output", help: "check that it exists and that you may read it"))
            }
        }
        inputProblems.forEach(problems.report)
        let count = total ?? documents.count
        if documents.count < count {
            problems.report(Diagnostic(path: paths[0], message: "the shards hold \(documents.count) of the \(count) reports of the run", help: "merge the output of every shard, 1/N to N/N"))
        }
        let failOn = failOptions.level(configuration)
        var baseline = baselineOptions.start(configuration, problems: problems)
        var printer = outputOptions.printer(failOn: failOn, rules: run.rules)
        for index in documents.keys.sorted() {
            guard let record = documents[index] else { continue }
            (record.diagnostics ?? []).forEach(problems.report)
            guard var document = record.report else { continue }
            document.findings = baseline.newFindings(document.findings, entries: record.baseline ?? [])
            var quoted: [Int: QuotedLine] = [:]
            for line in record.lines ?? [] { quoted[line.number] = line }
            printer.add(document) { path, line in path == document.source.path ? quoted[line] : nil }
        }
        let problem = printer.finish(files: count, diagnostics: problems.diagnostics) { findings, quoting in
            baseline.newFindings(acrossReports: &findings, quoting: quoting)
        }
        if let problem { problems.report(problem) }
        baseline.finish(problems: problems)
        if problems.failed { throw Exit.failure }
        if printer.failing { throw Exit.findings }
    }
}
