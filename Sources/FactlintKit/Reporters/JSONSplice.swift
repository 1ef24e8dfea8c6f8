import Foundation

/// Writes a pretty-printed JSON document whose one long array is encoded an element at a time,
/// so that a run with many findings is never held whole as an encoder's tree and its output.
///
/// The document is first encoded with `JSONSplice.Placeholder` where the long array goes; the
/// placeholder encodes as an array of one marker string, which marks the spot and its indentation.
/// Each element is then encoded alone with the same encoder and indented to that spot, the way
/// `JSONEncoder` would have written it in place: pretty-printed JSON is the same text at any depth
/// but for each line's leading spaces, and an empty line (inside an empty array) has none.
struct JSONSplice {
    /// Stands in the document for the array written an element at a time.
    struct Placeholder: Encodable {
        func encode(to encoder: Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(JSONSplice.marker)
        }
    }

    /// The placeholder's one string, which no document holds otherwise: JSON escapes its NULs.
    static let marker = "\u{0}factlint-spliced-array\u{0}"

    /// The encoder every part is written with: two spaces of indentation, keys in order.
    let encoder: JSONEncoder

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    }

    /// The document with `elements` in the placeholder's place, followed by a line break, handed
    /// to `write` in pieces: the text before the array, each element, the text after.
    ///
    /// - Returns: false, with nothing written, when `document` does not encode or holds no
    ///   placeholder; an element that does not encode is left out.
    /// - Complexity: O(the output); memory O(the document without the array + the largest element).
    func write<Document: Encodable, Elements: Sequence>(
        _ document: Document, splicing elements: Elements, to write: (String) -> Void
    ) -> Bool where Elements.Element: Encodable {
        guard let data = try? encoder.encode(document) else { return false }
        let skeleton = [UInt8](data)
        guard let spot = JSONSplice.placeholderLine(in: skeleton) else { return false }
        let indentation = skeleton[spot.start...].prefix { $0 == UInt8(ascii: " ") }.count
        write(String(decoding: skeleton[..<spot.start], as: UTF8.self))
        var first = true
        for element in elements {
            guard let encoded = try? encoder.encode(element) else { continue }
            write((first ? "" : ",\n") + JSONSplice.indented(encoded, by: indentation))
            first = false
        }
        // The line after the placeholder's closes the array; an empty array is "[", an empty line, "]".
        write("\n" + String(decoding: skeleton[spot.end...], as: UTF8.self) + "\n")
        return true
    }

    /// The placeholder's line: from its first byte to the byte after its line break.
    static func placeholderLine(in text: [UInt8]) -> (start: Int, end: Int)? {
        guard let encodedMarker = try? JSONEncoder().encode(marker) else { return nil }
        let needle = [UInt8](encodedMarker)
        var lineStart = 0
        while lineStart < text.count {
            let lineEnd = text[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
            let line = text[lineStart..<lineEnd].drop { $0 == UInt8(ascii: " ") }
            if line.elementsEqual(needle) { return (lineStart, min(lineEnd + 1, text.count)) }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// Encoded JSON with `count` spaces before each line that is not empty.
    static func indented(_ encoded: Data, by count: Int) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count + count * 8)
        var atLineStart = true
        for byte in encoded {
            if atLineStart, byte != UInt8(ascii: "\n") { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        return String(decoding: output, as: UTF8.self)
    }
}
