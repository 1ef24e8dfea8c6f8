/// The state of one pass of the recogniser over a token range.
///
/// It reads the text and its tokens through buffer pointers, valid for the scan only; every
/// token index is checked against `range` (or follows from a checked one) before it is read.
struct FigureScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let range: Range<Int>
    let band: Double

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, range: Range<Int>, band: Double) {
        self.bytes = bytes
        self.tokens = tokens
        self.range = range
        self.band = band
    }

    /// Appends the figures of the range to `output`, in text order.
    func scan(into output: inout [Figure]) {
        var index = range.lowerBound
        let mayStart = Word.mayStartByCode
        while index < range.upperBound {
            // Most tokens are words no figure starts with, or punctuation: pass them by at once.
            let token = tokens[index]
            switch token.kind {
            case .word:
                if token.code == 0 {
                    // Unknown words start nothing, except codes glued to a number: "Q3", "FY2019".
                    if token.end - token.start > 6 || !ByteText.isDigit(bytes[token.end - 1]) {
                        index += 1
                        continue
                    }
                } else if !mayStart[Int(token.code)] || !opensFigure(unsafeBitCast(token.code - 1, to: Word.self), at: index, mayStart: mayStart) {
                    index += 1
                    continue
                }
            case .punctuation:
                // Only signs, minus signs, footnote brackets and back-link carets start anything.
                if !FigureScanner.markMayStart(token.code) {
                    index += 1
                    continue
                }
            case .number:
                break
            }
            if let skipped = nonFigureEnd(at: index) {
                index = max(skipped, index + 1)
            } else if let figure = figure(at: index) {
                index = figure.tokens.upperBound
                output.append(figure)
            } else {
                index += 1
            }
        }
    }

    /// Whether a figure, or text that only looks like one, can start at a punctuation token with this code.
    @inline(__always)
    static func markMayStart(_ code: UInt16) -> Bool {
        guard code != 0 else { return false }
        // Codes are only ever made from a Mark's raw value, which numbers the cases in order.
        let mark = unsafeBitCast(UInt8(truncatingIfNeeded: code - 1), to: Mark.self)
        switch mark {
        case .hyphen, .dash, .openBracket, .caret, .upArrow, .period: return true
        default: return mark.isCurrency
        }
    }

    /// Whether a figure can start at the word at `index`, judged by the word after it for the
    /// common words that open a figure only in one phrase ("in excess of", "at least", "as many as").
    @inline(__always)
    func opensFigure(_ text: Word, at index: Int, mayStart: [Bool]) -> Bool {
        switch text {
        case .a, .an:
            guard let next = word(index + 1) else { return mark(index + 1) == .dollar }
            return next.scaleValue != nil || next == .hundred || next == .dozen || next == .total || next == .minimum
                || next == .maximum || next == .estimated || next.durationMonths != nil || next == .third || next == .fourth
                || next == .fifth || next == .sixth || next == .tenth || next == .quarter || next == .half
        case .about, .around, .approximately, .approx, .roughly, .some, .circa, .estimated, .nearly, .almost, .over, .above,
             .exceeding, .under, .below, .from, .between:
            // A qualifier or a range opens a figure only before an amount: "about 70%", "from 2010", "under the age of".
            guard contains(index + 1) else { return false }
            let next = tokens[index + 1]
            switch next.kind {
            case .number: return true
            case .punctuation: return next.code != 0 && mark(index + 1)?.isCurrency == true
            case .word: return next.code != 0 && (mayStart[Int(next.code)] || word(index + 1) == .the)
            }
        case .in: return word(index + 1) == .excess
        case .at: return word(index + 1) == .least || word(index + 1) == .most
        case .as: return word(index + 1) == .many || word(index + 1) == .much || word(index + 1) == .few || word(index + 1) == .young
            || word(index + 1) == .old
            || word(index + 1) == .little || word(index + 1) == .high || word(index + 1) == .low
        case .up: return word(index + 1) == .to
        case .more, .fewer, .less, .greater: return word(index + 1) == .than
        case .end, .beginning, .start, .middle: return word(index + 1) == .of
        case .close: return word(index + 1) == .to
        case .well, .just: return word(index + 1) == .over || word(index + 1) == .under || word(index + 1) == .short
        case .half: return word(index + 1) == .a || word(index + 1) == .an
        case .spring, .summer, .autumn, .fall, .winter: return isNumber(index + 1) || word(index + 1) == .of
        default: return true
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
            if mark == .period { return leadingDecimal(at: index) }
            guard mark.isCurrency else { return nil }
            return measuredFigure(at: index)
        case .number:
            // Qualifiers, ranges opened by a word and ordinal words all start with a word.
            if let figure = date(at: index) { return figure }
            return measuredFigure(at: index)
        }
        if word(index)?.tensValue != nil, isDash(index + 1), let figure = ordinalWord(at: index) { return figure }  // "thirty-first"
        if let figure = qualifiedFigure(at: index) { return figure }
        if let figure = rangeFigure(at: index) { return figure }
        if let figure = date(at: index) { return figure }
        if let figure = measuredFigure(at: index) { return figure }
        if let figure = ordinalWord(at: index) { return figure }
        return nil
    }

    /// ".5%": a decimal written without its leading zero, set off by a space before the point.
    func leadingDecimal(at index: Int) -> Figure? {
        guard tokens[index].spaceBefore, isNumber(index + 1), attached(index + 1), !isNumber(index - 1) else { return nil }
        let digits = digitCount(index + 1)
        guard digits <= 6, plainInteger(index + 1) != nil, var quantity = quantity(at: index + 1), quantity.amount.scale == 1 else { return nil }
        switch quantity.unit?.kind {
        case nil, .percent?, .money?: break
        default: return nil
        }
        quantity.amount.value /= pow10(digits)
        quantity.amount.halfUnit = 0.5 * pow10(-digits)
        quantity.amount.isInteger = false
        quantity.start = index
        return figure(quantity)
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

    @inline(__always)
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

    @inline(__always)
    func isWord(_ index: Int) -> Bool { contains(index) && tokens[index].kind == .word }

    @inline(__always)
    func isNumber(_ index: Int) -> Bool { contains(index) && tokens[index].kind == .number }

    @inline(__always)
    func isDash(_ index: Int) -> Bool {
        guard contains(index) else { return false }
        let token = tokens[index]
        // Codes are a mark's raw value plus one.
        return token.kind == .punctuation && (token.code == UInt16(Mark.hyphen.rawValue) + 1 || token.code == UInt16(Mark.dash.rawValue) + 1)
    }

    /// Whether the token at `index` follows the previous one without a space.
    @inline(__always)
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

    @inline(__always)
    func digitCount(_ index: Int) -> Int { tokens[index].end - tokens[index].start }

    /// The value of a plain digit token (no separators), or nil.
    func plainInteger(_ index: Int) -> Int? {
        guard isNumber(index) else { return nil }
        let token = tokens[index]
        guard token.end - token.start <= 9 else { return nil }
        var value = 0
        var position = token.start
        while position < token.end {
            let digit = bytes[position] &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
            position += 1
        }
        return value
    }

    func byteRange(_ tokenRange: Range<Int>) -> Range<Int> {
        tokens[tokenRange.lowerBound].start..<tokens[tokenRange.upperBound - 1].end
    }

    func make(
        _ kind: FigureKind, _ value: Interval, stated: Double, qualifier: Qualifier = .exact,
        grain: DateGrain? = nil, unit: Figure.UnitCode = .none, tokens tokenRange: Range<Int>
    ) -> Figure {
        Figure(
            kind: kind, value: value, stated: stated, qualifier: qualifier, grain: grain, unit: unit,
            tokens: tokenRange, bytes: byteRange(tokenRange)
        )
    }
}
