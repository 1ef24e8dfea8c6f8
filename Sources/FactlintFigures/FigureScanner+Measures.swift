/// What an amount measures, read from the words around it.
struct MeasureUnit {
    var kind: FigureKind
    /// Base units per written unit: 12 months per year; 1 otherwise.
    var factor: Double
    /// A currency code, "months" for durations or "age" for ages.
    var code: Figure.UnitCode = .none
    /// The token after the unit's words.
    var end: Int
    /// Months added by a second part: "six years and six months".
    var extra: Double = 0
    var extraHalf: Double = 0
    /// Whether the unit was written in years, so an age can be read from it.
    var isYears = false
}

/// An amount with what it measures, before qualifiers: "12 years’", "$12,500", "70%".
struct Quantity {
    var start: Int
    var amount: Amount
    var unit: MeasureUnit?

    var end: Int { unit?.end ?? amount.end }
}

extension FigureScanner {
    // MARK: - Quantities

    /// An amount and its unit at `index`: a currency before it, or a unit after it.
    func quantity(at index: Int) -> Quantity? {
        if let (code, numberStart) = currencyPrefix(at: index) {
            guard var amount = number(at: numberStart), !amount.isWords || !isNumber(numberStart) else { return nil }
            applyLetterScale(to: &amount)
            return Quantity(start: index, amount: amount, unit: MeasureUnit(kind: .money, factor: 1, code: currencyUnit(code), end: amount.end))
        }
        if let article = word(index), article == .a || article == .an, let single = singleUnit(at: index) { return single }
        guard var amount = number(at: index) else { return nil }
        if amount.isWords, isNonCountOne(at: index, end: amount.end) { return nil }
        // "5m euros", "€": a letter scale counts only when a currency follows it.
        // "12k cases": "k" for thousand is read without a currency too; "m" and "b" are not ("5m" may be metres).
        if !amount.isWords, amount.scale == 1, attached(amount.end), let letter = word(amount.end), letter.letterScale != nil,
           letter == .k || isCurrency(after: amount.end + 1) {
            applyLetterScale(to: &amount)
        }
        return Quantity(start: index, amount: amount, unit: unit(after: amount))
    }

    /// Whether a currency word, code or sign is written at `index`.
    func isCurrency(after index: Int) -> Bool {
        if mark(index)?.isCurrency == true { return true }
        guard let text = word(index) else { return false }
        return text.currencyWord != nil || (text.currencyCode != nil && isAllCaps(index)) || (text == .us && word(index + 1)?.currencyWord != nil)
    }

    /// "a decade", "a year and a half", "an hour": one unit of time, unless it is the "a" of a rate ("$5 a day", "twice a year").
    func singleUnit(at index: Int) -> Quantity? {
        guard let unitWord = word(index + 1), unitWord.durationMonths != nil, !unitWord.isPlural else { return nil }
        if contains(index - 1) {
            let previous = tokens[index - 1]
            if previous.kind == .number { return nil }
            if let mark = mark(index - 1), mark == .percent || mark.isCurrency { return nil }
            if let before = word(index - 1) {
                if before.unitValue != nil || before.tensValue != nil || before.scaleValue != nil || before.currencyWord != nil
                    || before.currencyCode != nil || before == .once || before == .twice || before == .percent || before == .cent
                    || before == .per || before == .half || before == .than || before == .times || before.letterScale != nil
                    || before.durationMonths != nil {
                    return nil
                }
            }
        }
        let amount = Amount(value: 1, halfUnit: 0, scale: 1, end: index + 1, isInteger: true, isWords: true)
        guard let unit = durationUnit(at: index + 1), unit.kind == .duration else { return nil }
        // "a year old" is no duration; "a year of age" neither.
        if ageSuffixEnd(at: index + 1) != nil { return nil }
        return Quantity(start: index, amount: amount, unit: unit)
    }

    /// "$", "US$", "€", "£" or a currency code in capitals before an amount.
    func currencyPrefix(at index: Int) -> (String, Int)? {
        if let code = mark(index)?.currency { return (code, index + 1) }
        guard let text = word(index) else { return nil }
        if mark(index + 1) == .dollar, attached(index + 1), isCapitalized(index) {
            switch text {
            case .us: return ("USD", index + 2)
            case .hk: return ("HKD", index + 2)
            case .nz: return ("NZD", index + 2)
            case .a: return isNumber(index + 2) && attached(index + 2) ? ("AUD", index + 2) : nil
            case .c: return isNumber(index + 2) && attached(index + 2) ? ("CAD", index + 2) : nil
            case .s: return isNumber(index + 2) && attached(index + 2) ? ("SGD", index + 2) : nil
            case .r: return isNumber(index + 2) && attached(index + 2) ? ("BRL", index + 2) : nil
            default: break
            }
        }
        // "Rs 5,000", "Rs. 5,000".
        if text == .rs, isCapitalized(index) {
            let next = mark(index + 1) == .period && attached(index + 1) ? index + 2 : index + 1
            if isNumber(next) { return ("INR", next) }
        }
        if let code = word(index)?.currencyCode, isAllCaps(index), isNumber(index + 1) || word(index + 1)?.unitValue != nil {
            return (code, index + 1)
        }
        return nil
    }

    /// The unit written after an amount, if any.
    func unit(after amount: Amount) -> MeasureUnit? {
        let position = amount.end
        // Every unit starts with a word or mark the recogniser knows.
        guard contains(position), tokens[position].code != 0 else { return nil }
        // Percentages: "70%", "4.8 %", "70 percent", "seventy per cent".
        if mark(position) == .percent { return MeasureUnit(kind: .percent, factor: 1, end: position + 1) }
        if word(position) == .percent || word(position) == .pct {
            let end = word(position + 1) == .points || word(position + 1) == .point ? position + 2 : position + 1
            return MeasureUnit(kind: .percent, factor: 1, end: end)
        }
        if word(position) == .percentage, word(position + 1) == .points || word(position + 1) == .point {
            return MeasureUnit(kind: .percent, factor: 1, end: position + 2)
        }
        if word(position) == .per, word(position + 1) == .cent { return MeasureUnit(kind: .percent, factor: 1, end: position + 2) }
        // Ordinals in digits: "21st".
        if !amount.isWords, amount.isInteger, amount.scale == 1, attached(position), word(position)?.isOrdinalSuffix == true {
            return MeasureUnit(kind: .ordinal, factor: 1, end: position + 1)
        }
        if let end = ageSuffixEnd(at: position) {
            return MeasureUnit(kind: .number, factor: 1, code: .age, end: end)
        }
        if let duration = durationUnit(at: position) { return duration }
        if let currency = word(position)?.currencyWord { return MeasureUnit(kind: .money, factor: 1, code: currencyUnit(currency), end: position + 1) }
        if word(position) == .us, let currency = word(position + 1)?.currencyWord, currency == "USD" {
            return MeasureUnit(kind: .money, factor: 1, code: currencyUnit(currency), end: position + 2)
        }
        // "500 €", "500€": a sign after the amount, not the start of the next one.
        if let currency = mark(position)?.currency, !isNumber(position + 1) || tokens[position + 1].spaceBefore {
            return MeasureUnit(kind: .money, factor: 1, code: currencyUnit(currency), end: position + 1)
        }
        if let code = word(position)?.currencyCode, isAllCaps(position) { return MeasureUnit(kind: .money, factor: 1, code: currencyUnit(code), end: position + 1) }
        return nil
    }

    /// The end of "-year-old(s)", "year(s) old" or "years of age" after a number, or nil.
    func ageSuffixEnd(at index: Int) -> Int? {
        var position = index
        if isDash(position), attached(position) { position += 1 }
        guard let unit = word(position), unit.isYearUnit || unit == .month || unit == .months else { return nil }
        position += 1
        if isDash(position), attached(position) { position += 1 }
        if word(position) == .old || word(position) == .olds { return position + 1 }
        if word(position) == .of, word(position + 1) == .age { return position + 2 }
        return nil
    }

    /// A duration unit in months: "years’", "-year", "years and six months".
    func durationUnit(at index: Int) -> MeasureUnit? {
        var position = index
        if isDash(position), attached(position), attached(position + 1) { position += 1 }  // "10-year sentence"
        guard let unitWord = word(position), let months = unitWord.durationMonths else { return nil }
        position = afterPossessive(position + 1)
        var unit = MeasureUnit(kind: .duration, factor: months, code: .months, end: position, isYears: unitWord.isYearUnit)
        // "a year and a half", "two years and a half".
        if word(position) == .and, word(position + 1) == .a, word(position + 2) == .half, word(position + 3) != .of {
            unit.extra = 0.5 * months
            unit.end = position + 3
            unit.isYears = false
            return unit
        }
        // "six years and six months": a smaller unit added on.
        if word(position) == .and || mark(position) == .comma, let more = number(at: position + 1),
           let moreMonths = word(more.end)?.durationMonths, moreMonths < months {
            unit.extra = more.value * moreMonths
            unit.extraHalf = more.halfUnit * moreMonths
            unit.end = afterPossessive(more.end + 1)
            unit.isYears = false
        }
        return unit
    }

    /// Skips a possessive after a unit: "years’", "year’s".
    func afterPossessive(_ position: Int) -> Int {
        guard mark(position) == .apostrophe, attached(position) else { return position }
        if word(position + 1) == .s, attached(position + 1) { return position + 2 }
        return position + 1
    }

    /// The values a quantity allows, with the unit `unit` (its own, or one borrowed from the other end of a range).
    /// The unit of a currency code from the recogniser's tables, all three capital letters.
    func currencyUnit(_ code: String) -> Figure.UnitCode {
        Figure.UnitCode(code) ?? .none
    }

    func interval(_ amount: Amount, _ unit: MeasureUnit?) -> Interval {
        var half = amount.halfUnit
        // A whole percentage is a rounded one: "70%" allows 69.5 to 70.5.
        if unit?.kind == .percent, amount.isInteger, half == 0 { half = 0.5 }
        let factor = unit?.factor ?? 1
        let extra = unit?.extra ?? 0
        let extraHalf = unit?.extraHalf ?? 0
        var lower = (amount.value - half) * factor + extra - extraHalf
        let upper = (amount.value + half) * factor + extra + extraHalf
        if let kind = unit?.kind, kind == .percent || kind == .money || kind == .duration { lower = max(0, lower) }
        return Interval(lower: lower, upper: upper)
    }

    func kind(_ amount: Amount, _ unit: MeasureUnit?) -> FigureKind {
        if let unit { return unit.kind }
        return amount.isInteger && (amount.halfUnit == 0 || amount.scale > 1) ? .count : .number
    }

    func figure(_ quantity: Quantity) -> Figure {
        let value = interval(quantity.amount, quantity.unit)
        let stated = quantity.amount.value * (quantity.unit?.factor ?? 1) + (quantity.unit?.extra ?? 0)
        return make(kind(quantity.amount, quantity.unit), value, stated: stated, unit: quantity.unit?.code ?? .none,
                    tokens: quantity.start..<quantity.end)
    }

    // MARK: - Measured figures

    /// A quantity, or a range of two written with "to" or a dash: "three to six years",
    /// "18–30", "$2,000-$5,000", "3- to 5-year"; a unit written once after a list applies to
    /// each number in it: "12 and 15 years".
    func measuredFigure(at index: Int) -> Figure? {
        guard let first = quantity(at: index) else { return nil }
        if let range = rangeTail(after: first) { return isAged(before: index) ? asAge(range) : range }
        var single = first
        if first.unit == nil, let unit = unitOfList(after: first.amount.end) {
            single.unit = unit
            single.unit?.end = first.amount.end
        }
        var figure = figure(single)
        if let (qualifier, end) = trailingQualifier(at: single.end) {
            figure.value = qualify(figure.value, stated: figure.stated, by: qualifier, floor: figure.kind == .number ? -.infinity : 0)
            figure.qualifier = qualifier
            figure.tokens = index..<end
            figure.bytes = byteRange(figure.tokens)
        }
        return isAged(before: index) ? asAge(figure) : figure
    }

    /// A qualifier written after a figure: "30 or more", "30 and over", "30 or so", "30+", "30-plus", "30 or fewer".
    func trailingQualifier(at index: Int) -> (Qualifier, Int)? {
        if mark(index) == .plus, attached(index) { return (.atLeast, index + 1) }
        if isDash(index), attached(index), word(index + 1) == .plus, attached(index + 1) { return (.atLeast, index + 2) }
        guard let first = word(index), first == .or || first == .and, let second = word(index + 1) else { return nil }
        switch (first, second) {
        case (.or, .more), (.or, .over), (.or, .above), (.and, .over), (.and, .above), (.or, .greater), (.or, .higher), (.and, .up):
            return (.atLeast, index + 2)
        case (.or, .fewer), (.or, .less), (.or, .under), (.or, .below), (.and, .under), (.and, .below):
            return (.atMost, index + 2)
        case (.or, .so):
            return (.approximate, index + 2)
        default:
            return nil
        }
    }

    /// The second end of a range after `first`, joined by "to" or a dash, as one figure.
    func rangeTail(after first: Quantity) -> Figure? {
        var joiner = first.end
        var dashed = false
        if isDash(joiner), attached(joiner), word(joiner + 1) == .to {
            joiner += 1  // "3- to 5-year"
        }
        if word(joiner) == .to || word(joiner) == .through {
            guard !precededByChangeWord(first.start) else { return nil }
        } else if isDash(joiner) {
            // "18-30" with a hyphen only when attached; an en dash may stand between spaces.
            guard attached(joiner) && attached(joiner + 1) || tokens[joiner].end - tokens[joiner].start > 1 else { return nil }
            dashed = true
        } else {
            return nil
        }
        // "2015 through 2019", "the years 2015 to 2019": two years make a span of dates.
        if first.unit == nil, !first.amount.isWords, let firstYear = yearValue(first.start), first.amount.end == first.start + 1,
           let lastYear = yearValue(joiner + 1), lastYear > firstYear, !dashed || !isDash(joiner + 2) {
            return make(.date, Interval(lower: CalendarDate.interval(year: firstYear, grain: .year).lower,
                                        upper: CalendarDate.interval(year: lastYear, grain: .year).upper, upperIsClosed: false),
                        stated: Double(firstYear), qualifier: .range, grain: .year, tokens: first.start..<(joiner + 2))
        }
        guard let second = quantity(at: joiner + 1), second.unit?.kind != .ordinal, first.unit?.kind != .ordinal else { return nil }
        // An identifier such as "8-800-555" is no range.
        if dashed, isDash(second.end), attached(second.end) { return nil }
        return joinRange(first, second, start: first.start)
    }

    /// Two quantities as a range: the first borrows the second's unit and scale when it has none.
    func joinRange(_ first: Quantity, _ second: Quantity, start: Int) -> Figure? {
        var low = first
        var high = second
        switch (first.unit, second.unit) {
        case (nil, let unit?):
            if unit.kind == .money, !unitIsWrittenAfter(second) { return nil }  // "5 to $10" is not a range of dollars
            low.unit = unit
        case (let unit?, nil):
            guard unit.kind == .money else { return nil }
            high.unit = unit
        case let (a?, b?):
            guard a.kind == b.kind, a.code == b.code || a.kind == .duration else { return nil }
        case (nil, nil):
            break
        }
        if first.amount.scale == 1, second.amount.scale > 1, first.amount.value < second.amount.written {
            low.amount.value *= second.amount.scale
            low.amount.halfUnit = (first.amount.halfUnit > 0 ? first.amount.halfUnit : 0.5) * second.amount.scale
            low.amount.scale = second.amount.scale
            low.amount.isInteger = low.amount.value == low.amount.value.rounded()
        }
        let lowValue = interval(low.amount, low.unit)
        let highValue = interval(high.amount, high.unit)
        guard lowValue.lower <= highValue.upper, lowValue.lower < highValue.lower || lowValue == highValue else { return nil }
        let kind = high.unit?.kind ?? low.unit?.kind ?? (low.amount.isInteger && high.amount.isInteger ? .count : .number)
        return make(kind, Interval(lower: lowValue.lower, upper: highValue.upper), stated: lowValue.midpoint, qualifier: .range,
                    unit: high.unit?.code ?? low.unit?.code ?? .none, tokens: start..<second.end)
    }

    /// Whether a money unit came after the amount ("5,000 dollars") rather than before ("$5,000").
    func unitIsWrittenAfter(_ quantity: Quantity) -> Bool {
        guard let unit = quantity.unit else { return false }
        return unit.end > quantity.amount.end
    }

    /// The unit written after the last of a list of bare numbers: "12 and 15 years", "13, 14 and 15 years old".
    func unitOfList(after end: Int) -> MeasureUnit? {
        var position = end
        for _ in 0..<8 {
            if mark(position) == .comma { position += 1 }
            if word(position) == .and || word(position) == .or { position += 1 }
            guard position > end, isNumber(position) || word(position)?.unitValue != nil,
                  let next = quantity(at: position) else { return nil }
            if let unit = next.unit {
                switch unit.kind {
                case .duration, .percent: return unit.extra == 0 ? unit : nil
                case .number where unit.code == .age: return unit
                default: return nil
                }
            }
            position = next.amount.end
            guard mark(position) == .comma || word(position) == .and || word(position) == .or else { return nil }
        }
        return nil
    }

    /// Whether a word of change ("increased from 13 to 22") comes just before `index`, so "to" marks a new value.
    func precededByChangeWord(_ index: Int) -> Bool {
        var position = index - 1
        if word(position) == .from { position -= 1 }
        guard isWord(position) else { return false }
        let range = tokens[position].bytes
        for prefix in FigureScanner.changePrefixes where ByteText.hasPrefix(bytes, range, lowercase: prefix) {
            return true
        }
        return false
    }

    static let changePrefixes: [[UInt8]] = [
        "increas", "decreas", "rise", "rose", "risen", "rising", "fell", "fall", "grew", "grow", "drop", "declin",
        "jump", "climb", "reduc", "went", "doubl", "tripl", "rais", "cut", "chang", "shift", "mov", "up", "down", "surg", "soar",
    ].map { Array($0.utf8) }

    // MARK: - Ages

    /// Whether the words before `index` make the figure an age: "aged 17", "aged between 14 and 17".
    func isAged(before index: Int) -> Bool {
        switch word(index - 1) {
        case .aged?, .ages?: return true
        case .between?, .from?: return word(index - 2) == .aged || word(index - 2) == .ages
        default: return false
        }
    }

    /// The figure as an age in years, when "aged" comes before it.
    func asAgeIfAged(_ figure: Figure, at index: Int) -> Figure {
        guard isAged(before: index) else { return figure }
        return asAge(figure)
    }

    func asAge(_ figure: Figure) -> Figure {
        var age = figure
        switch figure.kind {
        case .count, .number:
            break
        case .duration:
            // "aged 14–17 years": years, not months.
            age.value = Interval(lower: figure.value.lower / 12, upper: figure.value.upper / 12,
                                 lowerIsClosed: figure.value.lowerIsClosed, upperIsClosed: figure.value.upperIsClosed)
            age.stated = figure.stated / 12
        default:
            return figure
        }
        age.kind = .number
        age.unitCode = .age
        return age
    }

    // MARK: - Qualifiers

    /// "about 70%", "over 1,000", "at least $12,500", "up to 15 years", "under the age of 18".
    func qualifiedFigure(at index: Int) -> Figure? {
        guard let (qualifier, start) = qualifier(at: index) else { return nil }
        var position = start
        var isAge = isAged(before: index) || (word(index) == .as && (word(index + 1) == .young || word(index + 1) == .old))
        if word(position) == .the, word(position + 1) == .age, word(position + 2) == .of {
            position += 3
            isAge = true
        }
        guard let inner = quantity(at: position), inner.unit?.kind != .ordinal else { return nil }
        // "some 20-30": the range speaks for itself.
        if rangeTail(after: inner) != nil { return nil }
        // "around 2008", "circa 2000": a year, unless a noun follows ("about 2000 victims").
        if inner.unit == nil, !inner.amount.isWords, inner.amount.scale == 1, yearValue(position) != nil, !isWord(inner.end) || isCapitalized(inner.end) {
            return nil
        }
        var single = inner
        if inner.unit == nil, let unit = unitOfList(after: inner.amount.end) {
            single.unit = unit
            single.unit?.end = inner.amount.end
        }
        var figure = figure(single)
        // "while they were under 18", "children over 16": a threshold of age, written as a bare number.
        let word = word(index)
        let next = self.word(inner.end)
        let endsClause = !isWord(inner.end) || next == .when || next == .while || next == .who || next == .and || next == .or
        if single.unit == nil, endsClause, word == .under || word == .over || word == .below || word == .above,
           figure.kind == .count, (12...21).contains(figure.stated) {
            isAge = true
        }
        if isAge || figure.unitCode == .age { figure = asAge(figure) }
        let floor = figure.kind == .number && figure.unitCode != .age ? -Double.infinity : 0
        figure.value = qualify(figure.value, stated: figure.stated, by: qualifier, floor: floor)
        figure.qualifier = qualifier
        figure.tokens = index..<figure.tokens.upperBound
        figure.bytes = byteRange(figure.tokens)
        return figure
    }

    /// The qualifier written at `index` and the token after it.
    func qualifier(at index: Int) -> (Qualifier, Int)? {
        guard let first = word(index) else { return nil }
        let second = word(index + 1)
        let third = word(index + 2)
        switch (first, second, third) {
        case (.a, .total?, .of?) where word(index + 3) == .at && word(index + 4) == .least: return (.atLeast, index + 5)
        case (.more, .than?, _), (.greater, .than?, _), (.well, .over?, _), (.just, .over?, _), (.upwards, .of?, _):
            return (.moreThan, index + 2)
        case (.in, .excess?, .of?): return (.moreThan, index + 3)
        case (.at, .least?, _): return (.atLeast, index + 2)
        case (.no, .fewer?, .than?), (.no, .less?, .than?), (.not, .less?, .than?): return (.atLeast, index + 3)
        case (.a, .minimum?, .of?): return (.atLeast, index + 3)
        case (.up, .to?, _), (.at, .most?, _): return (.atMost, index + 2)
        case (.no, .more?, .than?), (.not, .more?, .than?): return (.atMost, index + 3)
        case (.a, .maximum?, .of?): return (.atMost, index + 3)
        case (.fewer, .than?, _), (.less, .than?, _), (.just, .under?, _): return (.lessThan, index + 2)
        case (.close, .to?, _): return (.nearly, index + 2)
        case (.as, .many?, .as?), (.as, .much?, .as?), (.as, .high?, .as?): return (.atMost, index + 3)
        case (.as, .few?, .as?), (.as, .little?, .as?), (.as, .low?, .as?), (.as, .young?, .as?): return (.atLeast, index + 3)
        case (.as, .old?, .as?): return (.atMost, index + 3)
        case (.just, .short?, .of?): return (.nearly, index + 3)
        case (.an, .estimated?, _): return (.approximate, index + 2)
        default:
            if let qualifier = first.qualifier { return (qualifier, index + 1) }
            return nil
        }
    }

    /// Widens an exact reading by its qualifier.
    func qualify(_ base: Interval, stated: Double, by qualifier: Qualifier, floor: Double) -> Interval {
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

    // MARK: - Ranges introduced by a word

    /// "between 18 and 30", "from 20 to 40", "ranging from six months to 13 years", "between 2016 and 2018".
    func rangeFigure(at index: Int) -> Figure? {
        var start = index
        let joiner: Word
        switch word(index) {
        case .between?:
            joiner = .and
        case .from?:
            guard !precededByChangeWord(index + 1) else { return nil }
            joiner = .to
        case .ranging?, .ranged?:
            guard word(index + 1) == .from else { return nil }
            joiner = .to
            start += 1
        default:
            return nil
        }
        start += 1
        // "between the ages of 14 and 17".
        var isAgeRange = false
        if word(start) == .the, word(start + 1) == .ages, word(start + 2) == .of {
            start += 3
            isAgeRange = true
        }
        if !isAgeRange, let first = date(at: start, allowRange: false) {
            let middle = first.tokens.upperBound
            guard word(middle) == joiner || (joiner == .to && (word(middle) == .until || word(middle) == .through)),
                  let second = date(at: middle + 1, allowRange: false), second.value.upper >= first.value.lower else { return nil }
            return make(.date, Interval(lower: first.value.lower, upper: second.value.upper, upperIsClosed: false),
                        stated: first.stated, qualifier: .range, grain: first.grain, tokens: index..<second.tokens.upperBound)
        }
        guard let first = quantity(at: start), first.unit?.kind != .ordinal else { return nil }
        var middle = first.end
        if isDash(middle), attached(middle) { middle += 1 }
        guard word(middle) == joiner, let second = quantity(at: middle + 1), second.unit?.kind != .ordinal,
              var range = joinRange(first, second, start: index) else { return nil }
        if isAgeRange || isAged(before: index) || range.unitCode == .age { range = asAge(range) }
        return range
    }
}
