import ArgumentParser
import FactlintFigures
import FactlintKit
import Foundation

/// `factlint facts FILE...`: every figure factlint read, so rule authors see what rules can use.
struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every figure read in reports, with position, kind and interval."
    )

    @Argument(help: ArgumentHelp("The reports to read (files or folders).", valueName: "file"))
    var paths: [String]

    @Option(help: "Output format: text, json, or summary (how many figures of each kind).")
    var format: FactsFormat = .text

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give the report to read, as in: factlint facts Reports/report.md") }
    }

    func run() throws {
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
            guard let data = FileManager.default.contents(atPath: file) else {
                Output.error(Diagnostic(path: file, message: "cannot read the file", help: "check that it exists and that you may read it").rendered())
                failed = true
                continue
            }
            let document = Document(source: SourceFile(path: file, bytes: [UInt8](data)))
            switch format {
            case .text: print(FigureListing(document: document).text(path: prefixPaths ? file : nil), terminator: "")
            case .json: listings.append((file, FigureListing(document: document)))
            case .summary: for figure in document.figures { kinds[figure.kind, default: 0] += 1 }
            }
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
    case text, json, summary
}
