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
    var files: [String]

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "Output format: text, line, json, sarif, github, junit, checkstyle or markdown.")
    var format: LintFormat = .text

    @Option(help: ArgumentHelp("Write the output to this file, replacing it whole, instead of to standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var failOptions: FailOptions

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the shards' output files, as in: factlint merge shard-1.jsonl shard-2.jsonl") }
    }

    func run() throws {
        var failed = false
        var diagnostics: [Diagnostic] = []
        func report(_ diagnostic: Diagnostic) {
            Output.error(diagnostic.rendered())
            diagnostics.append(diagnostic)
            failed = true
        }
        let configuration = try configOptions.load()
        let run = try ruleOptions.lintRun(configuration, report: report)
        var total: Int?
        var inputProblems: [Diagnostic] = []
        var documents: [Int: ShardRecord] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                report(Diagnostic(path: file, message: "cannot read the shard's output", help: "check that it exists and that you may read it"))
                continue
            }
            for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                let record: ShardRecord
                do {
                    record = try ShardRecord.decode(String(line))
                } catch {
                    report(Diagnostic(path: file, location: SourceLocation(line: number + 1, column: 1), message: "this line is not what `factlint facts --format jsonl` writes", help: "merge only the output of `factlint facts --format jsonl --shard I/N`"))
                    continue
                }
                switch record.kind {
                case "run":
                    guard record.version == ShardRecord.version else {
                        report(Diagnostic(path: file, location: SourceLocation(line: number + 1, column: 1), message: "written by another version of factlint (format \(record.version ?? 0), this one reads \(ShardRecord.version))", help: "run every shard and the merge with the same factlint"))
                        continue
                    }
                    if let known = total, known != record.files {
                        report(Diagnostic(path: file, location: SourceLocation(line: number + 1, column: 1), message: "this shard is of a run of \(record.files ?? 0) reports, another of \(known)", help: "give every shard the same paths"))
                    }
                    total = total ?? record.files
                    if record.rules != run.rules.count {
                        report(Diagnostic(path: file, location: SourceLocation(line: number + 1, column: 1), message: "this shard ran \(record.rules ?? 0) rules, the merge loads \(run.rules.count)", help: "give the shards and the merge the same rules and configuration"))
                    }
                case "diagnostic":
                    // Every shard reports the same problems with the inputs; say each once.
                    if let diagnostic = record.diagnostic, !inputProblems.contains(diagnostic) { inputProblems.append(diagnostic) }
                case "document":
                    if let index = record.index, documents[index] == nil { documents[index] = record }
                default:
                    report(Diagnostic(path: file, location: SourceLocation(line: number + 1, column: 1), message: "unknown kind of line '\(record.kind)'", help: "merge only the output of `factlint facts --format jsonl`"))
                }
            }
        }
        inputProblems.forEach(report)
        let count = total ?? documents.count
        if documents.count < count {
            report(Diagnostic(path: files[0], message: "the shards hold \(documents.count) of the \(count) reports of the run", help: "merge the output of every shard, 1/N to N/N"))
        }
        let failOn = failOptions.level(configuration)
        let useColor = format == .text && Output.colorsStandardOutput(writingTo: output, noColor: noColor)
        var printer = RunPrinter(format: format, output: output, failOn: failOn, rules: run.rules, useColor: useColor)
        for index in documents.keys.sorted() {
            guard let record = documents[index] else { continue }
            (record.diagnostics ?? []).forEach(report)
            guard let document = record.report else { continue }
            var quoted: [Int: QuotedLine] = [:]
            for line in record.lines ?? [] { quoted[line.number] = line }
            printer.add(document) { path, line in path == document.source.path ? quoted[line] : nil }
        }
        if let problem = printer.finish(files: count, diagnostics: diagnostics) { report(problem) }
        if failed { throw Exit.failure }
        if printer.failing { throw Exit.findings }
    }
}
