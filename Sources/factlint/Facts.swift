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

    @Option(help: "Output format: text or json.")
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
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                Output.error(Diagnostic(path: file, message: "cannot read the file", help: "check that it exists and that you may read it").rendered())
                failed = true
                continue
            }
            let listing = FigureListing(document: Document(source: SourceFile(path: file, bytes: [UInt8](data))))
            switch format {
            case .text: print(listing.text(path: prefixPaths ? file : nil), terminator: "")
            case .json: listings.append((file, listing))
            }
        }
        if format == .json {
            print(listings.count == 1 && !prefixPaths ? listings[0].1.json() : FigureListing.json(listings))
        }
        if failed { throw Exit.failure }
    }
}

enum FactsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
