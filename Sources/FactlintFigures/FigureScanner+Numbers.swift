/// A number read from digits or words, before any unit is applied.
struct ParsedNumber {
    var value: Double
    /// Half the unit of the last written digit: 0.05 for "4.8", 50,000 for "1.5 million"; 0 for plain integers.
    var halfUnit: Double
    /// The token after the number.
    var end: Int
    var isInteger: Bool
    var isWords: Bool
}

extension FigureScanner {
    // MARK: - Numbers

    /// A number in digits or words starting at `index`, with a scale word if one follows.
    func number(at index: Int) -> ParsedNumber? {
        if isNumber(index) {
            return digits(at: index)
        }
        return numberWords(at: index)
    }

    func digits(at index: Int) -> ParsedNumber? {
        let token = tokens[index]
        var integerPart = 0.0
        var fraction = 0.0
        var fractionDigits = 0
        var dots = 0
        var groupLength = 0
        var sawComma = false
        var firstGroupLength = 0
        for byte in bytes[token.start..<token.end] {
            switch byte {
            case UInt8(ascii: ","):
                guard dots == 0 else { return nil }
                if !sawComma { firstGroupLength = groupLength } else if groupLength != 3 { return nil }
                sawComma = true
                groupLength = 0
            case UInt8(ascii: "."):
                dots += 1
                guard dots == 1 else { return nil }  // a version number such as "1.2.3"
                if sawComma, groupLength != 3 { return nil }
            default:
                let digit = Double(byte - 0x30)
                if dots == 0 {
                    integerPart = integerPart * 10 + digit
                    groupLength += 1
                } else {
                    fractionDigits += 1
                    fraction += digit * pow10(-fractionDigits)
                }
            }
        }
        if sawComma, dots == 0, groupLength != 3 { return nil }
        if sawComma, firstGroupLength > 3 || firstGroupLength == 0 { return nil }
        var parsed = ParsedNumber(
            value: integerPart + fraction,
            halfUnit: fractionDigits > 0 ? 0.5 * pow10(-fractionDigits) : 0,
            end: index + 1, isInteger: fractionDigits == 0, isWords: false
        )
        applyScale(to: &parsed)
        return parsed
    }

    /// A multiplier such as "million" after a number scales it and its precision.
    func applyScale(to parsed: inout ParsedNumber) {
        let next = parsed.end
        guard let word = word(next) else { return }
        let scale: Double
        if let value = Lexicon.scales[word], value >= 1_000 {
            scale = value
        } else if let value = Lexicon.scaleAbbreviations[word], !parsed.isWords {
            scale = value
        } else {
            return
        }
        let unit = parsed.isInteger ? 0.5 : parsed.halfUnit
        parsed.value *= scale
        parsed.halfUnit = unit * scale
        parsed.isInteger = parsed.value == parsed.value.rounded()
        parsed.end = next + 1
    }

    private enum WordPart { case none, unit, teen, tens, hundred, scale }

    /// A number written in words: "nineteen", "twenty-three", "one hundred and five", "a dozen".
    func numberWords(at index: Int) -> ParsedNumber? {
        guard isWord(index) else { return nil }
        var total = 0.0
        var current = 0.0
        var last = WordPart.none
        var position = index
        var end = index
        if wordIs(index, "a") || wordIs(index, "an") {
            guard let next = word(index + 1), Lexicon.scales[next] != nil || next == Array("dozen".utf8) else { return nil }
            current = 1
            last = .unit
            position = index + 1
        }
        while position < range.upperBound {
            guard let text = word(position) else {
                // A hyphen joins tens and units: "twenty-three".
                if last == .tens, isDash(position), attached(position), attached(position + 1),
                   let next = word(position + 1), let unit = Lexicon.units[next], unit > 0, unit < 10 {
                    current += Double(unit)
                    last = .unit
                    position += 2
                    end = position
                    continue
                }
                break
            }
            if let unit = Lexicon.units[text] {
                guard last == .none || last == .hundred || last == .scale || (last == .tens && unit < 10 && unit > 0) else { break }
                current += Double(unit)
                last = unit >= 10 ? .teen : .unit
            } else if let tens = Lexicon.tens[text] {
                guard last == .none || last == .hundred || last == .scale else { break }
                current += Double(tens)
                last = .tens
            } else if text == Array("hundred".utf8) {
                guard last == .none || last == .unit || last == .teen else { break }
                current = max(current, 1) * 100
                last = .hundred
            } else if let scale = Lexicon.scales[text] {
                guard last != .scale else { break }
                total += max(current, 1) * scale
                current = 0
                last = .scale
            } else if text == Array("dozen".utf8) {
                guard last == .none || last == .unit else { break }
                current = max(current, 1) * 12
                last = .scale
            } else if text == Array("and".utf8), last == .hundred || last == .scale,
                      let next = word(position + 1), Lexicon.units[next] != nil || Lexicon.tens[next] != nil {
                position += 1
                continue
            } else {
                break
            }
            position += 1
            end = position
        }
        guard end > index, last != .none else { return nil }
        return ParsedNumber(value: total + current, halfUnit: 0, end: end, isInteger: true, isWords: true)
    }

    /// Whether "one" at `index` is a pronoun or part of an idiom rather than a count.
    func isNonCountOne(at index: Int, end: Int) -> Bool {
        guard end == index + 1, wordIs(index, "one") else { return false }
        if wordIn(index - 1, Lexicon.oneNonCountLeads) { return true }
        if wordIn(end, Lexicon.oneNonCountFollowers) { return true }
        if wordIs(end, "of"), wordIs(end + 1, "the"), wordIn(end + 2, Lexicon.superlativeLeads) { return true }
        if wordIs(end, "of"), wordIs(end + 1, "its") || wordIs(end + 1, "their") || wordIs(end + 1, "his") || wordIs(end + 1, "her") { return true }
        return false
    }

    // MARK: - Figures with units

    /// A number followed by what it measures: a percent sign, a duration unit, a currency,
    /// an ordinal suffix, "-year-old"; else a count or a plain number. Also "three to six years".
    func measuredFigure(at index: Int) -> Figure? {
        guard let figure = singleMeasure(at: index) else { return nil }
        // "three to six years", "18–30": a range whose unit is written once, after the second end.
        let next = figure.tokens.upperBound
        let joinedByTo = wordIs(next, "to")
        let joinedByDash = isDash(next) && (figure.kind == .count || figure.kind == .number) && isNumber(index) && isNumber(next + 1)
        if figure.qualifier == .exact, figure.kind == .count || figure.kind == .number, joinedByTo || joinedByDash,
           !precededByChangeWord(index),
           let second = singleMeasure(at: next + 1), second.qualifier == .exact, second.kind != .ordinal,
           joinedByDash || second.kind != .count,
           !isDash(second.tokens.upperBound) {
            let scale = second.stated != 0 ? second.value.midpoint / second.stated : 1
            let lower = figure.stated * scale
            guard lower <= second.value.upper else { return nil }
            return make(
                second.kind, Interval(lower: min(lower, figure.value.lower * scale), upper: second.value.upper),
                stated: figure.stated * scale, qualifier: .range, unit: second.unit,
                tokens: index..<second.tokens.upperBound
            )
        }
        return figure
    }

    /// One number with its unit, never a range.
    func singleMeasure(at index: Int) -> Figure? {
        guard let parsed = number(at: index) else { return nil }
        if parsed.isWords, isNonCountOne(at: index, end: parsed.end) { return nil }
        var end = parsed.end
        let base = Interval(lower: parsed.value - parsed.halfUnit, upper: parsed.value + parsed.halfUnit)

        // Percentages: "70%", "4.8 %", "70 percent", "seventy per cent".
        if punctuation(end, "%") {
            return percent(parsed, tokens: index..<(end + 1))
        }
        if wordIs(end, "percent") || wordIs(end, "pct") {
            end += 1
            if wordIs(end, "points") || wordIs(end, "point") { end += 1 }
            return percent(parsed, tokens: index..<end)
        }
        if wordIs(end, "per"), wordIs(end + 1, "cent") {
            return percent(parsed, tokens: index..<(end + 2))
        }
        // Ordinals in digits: "21st".
        if !parsed.isWords, parsed.isInteger, attached(end), wordIn(end, Lexicon.ordinalSuffixes) {
            return make(.ordinal, .exactly(parsed.value), stated: parsed.value, tokens: index..<(end + 1))
        }
        // Ages: "40-year-old", "a 16 year old".
        if let ageEnd = ageSuffixEnd(at: end) {
            return make(.number, base, stated: parsed.value, unit: "age", tokens: index..<ageEnd)
        }
        // Durations: "12 years’", "six years and six months", "10-year".
        if let duration = duration(parsed, from: index) {
            return duration
        }
        // Money written after the amount: "12,500 dollars", "1 billion tenge", "37 million KZT".
        if let word = word(end), let code = Lexicon.currencyWords[word] ?? Lexicon.currencyCodes[word] {
            return make(.money, nonNegative(base), stated: parsed.value, unit: code, tokens: index..<(end + 1))
        }
        if parsed.isInteger, parsed.halfUnit == 0 {
            return make(.count, base, stated: parsed.value, tokens: index..<end)
        }
        return make(parsed.isInteger ? .count : .number, base, stated: parsed.value, tokens: index..<end)
    }

    func percent(_ parsed: ParsedNumber, tokens tokenRange: Range<Int>) -> Figure {
        // A whole percentage is a rounded one: "70%" allows 69.5 to 70.5.
        let half = parsed.isInteger && parsed.halfUnit == 0 ? 0.5 : parsed.halfUnit
        let value = Interval(lower: max(0, parsed.value - half), upper: parsed.value + half)
        return make(.percent, value, stated: parsed.value, tokens: tokenRange)
    }

    /// The end of "-year-old", "year old", "years old" after a number, or nil.
    func ageSuffixEnd(at index: Int) -> Int? {
        var position = index
        if isDash(position), attached(position) { position += 1 }
        guard wordIs(position, "year") || wordIs(position, "years") || wordIs(position, "month") || wordIs(position, "months") else { return nil }
        position += 1
        if isDash(position), attached(position) { position += 1 }
        return wordIs(position, "old") ? position + 1 : nil
    }

    /// A duration in months: "five years", "six years and six months", "12 years’ imprisonment".
    func duration(_ parsed: ParsedNumber, from index: Int) -> Figure? {
        var position = parsed.end
        if isDash(position), attached(position), attached(position + 1) { position += 1 }  // "10-year sentence"
        guard let unitWord = word(position), let unit = Lexicon.durationUnits[unitWord] else { return nil }
        var months = parsed.value * unit
        var half = parsed.halfUnit * unit
        position += 1
        position = afterPossessive(position)
        // "six years and six months": a smaller unit added on.
        if wordIs(position, "and") || punctuation(position, ","), let more = number(at: position + 1),
           let moreWord = word(more.end), let moreUnit = Lexicon.durationUnits[moreWord], moreUnit < unit {
            months += more.value * moreUnit
            half += more.halfUnit * moreUnit
            position = afterPossessive(more.end + 1)
        }
        let value = Interval(lower: max(0, months - half), upper: months + half)
        return make(.duration, value, stated: parsed.value, unit: "months", tokens: index..<position)
    }

    /// Skips a possessive after a unit: "years’", "year’s".
    func afterPossessive(_ position: Int) -> Int {
        guard isApostrophe(position), attached(position) else { return position }
        if wordIs(position + 1, "s"), attached(position + 1) { return position + 2 }
        return position + 1
    }

    func nonNegative(_ interval: Interval) -> Interval {
        guard interval.lower < 0 else { return interval }
        return Interval(lower: 0, upper: interval.upper, lowerIsClosed: true, upperIsClosed: interval.upperIsClosed)
    }

    /// Whether a word of change ("increased from 13 to 22") comes just before `index`, so "to" marks a new value, not a range.
    func precededByChangeWord(_ index: Int) -> Bool {
        var position = index - 1
        if wordIs(position, "from") { position -= 1 }
        guard let text = word(position) else { return false }
        let prefixes = ["increas", "decreas", "ris", "rose", "fell", "fall", "grew", "grow", "drop", "declin", "jump", "climb", "reduc", "went", "doubl", "tripl", "up", "down", "rais", "cut", "chang", "shift", "mov"]
        return prefixes.contains { text.starts(with: Array($0.utf8)) }
    }

    // MARK: - Money

    /// Money with the currency before the amount: "$12,500", "US$ 5 million", "€40", "KZT 37 million".
    func money(at index: Int) -> Figure? {
        var position = index
        var code: String?
        if punctuation(position, "$") {
            code = "USD"
            position += 1
        } else if wordIs(position, "us"), punctuation(position + 1, "$"), attached(position + 1) {
            code = "USD"
            position += 2
        } else if punctuation(position, "€") {
            code = "EUR"
            position += 1
        } else if punctuation(position, "£") {
            code = "GBP"
            position += 1
        } else if let word = word(position), let known = Lexicon.currencyCodes[word], isCurrencyCodeCased(position) {
            code = known
            position += 1
        }
        guard let currency = code, let parsed = number(at: position), !parsed.isWords || !isNumber(position) else { return nil }
        let value = nonNegative(Interval(lower: parsed.value - parsed.halfUnit, upper: parsed.value + parsed.halfUnit))
        return make(.money, value, stated: parsed.value, unit: currency, tokens: index..<parsed.end)
    }

    /// Currency codes count only in capitals ("KZT 37 million"), so "try 3 times" stays prose.
    func isCurrencyCodeCased(_ index: Int) -> Bool {
        bytes[tokens[index].start..<tokens[index].end].allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    // MARK: - Ordinals

    func ordinalWord(at index: Int) -> Figure? {
        guard let text = word(index), let value = Lexicon.ordinalWords[text] else { return nil }
        return make(.ordinal, .exactly(Double(value)), stated: Double(value), tokens: index..<(index + 1))
    }

    // MARK: - Qualifiers and ranges

    /// "about 70%", "over 1,000", "at least $12,500", "up to 15 years".
    func qualifiedFigure(at index: Int) -> Figure? {
        guard let (qualifier, start) = qualifier(at: index) else { return nil }
        guard let inner = money(at: start) ?? measuredFigure(at: start), inner.qualifier == .exact,
              inner.kind != .ordinal, inner.kind != .date else { return nil }
        if wordIs(index, "some") || wordIs(index, "estimated"), inner.kind == .number, inner.unit == "age" { return nil }
        let value = qualify(inner.value, stated: inner.stated * (inner.stated != 0 ? inner.value.midpoint / inner.stated : 1),
                            by: qualifier, nonNegative: inner.kind != .number)
        var figure = inner
        figure.value = value
        figure.qualifier = qualifier
        figure.tokens = index..<inner.tokens.upperBound
        figure.bytes = byteRange(figure.tokens)
        return figure
    }

    /// The qualifier written at `index` and the token after it.
    func qualifier(at index: Int) -> (Qualifier, Int)? {
        guard isWord(index) else { return nil }
        for (phrase, qualifier) in Lexicon.qualifierPhrases {
            var matches = true
            for (offset, expected) in phrase.enumerated() where word(index + offset) != expected {
                matches = false
                break
            }
            if matches { return (qualifier, index + phrase.count) }
        }
        if let text = word(index), let qualifier = Lexicon.qualifierWords[text] {
            return (qualifier, index + 1)
        }
        return nil
    }

    /// Widens an exact reading by its qualifier.
    func qualify(_ base: Interval, stated: Double, by qualifier: Qualifier, nonNegative floorAtZero: Bool) -> Interval {
        let floor = floorAtZero ? 0.0 : -Double.infinity
        switch qualifier {
        case .exact, .range:
            return base
        case .approximate:
            return Interval(lower: min(base.lower, stated * (1 - band)), upper: max(base.upper, stated * (1 + band)))
        case .nearly:
            return Interval(lower: min(base.lower, stated * (1 - band)), upper: base.upper)
        case .moreThan:
            return Interval(lower: base.lower, upper: .infinity, lowerIsClosed: false)
        case .atLeast:
            return Interval(lower: base.lower, upper: .infinity)
        case .atMost:
            return Interval(lower: floor, upper: base.upper)
        case .lessThan:
            return Interval(lower: floor, upper: base.upper, upperIsClosed: false)
        }
    }

    /// "between 18 and 30", "from 20 to 40", "ranging from six months to 13 years", "between 2016 and 2018".
    func rangeFigure(at index: Int) -> Figure? {
        var start = index
        let joiner: String
        if wordIs(index, "between") {
            joiner = "and"
        } else if wordIs(index, "from"), !precededByChangeWord(index + 1) {
            joiner = "to"
        } else if wordIs(index, "ranging") || wordIs(index, "ranged"), wordIs(index + 1, "from") {
            joiner = "to"
            start += 1
        } else {
            return nil
        }
        start += 1
        guard let first = date(at: start, allowRange: false) ?? money(at: start) ?? singleMeasure(at: start),
              first.kind != .ordinal else { return nil }
        let middle = first.tokens.upperBound
        guard wordIs(middle, joiner) || (joiner == "to" && (wordIs(middle, "until") || wordIs(middle, "through"))) else { return nil }
        if first.kind == .date {
            guard let second = date(at: middle + 1, allowRange: false), second.value.upper >= first.value.lower else { return nil }
            return make(.date, Interval(lower: first.value.lower, upper: second.value.upper, upperIsClosed: false),
                        stated: first.stated, qualifier: .range, grain: first.grain, tokens: index..<second.tokens.upperBound)
        }
        guard let second = money(at: middle + 1) ?? singleMeasure(at: middle + 1), second.kind != .ordinal, second.kind != .date else { return nil }
        var lowerFigure = first
        if first.kind == .count || first.kind == .number, first.unit == nil, second.kind != .count, second.kind != .number {
            let scale = second.stated != 0 ? second.value.midpoint / second.stated : 1
            lowerFigure.value = Interval(lower: first.value.lower * scale, upper: first.value.upper * scale)
            lowerFigure.kind = second.kind
        }
        if second.unit == "age" { lowerFigure.kind = .number }
        guard lowerFigure.kind == second.kind || (second.kind == .count && lowerFigure.kind == .number) else { return nil }
        guard lowerFigure.value.lower <= second.value.upper else { return nil }
        let isAge = first.unit == "age" || second.unit == "age" || wordIs(index - 1, "aged") || wordIs(index - 1, "ages") || wordIs(index - 1, "age")
        let unit = isAge ? "age" : second.unit
        let kind: FigureKind = unit == "age" ? .number : second.kind
        return make(kind, Interval(lower: lowerFigure.value.lower, upper: second.value.upper),
                    stated: lowerFigure.value.lower, qualifier: .range, unit: unit, tokens: index..<second.tokens.upperBound)
    }
}

func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 {
        for _ in 0..<exponent { result *= 10 }
    } else {
        for _ in 0..<(-exponent) { result /= 10 }
    }
    return result
}
