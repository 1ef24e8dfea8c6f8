/// Reads the figures in a run of tokens: counts, numbers, ordinals, percentages, money,
/// durations and dates, with their qualifiers, ranges and precision.
///
/// The recogniser is a hand-written scanner over tokens; it never builds `String`s for
/// tokens it does not need to look up, and it uses no regular expressions.
public struct FigureRecognizer: Sendable {
    /// The relative band an "about"/"around" qualifier allows on each side (0.1 is ±10%).
    public var approximateBand: Double

    public init(approximateBand: Double = 0.1) {
        self.approximateBand = approximateBand
    }

    /// The figures in `tokens[range]`, in text order, never overlapping.
    ///
    /// - Complexity: O(n) in the number of tokens, with a small constant look-ahead.
    public func figures(in tokens: [Token], range: Range<Int>, bytes: [UInt8]) -> [Figure] {
        var scanner = FigureScanner(bytes: bytes, tokens: tokens, range: range, band: approximateBand)
        return scanner.scan()
    }

    /// The figures in a whole text, tokenised without Markdown handling.
    public func figures(in text: String) -> [Figure] {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer(markdownInline: false).tokens(bytes)
        return figures(in: tokens, range: 0..<tokens.count, bytes: bytes)
    }
}

/// The state of one pass of the recogniser over a token range.
struct FigureScanner {
    let bytes: [UInt8]
    let tokens: [Token]
    let range: Range<Int>
    let band: Double
    var figures: [Figure] = []

    init(bytes: [UInt8], tokens: [Token], range: Range<Int>, band: Double) {
        self.bytes = bytes
        self.tokens = tokens
        self.range = range
        self.band = band
    }

    mutating func scan() -> [Figure] {
        var index = range.lowerBound
        while index < range.upperBound {
            if let skipped = nonFigureEnd(at: index) {
                index = max(skipped, index + 1)
            } else if let figure = figure(at: index) {
                figures.append(figure)
                index = figure.tokens.upperBound
            } else {
                index += 1
            }
        }
        return figures
    }

    /// The figure starting at token `index`, trying the longest forms first.
    func figure(at index: Int) -> Figure? {
        if let figure = qualifiedFigure(at: index) { return figure }
        if let figure = rangeFigure(at: index) { return figure }
        if let figure = date(at: index) { return figure }
        if let figure = money(at: index) { return figure }
        if let figure = measuredFigure(at: index) { return figure }
        if let figure = ordinalWord(at: index) { return figure }
        return nil
    }

    // MARK: - Token access

    func isWord(_ index: Int) -> Bool {
        index >= range.lowerBound && index < range.upperBound && tokens[index].kind == .word
    }

    func isNumber(_ index: Int) -> Bool {
        index >= range.lowerBound && index < range.upperBound && tokens[index].kind == .number
    }

    /// The lowercase bytes of the word at `index`, or nil when it is not a word.
    func word(_ index: Int) -> [UInt8]? {
        guard isWord(index) else { return nil }
        let token = tokens[index]
        return bytes[token.start..<token.end].map(ByteText.lowercased)
    }

    func wordIs(_ index: Int, _ text: String) -> Bool {
        guard isWord(index) else { return false }
        return ByteText.equals(bytes, tokens[index].bytes, lowercase: Array(text.utf8))
    }

    func wordIn(_ index: Int, _ set: Set<[UInt8]>) -> Bool {
        guard let word = word(index) else { return false }
        return set.contains(word)
    }

    /// Whether the token at `index` is the punctuation mark `mark`.
    func punctuation(_ index: Int, _ mark: String) -> Bool {
        guard index >= range.lowerBound, index < range.upperBound, tokens[index].kind == .punctuation else { return false }
        let token = tokens[index]
        let expected = Array(mark.utf8)
        return token.end - token.start == expected.count && bytes[token.start..<token.end].elementsEqual(expected)
    }

    func isDash(_ index: Int) -> Bool {
        punctuation(index, "-") || punctuation(index, "–") || punctuation(index, "—") || punctuation(index, "‑")
    }

    func isApostrophe(_ index: Int) -> Bool {
        punctuation(index, "’") || punctuation(index, "'")
    }

    /// Whether the token at `index` follows the previous one without a space.
    func attached(_ index: Int) -> Bool {
        index > range.lowerBound && index < range.upperBound && !tokens[index].spaceBefore
    }

    func isCapitalized(_ index: Int) -> Bool {
        isWord(index) && ByteText.startsUppercase(bytes, at: tokens[index].start)
    }

    /// Whether the token starts a sentence: first in the range, or after closing punctuation.
    func startsSentence(_ index: Int) -> Bool {
        var previous = index - 1
        while previous >= range.lowerBound, punctuation(previous, "“") || punctuation(previous, "\"") || punctuation(previous, "(") || punctuation(previous, "*") {
            previous -= 1
        }
        if previous < range.lowerBound { return true }
        return punctuation(previous, ".") || punctuation(previous, "!") || punctuation(previous, "?") || punctuation(previous, ":")
            || punctuation(previous, "–") || punctuation(previous, "—")
    }

    func digitCount(_ index: Int) -> Int {
        tokens[index].end - tokens[index].start
    }

    /// The integer value of a plain digit token (no separators), or nil.
    func plainInteger(_ index: Int) -> Int? {
        guard isNumber(index) else { return nil }
        let token = tokens[index]
        guard token.end - token.start <= 9 else { return nil }
        var value = 0
        for byte in bytes[token.start..<token.end] {
            guard ByteText.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    func byteRange(_ tokenRange: Range<Int>) -> Range<Int> {
        tokens[tokenRange.lowerBound].start..<tokens[tokenRange.upperBound - 1].end
    }

    func make(
        _ kind: FigureKind, _ value: Interval, stated: Double, qualifier: Qualifier = .exact,
        grain: DateGrain? = nil, unit: String? = nil, tokens tokenRange: Range<Int>
    ) -> Figure {
        Figure(
            kind: kind, value: value, stated: stated, qualifier: qualifier, grain: grain, unit: unit,
            tokens: tokenRange, bytes: byteRange(tokenRange)
        )
    }
}
