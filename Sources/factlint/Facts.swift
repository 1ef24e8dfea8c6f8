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
        var failed = false
        let (files, diagnostics) = ReportPaths.expand(paths)
        for diagnostic in diagnostics {
            Output.error(diagnostic.rendered())
            failed = true
        }
        let prefixPaths = files.count > 1
        var listings: [(String, FigureListing)] = []
        var kinds: [FigureKind: Int] = [:]
        for file in files {
            guard case .bytes(let bytes) = ReportFile.read(file, limit: Limits.standard.maximumReportBytes) else {
                Output.error(Diagnostic(path: file, message: "cannot read the file", help: "check that it exists, that it is a regular file and that you may read it").rendered())
                failed = true
                continue
            }
            // A large report is read part by part, as lint reads it.
            var entries: [FigureListing.Entry] = []
            var counts = [Int](repeating: 0, count: FigureKind.allCases.count)
            Document.forEachPart(of: SourceFile(path: file, bytes: bytes)) { document in
                switch format {
                case .text: print(FigureListing(document: document).text(path: prefixPaths ? file : nil), terminator: "")
                case .json: entries += FigureListing(document: document).entries
                case .summary: for figure in document.figures { counts[figure.kind.ordinal] += 1 }
                case .jsonl: break
                }
            }
            if format == .json { listings.append((file, FigureListing(entries: entries))) }
            // Counted by kind per report, so the dictionary is touched once per kind, not per figure.
            for (kind, count) in zip(FigureKind.allCases, counts) where count > 0 { kinds[kind, default: 0] += count }
        }
        if format == .summary {
            let total = kinds.values.reduce(0, +)
            let parts = FigureKind.allCases.compactMap { kind in kinds[kind].map { "\($0) \(kind.rawValue)" } }
            print("\(files.count) report\(files.count == 1 ? "" : "s"): \(total) figures (\(parts.joined(separator: ", ")))")
        }
        if format == .json {
            print(listings.count == 1 && !prefixPaths ? listings[0].1.json() : FigureListing.json(listings))
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
        var position = 0
        var records: [String] = []
        run.lint(files: shard.map(\.path), jobs: jobs.count) { outcome in
            outcome.diagnostics.forEach { Output.error($0.rendered()) }
            if !outcome.diagnostics.isEmpty { failed = true }
            let record = ShardRecord.document(index: shard[position].index, outcome: outcome)
            position += 1
            do {
                records.append(try record.encoded())
            } catch {
                Output.error(Diagnostic(path: outcome.path, message: "cannot write what was found: \(error)").rendered())
                failed = true
            }
        }
        let text = (lines + records).map { $0 + "\n" }.joined()
        if let output {
            do {
                try AtomicFile.write(text, to: output)
            } catch let diagnostic as Diagnostic {
                Output.error(diagnostic.rendered())
                failed = true
            }
        } else {
            print(text, terminator: "")
        }
        if failed { throw Exit.failure }
    }
}
