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
        scan(into: &figures)
        return figures
    }

    /// Appends the figures of the range to `output`, in text order.
    func scan(into output: inout [Figure]) {
        var index = range.lowerBound
        while index < range.upperBound {
            if let skipped = nonFigureEnd(at: index) {
                index = max(skipped, index + 1)
            } else if let figure = figure(at: index) {
                output.append(figure)
                index = figure.tokens.upperBound
            } else {
                index += 1
            }
        }
    }

    /// The figure starting at token `index`, trying the longest forms first.
    func figure(at index: Int) -> Figure? {
        switch tokens[index].kind {
        case .word:
            guard let word = word(index) else {
                // Codes glued to a number name periods: "Q3 2019", "FY2019".
                return tokens[index].end - tokens[index].start <= 6 && ByteText.isDigit(bytes[tokens[index].end - 1]) ? date(at: index) : nil
            }
            guard word.canStartFigure else { return nil }  // only some known words start figures
        case .punctuation:
            guard let mark = mark(index) else { return nil }
            if mark == .hyphen || mark == .dash { return negativeNumber(at: index) }
            guard mark.currency != nil else { return nil }
        case .number:
            break
        }
        if word(index)?.tensValue != nil, isDash(index + 1), let figure = ordinalWord(at: index) { return figure }  // "thirty-first"
        if let figure = qualifiedFigure(at: index) { return figure }
        if let figure = rangeFigure(at: index) { return figure }
        if let figure = date(at: index) { return figure }
        if let figure = measuredFigure(at: index) { return figure }
        if let figure = ordinalWord(at: index) { return figure }
        return nil
    }

    /// "-5", "−12%": a minus sign glued to a number and set off from what comes before.
    func negativeNumber(at index: Int) -> Figure? {
        guard isNumber(index + 1), attached(index + 1), index == range.lowerBound || tokens[index].spaceBefore || mark(index - 1) == .openParen,
              !isNumber(index - 1), let quantity = quantity(at: index + 1) else { return nil }
        switch quantity.unit?.kind {
        case nil, .percent?: break
        default: return nil
        }
        var figure = figure(quantity)
        figure.value = Interval(lower: -figure.value.upper, upper: -figure.value.lower,
                                lowerIsClosed: figure.value.upperIsClosed, upperIsClosed: figure.value.lowerIsClosed)
        figure.stated = -figure.stated
        if figure.kind == .count { figure.kind = .number }
        figure.tokens = index..<figure.tokens.upperBound
        figure.bytes = byteRange(figure.tokens)
        return figure
    }

    // MARK: - Token access

    func contains(_ index: Int) -> Bool { index >= range.lowerBound && index < range.upperBound }

    /// The known word at `index`, from the code the tokenizer gave the token.
    @inline(__always)
    func word(_ index: Int) -> Word? {
        guard contains(index) else { return nil }
        let token = tokens[index]
        guard token.kind == .word, token.code != 0 else { return nil }
        // Codes are only ever made from a Word's raw value, which numbers the cases in order.
        return unsafeBitCast(token.code - 1, to: Word.self)
    }

    @inline(__always)
    func mark(_ index: Int) -> Mark? {
        guard contains(index) else { return nil }
        let token = tokens[index]
        guard token.kind == .punctuation, token.code != 0 else { return nil }
        return unsafeBitCast(UInt8(truncatingIfNeeded: token.code - 1), to: Mark.self)
    }

    func isWord(_ index: Int) -> Bool { contains(index) && tokens[index].kind == .word }

    func isNumber(_ index: Int) -> Bool { contains(index) && tokens[index].kind == .number }

    func isDash(_ index: Int) -> Bool {
        let mark = mark(index)
        return mark == .hyphen || mark == .dash
    }

    /// Whether the token at `index` follows the previous one without a space.
    func attached(_ index: Int) -> Bool {
        index > range.lowerBound && index < range.upperBound && !tokens[index].spaceBefore
    }

    func isCapitalized(_ index: Int) -> Bool {
        isWord(index) && ByteText.startsUppercase(bytes, at: tokens[index].start)
    }

    /// Whether every letter of the word is a capital: "KZT", not "try".
    func isAllCaps(_ index: Int) -> Bool {
        isWord(index) && bytes[tokens[index].start..<tokens[index].end].allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// Whether the token starts a sentence or a clause after a colon or dash.
    func startsSentence(_ index: Int) -> Bool {
        var previous = index - 1
        while contains(previous), mark(previous) == .quote || mark(previous) == .openParen || mark(previous) == .apostrophe {
            previous -= 1
        }
        guard contains(previous) else { return true }
        if let mark = mark(previous) { return mark == .period || mark == .colon || mark == .dash }
        let token = tokens[previous]
        if token.kind == .punctuation, token.end - token.start == 1 {
            let byte = bytes[token.start]
            return byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
        }
        return false
    }

    func digitCount(_ index: Int) -> Int { tokens[index].end - tokens[index].start }

    /// The value of a plain digit token (no separators), or nil.
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
