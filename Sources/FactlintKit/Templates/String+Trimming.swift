extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    ///
    /// It steps over UTF-8 bytes: the four are ASCII, so where they stop is a scalar boundary.
    func trimmingSpaces() -> String {
        let text = Substring(self)
        let bytes = text.utf8
        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        // Sliced by scalars, as the bounds may fall inside a character (a space and a combining mark).
        return String(Substring(text.unicodeScalars[start..<end]))
    }
}
