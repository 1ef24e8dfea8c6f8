/// A word, a number or a punctuation mark, located by its bytes in the text.
public struct Token: Hashable, Sendable {
    public enum Kind: UInt8, Sendable {
        /// Letters, possibly followed by digits: "convicted", "P220", "Казахстан".
        case word
        /// Digits with inner thousands separators or a decimal point: "1,000", "4.8".
        case number
        /// One punctuation mark or symbol: ",", "’", "$", "%", "—".
        case punctuation
    }

    public var kind: Kind
    public var start: Int
    public var end: Int
    /// Whether whitespace (or a line break) separates this token from the one before it.
    public var spaceBefore: Bool

    public init(kind: Kind, start: Int, end: Int, spaceBefore: Bool) {
        self.kind = kind
        self.start = start
        self.end = end
        self.spaceBefore = spaceBefore
    }

    public var bytes: Range<Int> { start..<end }
}
