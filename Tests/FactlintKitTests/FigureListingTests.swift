import Foundation
import Testing
@testable import FactlintKit

/// `facts --format json` writes its document a report at a time; the pieces must join into
/// exactly what encoding the whole document at once gives.
@Suite struct FigureListingTests {
    /// The whole document, encoded at once.
    static func encodedWhole(_ listings: [(String, FigureListing)]) throws -> String {
        struct File: Codable {
            var path: String
            var figures: [FigureListing.Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let files = listings.map { File(path: $0.0, figures: $0.1.entries) }
        return String(decoding: try encoder.encode(["files": files]), as: UTF8.self)
    }

    static func listing(_ text: String) -> FigureListing {
        FigureListing(document: Document(source: SourceFile(path: "r.md", bytes: Array(text.utf8))))
    }

    @Test func theDocumentWrittenAFileAtATimeIsTheDocumentEncodedWhole() throws {
        let orlesia = Self.listing("Courts in Orlesia convicted 19 traffickers in 2007, about 40% of those charged; fines reached $12,500.\n")
        let empty = Self.listing("No figures in this one.\n")
        #expect(orlesia.entries.count >= 4 && empty.entries.isEmpty)
        let cases: [[(String, FigureListing)]] = [
            [],
            [("reports/a.md", orlesia)],
            [("reports/a.md", orlesia), ("reports/b \"quoted\".md", empty)],
            [("reports/b.md", empty), ("reports/c/d.md", orlesia), ("reports/a.md", orlesia)],
        ]
        for listings in cases {
            #expect(FigureListing.json(listings) == (try Self.encodedWhole(listings)), "\(listings.map(\.0))")
        }
    }
}
