import FactlintFigures

/// Where a report too large to read whole is cut into parts that are read one at a time, so
/// memory follows the part size, not the report's.
///
/// A part ends before a top-level heading ("# …" after a blank line), or, when no heading comes
/// within half a part more, before a plain paragraph after a blank line. Never inside fenced code,
/// an HTML comment, a list, a quote or a table: each part reads as it does within the whole report.
/// Facts are compared within a part; a report without such a place stays one part.
enum ReportParts {
    /// The parts of a report, as ranges of line numbers (from 1) covering every line in order.
    ///
    /// - Complexity: O(n) in the size of the report.
    static func split(_ source: SourceFile, partBytes: Int) -> [ClosedRange<Int>] {
        let lineCount = source.lineCount
        guard source.bytes.count > partBytes, lineCount > 1 else { return [1...lineCount] }
        var parts: [ClosedRange<Int>] = []
        var start = 1
        var fence: (byte: UInt8, length: Int)?
        var inComment = false
        var previousBlank = true
        source.bytes.withUnsafeBufferPointer { bytes in
            // Front matter ("---" on line 1 to the next "---" or "...") stays whole in the first part.
            var inFrontMatter = bytes[source.lineRange(1)].elementsEqual("---".utf8)
            for line in 1...lineCount {
                let range = source.lineRange(line)
                if inFrontMatter {
                    let text = bytes[range]
                    if line > 1, text.elementsEqual("---".utf8) || text.elementsEqual("...".utf8) { inFrontMatter = false }
                    continue
                }
                let shape = LineShape(bytes, range)
                if fence == nil, !inComment, previousBlank, line > start {
                    let size = range.lowerBound - source.lineStarts[start - 1]
                    if (shape == .heading && size >= partBytes) || (shape == .paragraph && size >= partBytes + partBytes / 2) {
                        parts.append(start...(line - 1))
                        start = line
                    }
                }
                // Fences and comments opened on this line hide what follows until they close.
                if let open = fence {
                    if case .fence(let byte, let length) = shape, byte == open.byte, length >= open.length { fence = nil }
                } else if inComment {
                    if ByteText.contains(bytes, "-->", range) { inComment = false }
                } else if case .fence(let byte, let length) = shape {
                    fence = (byte, length)
                } else if let opening = ByteText.range(of: "<!--", in: bytes, range), !ByteText.contains(bytes, "-->", opening.upperBound..<range.upperBound) {
                    inComment = true
                }
                previousBlank = shape == .blank
            }
        }
        parts.append(start...lineCount)
        return parts
    }

    /// What a line's first bytes make of it, as far as cutting goes.
    enum LineShape: Equatable {
        case blank
        /// An ATX heading at the margin: "# Title".
        case heading
        /// A fence of three or more backticks or tildes.
        case fence(byte: UInt8, length: Int)
        /// Text at the margin that is not a list item, quote, table row, heading or HTML.
        case paragraph
        /// Anything else: indented lines, list items, quotes, table rows, HTML.
        case other

        init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            var index = range.lowerBound
            while index < range.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            guard index < range.upperBound else {
                self = .blank
                return
            }
            let first = bytes[index]
            if first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                var end = index
                while end < range.upperBound, bytes[end] == first { end += 1 }
                if end - index >= 3, index - range.lowerBound <= 3 {
                    self = .fence(byte: first, length: end - index)
                    return
                }
            }
            guard index == range.lowerBound else {
                self = .other
                return
            }
            switch first {
            case UInt8(ascii: "#"):
                var end = index
                while end < range.upperBound, bytes[end] == first { end += 1 }
                let level = end - index
                self = level <= 6 && (end == range.upperBound || bytes[end] == 0x20 || bytes[end] == 0x09) ? .heading : .other
            case UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "|"), UInt8(ascii: "<"),
                 UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "["):
                self = .other
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // "1. item" and "1) item" open list items; "2019 saw …" is prose.
                var end = index
                while end < range.upperBound, ByteText.isDigit(bytes[end]) { end += 1 }
                self = end < range.upperBound && (bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")")) ? .other : .paragraph
            default:
                self = .paragraph
            }
        }
    }
}
