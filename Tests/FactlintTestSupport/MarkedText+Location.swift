import FactlintKit

extension MarkedText {
    /// The line and column at which `marker` stood in the clean text.
    ///
    /// Counted independently of `SourceFile`: lines end at LF, CRLF or a lone CR, and the
    /// column counts Unicode scalars from 1.
    public func location(_ marker: String) -> SourceLocation? {
        guard let offset = offsets[marker] else { return nil }
        let prefix = String(decoding: Array(text.utf8)[..<offset], as: UTF8.self)
        var line = 1
        var column = 1
        var previousWasCR = false
        for scalar in prefix.unicodeScalars {
            switch scalar {
            case "\n":
                if !previousWasCR {
                    line += 1
                }
                column = 1
                previousWasCR = false
            case "\r":
                line += 1
                column = 1
                previousWasCR = true
            default:
                column += 1
                previousWasCR = false
            }
        }
        return SourceLocation(line: line, column: column)
    }
}
