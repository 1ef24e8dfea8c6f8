import FactlintFigures

/// A file's bytes with a table of line starts, so any byte offset maps to a line and column.
///
/// Lines end at LF, CRLF or a lone CR; the line terminator is not part of the line.
/// Columns count Unicode scalars from 1, so "’" or a Cyrillic letter is one column.
public struct SourceFile: Sendable {
    /// The path as the user gave it or as it was found, used in every message.
    public let path: String
    public let bytes: [UInt8]
    /// The byte offset at which each line starts; `lineStarts[0]` skips a byte-order mark.
    public let lineStarts: [Int]
    /// How many Unicode scalars start before each multiple of `SourceFile.checkpointStride`
    /// bytes, so a column far into a long line is found without scanning the line from its start.
    let scalarCheckpoints: [Int]
    static let checkpointStride = 1024

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts: [Int] = []
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        starts.append(hasBOM ? 3 : 0)
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var index = starts[0]
            let count = buffer.count
            // Without a CR in the file, every line ends at an LF: found many bytes at a time.
            if ByteText.firstIndex(of: 0x0D, in: buffer, index..<count) == nil {
                while let newline = ByteText.firstIndex(of: 0x0A, in: buffer, index..<count) {
                    starts.append(newline + 1)
                    index = newline + 1
                }
                return
            }
            while index < count {
                let byte = buffer[index]
                if byte > 0x0D {
                    index += 1
                    continue
                }
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        lineStarts = starts
        // Most reports have no line longer than the stride, and need no checkpoints.
        var longestLine = bytes.count - starts[starts.count - 1]
        for line in 1..<starts.count { longestLine = max(longestLine, starts[line] - starts[line - 1]) }
        scalarCheckpoints = longestLine > SourceFile.checkpointStride ? SourceFile.checkpoints(bytes) : []
    }

    /// Scalars started before each multiple of the stride, for files that have a line longer
    /// than the stride (empty otherwise: a column is then found by scanning its short line).
    static func checkpoints(_ bytes: [UInt8]) -> [Int] {
        let stride = SourceFile.checkpointStride
        guard bytes.count > stride else { return [] }
        var result = [0]
        result.reserveCapacity(bytes.count / stride + 1)
        var scalars = 0
        var lineLength = 0
        var longestLine = 0
        bytes.withUnsafeBufferPointer { buffer in
            var blockStart = 0
            while blockStart < buffer.count {
                if blockStart > 0 { result.append(scalars) }
                let blockEnd = min(blockStart + stride, buffer.count)
                for index in blockStart..<blockEnd {
                    let byte = buffer[index]
                    if byte & 0xC0 != 0x80 { scalars += 1 }
                    if byte == 0x0A || byte == 0x0D {
                        longestLine = max(longestLine, lineLength)
                        lineLength = 0
                    } else {
                        lineLength += 1
                    }
                }
                blockStart = blockEnd
            }
        }
        longestLine = max(longestLine, lineLength)
        return longestLine > stride ? result : []
    }

    /// How many Unicode scalars start before `offset`.
    func scalars(before offset: Int) -> Int {
        let block = offset / SourceFile.checkpointStride
        var count = scalarCheckpoints[min(block, scalarCheckpoints.count - 1)]
        var index = min(block, scalarCheckpoints.count - 1) * SourceFile.checkpointStride
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The offset of the first byte that is not part of valid UTF-8, or nil when the file is valid.
    ///
    /// - Complexity: O(n).
    public var firstInvalidUTF8Offset: Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index = ByteText.endOfASCII(bytes, from: index + 1)
                continue
            }
            let width: Int
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0...0xEF: width = 3
            case 0xF0...0xF4: width = 4
            default: return index
            }
            guard index + width <= count else { return index }
            for next in 1..<width where bytes[index + next] & 0xC0 != 0x80 { return index }
            // Overlong forms and surrogates.
            let second = bytes[index + 1]
            if lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F || lead == 0xF0 && second < 0x90 || lead == 0xF4 && second > 0x8F {
                return index
            }
            index += width
        }
        return nil
    }

    /// The bytes of a line (1-based), without its terminator.
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start, end - 1 < bytes.count, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, end - 1 < bytes.count, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// The line (1-based) holding a byte offset.
    ///
    /// - Complexity: O(log n) in the number of lines.
    public func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The line and column of a byte offset; the column counts Unicode scalars from 1.
    ///
    /// - Complexity: O(log lines + min(column, 2 × `checkpointStride`)).
    public func location(of offset: Int) -> SourceLocation {
        let line = line(of: offset)
        let start = lineStarts[line - 1]
        let stop = min(offset, bytes.count)
        if stop - start > 2 * SourceFile.checkpointStride, !scalarCheckpoints.isEmpty {
            return SourceLocation(line: line, column: scalars(before: stop) - scalars(before: start) + 1)
        }
        var column = 1
        var index = start
        while index < stop {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }

    public func span(_ range: Range<Int>) -> SourceSpan {
        SourceSpan(path: path, bytes: range, start: location(of: range.lowerBound), end: location(of: range.upperBound))
    }

    public func text(_ range: Range<Int>) -> String {
        let clamped = min(range.lowerBound, bytes.count)..<min(range.upperBound, bytes.count)
        return String(decoding: bytes[clamped], as: UTF8.self)
    }

    /// The line holding `offset`, for a diagnostic's snippet, with control characters made
    /// visible and cut 400 bytes after the offset; nil when the offset is more than 400 bytes
    /// into its line, where a caret under it would need a screenful of spaces.
    public func snippetLine(at offset: Int) -> String? {
        let range = lineRange(line(of: offset))
        guard offset - range.lowerBound <= 400 else { return nil }
        var end = min(range.upperBound, max(offset, range.lowerBound) + 400)
        // Do not cut a UTF-8 sequence in two.
        while end < range.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let snippet = text(range.lowerBound..<end).sanitizedForTerminal()
        return end < range.upperBound ? snippet + "…" : snippet
    }
}
