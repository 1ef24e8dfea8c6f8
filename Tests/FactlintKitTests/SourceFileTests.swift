import Testing
@testable import FactlintKit

/// Line and column of byte offsets: what every finding's position rests on.
@Suite("SourceFile positions")
struct SourceFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// The text whose first byte is located.
        var needle: String
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "first line", text: "Police identified 12 victims.", needle: "12", line: 1, column: 19),
        Case(name: "after LF", text: "Police identified 12 victims.\nCourts convicted 5.", needle: "5.", line: 2, column: 18),
        Case(name: "after CRLF", text: "First line.\r\nSecond line has 7 cases.", needle: "7", line: 2, column: 17),
        Case(name: "after lone CR", text: "One.\rTwo has 3.\rThree has 4.", needle: "4", line: 3, column: 11),
        Case(name: "blank CRLF line", text: "Intro.\r\n\r\nThen 9 cases.", needle: "9", line: 3, column: 6),
        Case(name: "CR then LF line", text: "A.\r\rB.\nC has 6.", needle: "6", line: 4, column: 7),
        Case(name: "after a BOM", text: "\u{FEFF}Police identified 12 victims.", needle: "12", line: 1, column: 19),
        Case(name: "line after a BOM", text: "\u{FEFF}Title\nWe found 8 cases.", needle: "8", line: 2, column: 10),
        Case(name: "curly quotes and dash", text: "The court’s “final” ruling — 14 convicted.", needle: "14", line: 1, column: 30),
        Case(name: "Cyrillic", text: "Полиция выявила 12 жертв.", needle: "12", line: 1, column: 17),
        Case(name: "Cyrillic on a CRLF line", text: "Казахстан\r\nЖертвы: 87 человек.", needle: "87", line: 2, column: 9),
        Case(name: "four-byte scalar", text: "Victims 🙂 12", needle: "12", line: 1, column: 11),
        Case(name: "start of line", text: "One.\nTwo.", needle: "Two", line: 2, column: 1),
    ]

    @Test(arguments: cases)
    func locationOfOffset(_ c: Case) throws {
        let source = SourceFile(path: "report.md", text: c.text)
        let offset = try #require(byteOffset(of: c.needle, in: c.text))
        #expect(source.location(of: offset) == Location(line: c.line, column: c.column))
    }

    @Test func endOfFileIsLocatedAfterTheLastCharacter() {
        let source = SourceFile(path: "report.md", text: "ab\ncd")
        #expect(source.location(of: 5) == Location(line: 2, column: 3))
        let trailing = SourceFile(path: "report.md", text: "ab\n")
        #expect(trailing.location(of: 3) == Location(line: 2, column: 1))
    }

    @Test func anEmptyFileHasOneEmptyLine() {
        let source = SourceFile(path: "empty.md", text: "")
        #expect(source.lineCount == 1)
        #expect(source.location(of: 0) == Location(line: 1, column: 1))
        #expect(markdown("").blocks.isEmpty)
    }

    @Test func linesEndAtLFCRLFAndLoneCR() {
        let source = SourceFile(path: "report.md", text: "first\r\nsecond\rthird\nfourth")
        #expect(source.lineCount == 4)
        #expect((1...4).map { source.text(source.lineRange($0)) } == ["first", "second", "third", "fourth"])
    }

    @Test func theFirstLineLeavesOutTheBOM() {
        let source = SourceFile(path: "report.md", text: "\u{FEFF}# Title\nBody")
        #expect(source.text(source.lineRange(1)) == "# Title")
    }

    @Test func spansCarryBothEnds() throws {
        let text = "Über 12 Opfer — and then 345 more."
        let source = SourceFile(path: "r.md", text: text)
        let start = try #require(byteOffset(of: "345", in: text))
        let span = source.span(start..<(start + 3))
        #expect(span.start == Location(line: 1, column: 26))
        #expect(span.end == Location(line: 1, column: 29))
        #expect(span.path == "r.md")
    }
}

/// The byte offset of the first occurrence of `needle` in `text`.
func byteOffset(of needle: String, in text: String, occurrence: Int = 1) -> Int? {
    let haystack = Array(text.utf8)
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
    var seen = 0
    for start in 0...(haystack.count - pattern.count) where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
        seen += 1
        if seen == occurrence { return start }
    }
    return nil
}
