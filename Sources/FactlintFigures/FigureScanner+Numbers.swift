/// A number read from digits or words, with any scale word applied.
struct Amount {
    var value: Double
    /// Half the unit of the last written digit: 0.05 for "4.8", 50,000 for "1.5 million"; 0 for plain integers.
    var halfUnit: Double
    /// The multiplier a scale word applied: 1,000,000 for "1.5 million"; 1 otherwise.
    var scale: Double
    /// The token after the number.
    var end: Int
    var isInteger: Bool
    var isWords: Bool

    /// The number as written before its scale word: 1.5 for "1.5 million".
    var written: Double { value / scale }
}

extension FigureScanner {
    /// A number in digits or words starting at `index`, with a scale word if one follows.
    func number(at index: Int) -> Amount? {
        if isNumber(index) { return digits(at: index) }
        return numberWords(at: index)
    }

    func digits(at index: Int) -> Amount? {
        let token = tokens[index]
        // Whole digits and decimals gather as integers and become a Double once, exactly.
        var integerPart = 0
        var integerDigits = 0
        var fraction = 0
        var fractionDigits = 0
        var dots = 0
        var groupLength = 0
        var commas = 0
        var firstGroupLength = 0
        var position = token.start
        while position < token.end {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: ","):
                guard dots == 0 else { return nil }
                if commas == 0 { firstGroupLength = groupLength } else if groupLength != 3 { return nil }
                commas += 1
                groupLength = 0
            case UInt8(ascii: "."):
                dots += 1
                guard dots == 1 else { return nil }  // a version number such as "1.2.3"
                if commas > 0, groupLength != 3 { return nil }
            default:
                let digit = Int(byte &- 0x30)
                if dots == 0 {
                    integerPart = integerPart &* 10 &+ digit
                    integerDigits += 1
                    groupLength += 1
                } else if fractionDigits < 15 {
                    fraction = fraction &* 10 &+ digit
                    fractionDigits += 1
                }
            }
        }
        // More than eighteen digits are identifiers, not amounts.
        guard integerDigits <= 18 else { return nil }
        if commas > 0, dots == 0, groupLength != 3 { return nil }
        if commas > 0, firstGroupLength > 3 || firstGroupLength == 0 { return nil }
        let value = Double(integerPart) + (fractionDigits > 0 ? Double(fraction) / pow10(fractionDigits) : 0)
        var amount = Amount(
            value: value, halfUnit: fractionDigits > 0 ? 0.5 * pow10(-fractionDigits) : 0, scale: 1,
            end: index + 1, isInteger: fractionDigits == 0, isWords: false
        )
        if commas == 0, dots == 0, groupLength <= 3 {
            extendGroups(of: &amount)
            addMixedFraction(to: &amount)
        }
        applyScale(to: &amount)
        return amount
    }

    /// Thousands groups written with spaces or apostrophes: "2 500 000", "5\u{00A0}000", "1'000'000".
    ///
    /// A single group after an ordinary space is read only when it starts with a zero ("5 000"),
    /// since "2 500" could be two numbers; two or more groups, or a no-break or thin space,
    /// leave no doubt.
    func extendGroups(of amount: inout Amount) {
        var position = amount.end
        // The value with the groups read so far, worked out as they come (in the order a list of
        // them would give), and how many there are: no array per number.
        var extended = amount.value
        var groups = 0
        var ordinarySpace = false
        var apostrophes = false
        while true {
            if !apostrophes, isNumber(position), digitCount(position) == 3, let group = plainInteger(position) {
                let gapStart = tokens[position - 1].end
                let gap = tokens[position].start - gapStart
                if gap == 1, bytes[gapStart] == 0x20 {
                    ordinarySpace = true
                } else if gap == 2, bytes[gapStart] == 0xC2, bytes[gapStart + 1] == 0xA0 {
                    // a no-break space
                } else if gap == 3, bytes[gapStart] == 0xE2, bytes[gapStart + 1] == 0x80, bytes[gapStart + 2] == 0xAF || bytes[gapStart + 2] == 0x89 {
                    // a narrow no-break or thin space
                } else {
                    break
                }
                extended = extended * 1_000 + Double(group)
                groups += 1
                position += 1
            } else if groups == 0 || apostrophes, mark(position) == .apostrophe, attached(position), attached(position + 1),
                      isNumber(position + 1), digitCount(position + 1) == 3, let group = plainInteger(position + 1) {
                apostrophes = true
                extended = extended * 1_000 + Double(group)
                groups += 1
                position += 2
            } else {
                break
            }
        }
        guard groups > 0 else { return }
        if ordinarySpace, groups == 1, bytes[tokens[amount.end].start] != 0x30 { return }
        // A decimal or another number glued on means something else is written here.
        if isNumber(position), !tokens[position].spaceBefore { return }
        amount.value = extended
        amount.end = position
    }

    /// A fraction written after a whole number: "3 1/2 years", "2½".
    func addMixedFraction(to amount: inout Amount) {
        let position = amount.end
        guard isNumber(position), tokens[position].spaceBefore, mark(position + 1) == .slash, attached(position + 1),
              attached(position + 2), let numerator = plainInteger(position), let denominator = plainInteger(position + 2),
              [2, 3, 4, 8].contains(denominator), numerator > 0, numerator < denominator, !isNumber(position + 3) || tokens[position + 3].spaceBefore,
              mark(position + 3) != .slash else { return }
        amount.value += Double(numerator) / Double(denominator)
        amount.isInteger = false
        amount.end = position + 3
    }

    /// "k", "m", "b", "bn" glued to an amount beside a currency: "$5k", "€1.2m", "3bn".
    func applyLetterScale(to amount: inout Amount) {
        guard amount.scale == 1, !amount.isWords, attached(amount.end), let scale = word(amount.end)?.letterScale else { return }
        let half = amount.halfUnit > 0 ? amount.halfUnit : 0.5
        amount.value *= scale
        amount.halfUnit = half * scale
        amount.scale = scale
        amount.isInteger = amount.value == amount.value.rounded()
        amount.end += 1
    }

    /// A scale word after a number multiplies it and its precision: "37 million" is [36.5, 37.5] million.
    func applyScale(to amount: inout Amount) {
        guard let scale = word(amount.end)?.scaleValue else { return }
        let half = amount.halfUnit > 0 ? amount.halfUnit : (amount.isWords ? 0 : 0.5)
        amount.value *= scale
        amount.halfUnit = half * scale
        amount.scale = scale
        amount.isInteger = amount.value == amount.value.rounded()
        amount.end += 1
    }

    private enum WordPart { case none, unit, teen, tens, hundred, scale }

    /// A number written in words: "nineteen", "twenty-three", "one hundred and five", "a dozen".
    func numberWords(at index: Int) -> Amount? {
        guard let first = word(index) else { return nil }
        var total = 0.0
        var current = 0.0
        var scale = 1.0
        var last = WordPart.none
        var position = index
        var end = index
        var halfUnit = 0.0
        if first == .a || first == .an {
            guard let next = word(index + 1), next.scaleValue != nil || next == .hundred || next == .dozen else { return nil }
            current = 1
            last = .unit
            position = index + 1
        } else if first == .half {
            // "half a million", "half a dozen"; "half a year" leaves the unit to the caller.
            guard let article = word(index + 1), article == .a || article == .an, let next = word(index + 2) else { return nil }
            if let multiplier = next.scaleValue {
                return Amount(value: 0.5 * multiplier, halfUnit: 0, scale: multiplier, end: index + 3, isInteger: true, isWords: true)
            }
            if next == .dozen { return Amount(value: 6, halfUnit: 0, scale: 1, end: index + 3, isInteger: true, isWords: true) }
            if next.durationMonths != nil { return Amount(value: 0.5, halfUnit: 0, scale: 1, end: index + 2, isInteger: false, isWords: true) }
            return nil
        } else if first.scaleValue != nil {
            return nil  // "million" alone is no number: "several million", "million tenge"
        }
        while let text = word(position) {
            if let unit = text.unitValue {
                guard last == .none || last == .hundred || last == .scale || (last == .tens && unit < 10 && unit > 0) else { break }
                current += Double(unit)
                last = unit >= 10 ? .teen : .unit
            } else if let tens = text.tensValue {
                guard last == .none || last == .hundred || last == .scale else { break }
                current += Double(tens)
                last = .tens
                // A hyphen joins tens and units: "twenty-three".
                if isDash(position + 1), attached(position + 1), attached(position + 2), let unit = word(position + 2)?.unitValue, unit > 0, unit < 10 {
                    current += Double(unit)
                    last = .unit
                    position += 2
                }
            } else if text == .hundred {
                guard last == .none || last == .unit || last == .teen else { break }
                current = max(current, 1) * 100
                last = .hundred
            } else if let multiplier = text.scaleValue {
                guard last != .scale, last != .none else { break }
                total += current * multiplier
                halfUnit *= multiplier
                current = 0
                last = .scale
                scale = multiplier
            } else if text == .dozen {
                guard last == .unit || (last == .none && position == index) else { break }
                current = max(current, 1) * 12
                last = .scale
            } else if text == .and, last == .hundred || last == .scale,
                      let next = word(position + 1), next.unitValue != nil || next.tensValue != nil {
                position += 1
                continue
            } else if text == .and, last == .unit || last == .teen || last == .tens, current > 0, word(position + 1) == .a,
                      word(position + 2) == .half, word(position + 3) != .of {
                // "one and a half years", "two and a half million".
                current += 0.5
                position += 3
                end = position
                last = .unit
                continue
            } else if text == .point, last == .unit || last == .teen || last == .tens, halfUnit == 0,
                      let digit = word(position + 1)?.unitValue, digit < 10 {
                // "two point five": digits after the point, one word each.
                var decimals = 0
                var next = position + 1
                while let digit = word(next)?.unitValue, digit < 10, decimals < 6 {
                    decimals += 1
                    current += Double(digit) * pow10(-decimals)
                    next += 1
                }
                _ = digit
                halfUnit = 0.5 * pow10(-decimals)
                position = next
                end = position
                last = .tens  // no unit word may follow the decimals
                continue
            } else {
                break
            }
            position += 1
            end = position
        }
        guard end > index, last != .none else { return nil }
        // "ten thousand" keeps its scale, so "between five and ten thousand" can lend it to "five".
        let endsWithScale = last == .scale && current == 0 && scale > 1
        let value = total + current
        return Amount(value: value, halfUnit: halfUnit, scale: endsWithScale ? scale : 1, end: end,
                      isInteger: value == value.rounded() && (halfUnit == 0 || endsWithScale), isWords: true)
    }

    /// Whether "one" at `index` is a pronoun or part of an idiom rather than a count.
    func isNonCountOne(at index: Int, end: Int) -> Bool {
        guard end == index + 1, word(index) == .one else { return false }
        if let previous = word(index - 1) {
            switch previous {
            case .no, .any, .every, .each, .this, .that, .the, .which, .at, .other, .last, .another: return true
            default: if previous.ordinalValue != nil { return true }
            }
        }
        if isDash(end), attached(end) { return true }  // "one-off", "one-sided"
        if word(end) == .in, isNumber(end + 1) || word(end + 1)?.unitValue != nil || word(end + 1)?.tensValue != nil { return true }  // "one in four"
        if let next = word(end) {
            switch next {
            case .another, .day, .way, .thing, .hand, .such, .time, .must, .should, .can, .could, .might, .would, .will:
                return true
            case .of:
                if word(end + 1) == .the, let after = word(end + 2) {
                    switch after {
                    case .most, .least, .few, .many, .main, .largest, .biggest, .worst, .best, .key, .major, .primary, .leading, .top, .first:
                        return true
                    default: break
                    }
                }
                if let owner = word(end + 1), owner == .its || owner == .their || owner == .his || owner == .her { return true }
            default:
                break
            }
        }
        return false
    }

    // MARK: - Ordinals

    /// "first", "thirty-first".
    func ordinalWord(at index: Int) -> Figure? {
        guard let text = word(index) else { return nil }
        if let value = text.ordinalValue {
            return make(.ordinal, .exactly(Double(value)), stated: Double(value), tokens: index..<(index + 1))
        }
        if let tens = text.tensValue, isDash(index + 1), attached(index + 1), attached(index + 2),
           let unit = word(index + 2)?.ordinalValue, unit < 10 {
            let value = Double(tens + unit)
            return make(.ordinal, .exactly(value), stated: value, tokens: index..<(index + 3))
        }
        return nil
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
