import Testing
@testable import FactlintKit

/// Columns far into a long line are found from checkpoints rather than by scanning the line;
/// they must agree with counting the line's scalars one by one.
@Suite("Locations in long lines")
struct LongLineLocationTests {
    /// The column of `offset` counted the slow way: scalars from the line's start, plus one.
    func countedColumn(_ bytes: [UInt8], _ offset: Int) -> Int {
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        return bytes[start..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
    }

    @Test func columnsFarIntoALineOfMixedScriptsAreExact() {
        // "Қазақстан" is two bytes a letter, "’" three, "😀" four: columns and bytes part ways.
        let piece = "Қазақстан’s 14 victims 😀 "
        let text = "# Title\n" + String(repeating: piece, count: 2_000) + "\nshort line\n" + String(repeating: piece, count: 500)
        let source = SourceFile(path: "long.md", text: text)
        let bytes = Array(text.utf8)
        #expect(!source.scalarCheckpoints.isEmpty, "a line longer than the stride keeps checkpoints")

        for offset in stride(from: 0, through: bytes.count, by: 997) where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
            let location = source.location(of: offset)
            #expect(location.column == countedColumn(bytes, offset), "offset \(offset)")
        }
        let end = source.location(of: bytes.count)
        #expect(end.line == 4)
        #expect(end.column == countedColumn(bytes, bytes.count))
    }

    @Test func aFileOfShortLinesKeepsNoCheckpoints() {
        let source = SourceFile(path: "short.md", text: String(repeating: "Officers identified 52 victims.\n", count: 1_000))
        #expect(source.scalarCheckpoints.isEmpty)
        #expect(source.location(of: 32 * 500 + 10) == SourceLocation(line: 501, column: 11))
    }
}
