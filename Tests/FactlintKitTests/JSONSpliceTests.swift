import Foundation
import Testing
@testable import FactlintKit

/// The JSON and SARIF reporters write their long array an element at a time; the text must be
/// what the encoder writes for the whole document.
@Suite struct JSONSpliceTests {
    struct Entry: Encodable, Sendable {
        var name: String
        var counts: [Int]
        var notes: [String: String]
        var nested: [[Int]]
        var missing: Int?
    }

    /// A document that holds its long array two levels down, between other members.
    struct Document<Items: Encodable>: Encodable {
        var title: String
        var before: [Int]
        var runs: [Run<Items>]
        var zeta: [String: Int]
    }

    struct Run<Items: Encodable>: Encodable {
        var columnKind: String
        var items: Items
        var tool: String
    }

    static func document<Items: Encodable>(_ items: Items) -> Document<Items> {
        Document(title: "a\nb \"quoted\" / slash", before: [], runs: [Run(columnKind: "units", items: items, tool: "factlint")], zeta: ["k": 1])
    }

    static let entries: [Entry] = [
        Entry(name: "plain", counts: [1, 2, 3], notes: ["a": "b"], nested: [[1], []], missing: nil),
        Entry(name: "empty parts", counts: [], notes: [:], nested: [], missing: 4),
        Entry(name: "line\nbreak and \(JSONSplice.marker) inside", counts: [0], notes: ["x": "\u{0}"], nested: [[], [2]], missing: nil),
        Entry(name: "after", counts: [-1], notes: [:], nested: [[7, 8]], missing: 0),
    ]

    static func whole<Value: Encodable>(_ value: Value) throws -> String {
        try String(decoding: JSONSplice().encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func spliced<Container: Encodable>(_ container: Container, _ elements: [Entry]) -> (written: Bool, text: String, pieces: Int) {
        var text = ""
        var pieces = 0
        let written = JSONSplice().write(container, splicing: elements) { piece in
            text += piece
            pieces += 1
        }
        return (written, text, pieces)
    }

    @Test(arguments: 0...entries.count)
    func aNestedArrayIsWrittenAsTheEncoderWritesTheWholeDocument(count: Int) throws {
        let elements = Array(JSONSpliceTests.entries.prefix(count))
        let result = JSONSpliceTests.spliced(JSONSpliceTests.document(JSONSplice.Placeholder()), elements)
        #expect(result.written)
        #expect(result.text == (try JSONSpliceTests.whole(JSONSpliceTests.document(elements))))
        // One piece before, one per element and one after: no element waits for the others.
        #expect(result.pieces == count + 2)
    }

    @Test(arguments: 0...entries.count)
    func anArrayThatIsTheWholeDocumentIsWrittenTheSame(count: Int) throws {
        let elements = Array(JSONSpliceTests.entries.prefix(count))
        let result = JSONSpliceTests.spliced(JSONSplice.Placeholder(), elements)
        #expect(result.written)
        #expect(result.text == (try JSONSpliceTests.whole(elements)))
    }

    @Test func aDocumentWithoutThePlaceholderWritesNothing() {
        let result = JSONSpliceTests.spliced(JSONSpliceTests.document([1, 2]), JSONSpliceTests.entries)
        #expect(!result.written)
        #expect(result.text.isEmpty)
    }

    @Test func aDocumentThatDoesNotEncodeWritesNothing() {
        let result = JSONSpliceTests.spliced(JSONSpliceTests.document([Double.nan]), JSONSpliceTests.entries)
        #expect(!result.written)
        #expect(result.text.isEmpty)
    }
}
