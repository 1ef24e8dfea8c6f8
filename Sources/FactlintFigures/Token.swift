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
    /// Whether whitespace (or a line break) separates this token from the one before it.
    public var spaceBefore: Bool
    /// The word or mark the recogniser knows the token as, plus one; 0 for any other token.
    /// Looked up once by the tokenizer so later passes compare integers.
    var code: UInt16
    /// Offsets are kept in 32 bits, so a token takes 12 bytes: a report is under 4 GiB
    /// (`Limits.largestReportBytes`).
    private var storedStart: UInt32
    private var storedEnd: UInt32

    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = UInt32(newValue) }
    }

    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = UInt32(newValue) }
    }

    public init(kind: Kind, start: Int, end: Int, spaceBefore: Bool) {
        self.init(kind: kind, start: start, end: end, spaceBefore: spaceBefore, code: 0)
    }

    init(kind: Kind, start: Int, end: Int, spaceBefore: Bool, code: UInt16) {
        self.kind = kind
        self.spaceBefore = spaceBefore
        self.code = code
        storedStart = UInt32(start)
        storedEnd = UInt32(end)
    }

    public var bytes: Range<Int> { start..<end }
}

extension Token {
    /// Tokens are equal when they are the same text at the same place; the lookup code is a cache.
    public static func == (left: Token, right: Token) -> Bool {
        left.kind == right.kind && left.start == right.start && left.end == right.end && left.spaceBefore == right.spaceBefore
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(spaceBefore)
    }
}
