import ArgumentParser
import FactlintFigures
import FactlintKit
import Foundation

/// `factlint facts FILE`: every figure factlint read, so rule authors see what rules can use.
struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every figure read in a report, with position, kind and interval."
    )

    @Argument(help: ArgumentHelp("The report to read.", valueName: "file"))
    var file: String

    @Option(help: "Output format: text or json.")
    var format: FactsFormat = .text

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Output.error(Diagnostic(path: file, message: "cannot read the file", help: "check that it exists and that you may read it").rendered())
            throw Exit.failure
        }
        let document = Document(source: SourceFile(path: file, bytes: [UInt8](data)))
        let listing = FigureListing(document: document)
        switch format {
        case .text: print(listing.text(), terminator: "")
        case .json: print(listing.json())
        }
    }
}

enum FactsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
