import ArgumentParser
import FactlintFigures
import FactlintKit
import Foundation

/// `factlint facts FILE...`: every figure factlint read, so rule authors see what rules can use.
struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "List every figure read in reports, with position, kind and interval."
    )

    @Argument(help: ArgumentHelp("The reports to read (files or folders).", valueName: "file"))
    var paths: [String]

    @Option(help: "Output format: text, json, summary (how many figures of each kind), or jsonl (what a shard of a run found, with the rules' findings, for `factlint merge`).")
    var format: FactsFormat = .text

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var shardOptions: ShardOptions

    @OptionGroup var jobs: JobOptions

    @Option(help: ArgumentHelp("With --format jsonl: write to this file, replacing it whole, instead of to standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give the report to read, as in: factlint facts Reports/report.md") }
    }

    func run() throws {
        if format == .jsonl { return try runShard() }
        // Reports are found and read as `lint` finds and reads them, under the same configuration.
        let run = LintRun(configuration: try configOptions.load(), ruleSet: RuleSet())
        let (files, pathDiagnostics) = run.files(for: paths)
        var failed = false
        func report(_ diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics { Output.error(diagnostic.rendered()) }
            if !diagnostics.isEmpty { failed = true }
        }
        report(pathDiagnostics)
        // Each report is listed or counted where it is read, on one of the jobs; outcomes come back in order.
        switch format {
        case .text:
            let prefixPaths = files.count > 1
            run.read(files: files, jobs: jobs.count, part: { document in
                FigureListing(document: document).text(path: prefixPaths ? document.path : nil)
            }) { outcome in
                report(outcome.diagnostics)
                outcome.parts?.forEach { print($0, terminator: "") }
            }
        case .json where files.count <= 1:
            var listings: [(String, FigureListing)] = []
            run.read(files: files, jobs: jobs.count, part: { FigureListing(document: $0).entries }) { outcome in
                report(outcome.diagnostics)
                if let parts = outcome.parts { listings.append((outcome.path, FigureListing(entries: Array(parts.joined())))) }
            }
            print(listings.count == 1 ? listings[0].1.json() : FigureListing.json(listings))
        case .json:
            // Written a report at a time, each encoded on the job that read it: memory holds a
            // few reports' figures, not every figure of the run.
            var written = 0
            print(FigureListing.jsonOpening, terminator: "")
            run.read(files: files, jobs: jobs.count, part: { FigureListing(document: $0).entries }, finish: { outcome in
                (outcome.diagnostics, outcome.parts.map { FigureListing.jsonFile(path: outcome.path, entries: Array($0.joined())) })
            }) { diagnostics, file in
                report(diagnostics)
                guard let file else { return }
                print(written == 0 ? file : FigureListing.jsonSeparator + file, terminator: "")
                written += 1
            }
            print(FigureListing.jsonClosing)
        case .summary:
            var counts = [Int](repeating: 0, count: FigureKind.allCases.count)
            var reports = 0
            run.read(files: files, jobs: jobs.count, part: { document in
                // Counted by kind per part, so the totals are touched once per kind, not per figure.
                var counts = [Int](repeating: 0, count: FigureKind.allCases.count)
                for figure in document.figures { counts[figure.kind.ordinal] += 1 }
                return counts
            }) { outcome in
                report(outcome.diagnostics)
                guard let parts = outcome.parts else { return }
                reports += 1
                for part in parts { for (kind, count) in part.enumerated() { counts[kind] += count } }
            }
            let total = counts.reduce(0, +)
            let kinds = zip(FigureKind.allCases, counts).compactMap { kind, count in count > 0 ? "\(count) \(kind.rawValue)" : nil }
            print("\(reports) report\(reports == 1 ? "" : "s"): \(total) figures (\(kinds.joined(separator: ", ")))")
        case .jsonl:
            break
        }
        if failed { throw Exit.failure }
    }
}

enum FactsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, summary, jsonl
}

extension Facts {
    /// `--format jsonl`: lints this shard's reports with the rules and writes one JSON line per
    /// report (figures, corpus facts, findings), after a line naming the run.
    func runShard() throws {
        var failed = false
        var lines: [String] = []
        func report(_ diagnostic: Diagnostic) {
            Output.error(diagnostic.rendered())
            lines.append((try? ShardRecord.problem(diagnostic).encoded()) ?? "")
            failed = true
        }
        let configuration = try configOptions.load()
        var run = try ruleOptions.lintRun(configuration, report: report)
        run.listsFigures = true
        let (allFiles, pathDiagnostics) = run.files(for: paths)
        let shard = LintRun.shard(allFiles, shardOptions.value)
        lines.insert(try ShardRecord.run(files: allFiles.count, rules: run.rules.count, shard: shardOptions.value).encoded(), at: 0)
        pathDiagnostics.forEach(report)
        // Records are written as they come, to standard output or to the temporary file that
        // becomes the output file at the end: memory holds a few reports, not the whole shard.
        func produce(_ write: (String) -> Void) {
            write(lines.map { $0 + "\n" }.joined())
            // Each report is encoded on the job that linted it.
            run.lint(files: shard.map(\.path), jobs: jobs.count, finish: { position, outcome in
                let record = ShardRecord.document(index: shard[position].index, outcome: outcome)
                return (outcome.path, outcome.diagnostics, Result { try record.encoded() })
            }) { path, diagnostics, encoded in
                diagnostics.forEach { Output.error($0.rendered()) }
                if !diagnostics.isEmpty { failed = true }
                switch encoded {
                case .success(let line):
                    write(line + "\n")
                case .failure(let error):
                    Output.error(Diagnostic(path: path, message: "cannot write what was found: \(error)").rendered())
                    failed = true
                }
            }
        }
        if let output {
            do {
                try AtomicFile.write(to: output, produce)
            } catch {
                Output.error(error.rendered())
                failed = true
            }
        } else {
            produce { print($0, terminator: "") }
        }
        if failed { throw Exit.failure }
    }
}
