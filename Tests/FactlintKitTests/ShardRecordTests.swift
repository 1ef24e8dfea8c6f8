import Testing
@testable import FactlintKit

/// `factlint merge` cuts each report's figures out of a shard's line before decoding it.
@Suite struct ShardRecordTests {
    /// The line with the cut made, or nil when there is none.
    static func cut(_ line: String) -> String? {
        let bytes = Array(line.utf8)
        guard let range = ShardRecord.figuresMember(in: bytes) else { return nil }
        var rest = bytes
        rest.removeSubrange(range)
        return String(decoding: rest, as: UTF8.self)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let line: String
        let expected: String?
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        // Between other members, first, last, and alone.
        Case(line: #"{"facts":[],"figures":[{"text":"19"}],"kind":"document"}"#, expected: #"{"facts":[],"kind":"document"}"#),
        Case(line: #"{"figures":[],"kind":"document"}"#, expected: #"{"kind":"document"}"#),
        Case(line: #"{"kind":"document","figures":[1,2]}"#, expected: #"{"kind":"document"}"#),
        Case(line: #"{"figures":[{"a":[{"b":"]"}]}]}"#, expected: "{}"),
        // Strings that hold brackets, quotes and the key itself are skipped whole.
        Case(line: #"{"message":"a \"figures\":[ here","figures":[{"text":"\\\"]}"}],"path":"a.md"}"#, expected: #"{"message":"a \"figures\":[ here","path":"a.md"}"#),
        // With spaces, as another JSON writer might put them.
        Case(line: #"{ "kind" : "document" , "figures" : [ 1 ] , "path" : "b.md" }"#, expected: #"{ "kind" : "document" ,  "path" : "b.md" }"#),
        // No member of the object's own named figures: nothing is cut.
        Case(line: #"{"findings":[{"figures":[1]}],"kind":"figures"}"#, expected: nil),
        Case(line: #"{"kind":"run","version":2}"#, expected: nil),
        // Not JSON this can follow: left to the decoder, which says what is wrong.
        Case(line: #"{"figures":[1,2"#, expected: nil),
        Case(line: "not json", expected: nil),
        Case(line: "", expected: nil),
    ]

    @Test(arguments: cases)
    func theFiguresMemberIsCutWithOneComma(_ c: Case) {
        #expect(Self.cut(c.line) == c.expected)
    }

    @Test func aRecordReadWithoutFiguresIsTheRecordLessItsFigures() throws {
        let line = #"{"checksRun":3,"figures":[{"bogus":true}],"index":4,"kind":"document","linted":true,"path":"a.md"}"#

        let record = try ShardRecord.decode(line, keepingFigures: false)

        #expect(record.kind == "document" && record.index == 4 && record.checksRun == 3 && record.path == "a.md")
        #expect(record.figures == nil)
        // Read whole, the same line fails: its figures are not figures.
        #expect(throws: (any Error).self) { try ShardRecord.decode(line) }
    }
}
