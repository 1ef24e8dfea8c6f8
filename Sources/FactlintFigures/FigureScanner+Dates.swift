extension FigureScanner {
    /// A date at `index`: "June 4, 2008", "4 June 2008", "July 2008", "2017-06-28", "in 2007",
    /// "the 2000s", "2012–13"; with `allowRange`, also "January 2008 to February 2008".
    func date(at index: Int, allowRange: Bool = true) -> Figure? {
        guard let first = singleDate(at: index) else { return nil }
        guard allowRange else { return first }
        let joiner = first.tokens.upperBound
        let joins = wordIs(joiner, "to") || wordIs(joiner, "until") || wordIs(joiner, "through")
            || (isDash(joiner) && first.grain != .year)
        if joins, !precededByChangeWord(index), let second = singleDate(at: joiner + 1), second.value.lower >= first.value.lower,
           first.grain != .year || second.grain != .year || !wordIs(joiner, "to") || wordIs(index - 1, "from") {
            return make(.date, Interval(lower: first.value.lower, upper: second.value.upper, upperIsClosed: false),
                        stated: first.stated, qualifier: .range, grain: first.grain, tokens: index..<second.tokens.upperBound)
        }
        return first
    }

    func singleDate(at index: Int) -> Figure? {
        if let month = month(at: index) {
            return dateAfterMonth(month.value, monthEnd: month.end, start: index)
        }
        guard isNumber(index) else { return nil }
        // "4 June 2008", "4th of June 2008"
        if let day = plainInteger(index), digitCount(index) <= 2, (1...31).contains(day) {
            var position = index + 1
            if attached(position), wordIn(position, Lexicon.ordinalSuffixes) { position += 1 }
            if wordIs(position, "of") { position += 1 }
            if let month = month(at: position), let year = yearValue(month.end) {
                guard day <= CalendarDate.daysIn(month: month.value, year: year) else { return nil }
                return make(.date, CalendarDate.interval(year: year, month: month.value, day: day, grain: .day),
                            stated: Double(year), grain: .day, tokens: index..<(month.end + 1))
            }
            return nil
        }
        guard let year = yearValue(index) else { return nil }
        // ISO: "2017-06-28", "2017-06".
        if punctuation(index + 1, "-"), attached(index + 1), attached(index + 2), let month = plainInteger(index + 2),
           digitCount(index + 2) == 2, (1...12).contains(month) {
            if punctuation(index + 3, "-"), attached(index + 3), attached(index + 4), let day = plainInteger(index + 4),
               digitCount(index + 4) == 2, day >= 1, day <= CalendarDate.daysIn(month: month, year: year) {
                return make(.date, CalendarDate.interval(year: year, month: month, day: day, grain: .day),
                            stated: Double(year), grain: .day, tokens: index..<(index + 5))
            }
            return make(.date, CalendarDate.interval(year: year, month: month, grain: .month),
                        stated: Double(year), grain: .month, tokens: index..<(index + 3))
        }
        // Decades: "the 2000s", "1990s".
        if wordIs(index + 1, "s"), attached(index + 1), year % 10 == 0 {
            return make(.date, CalendarDate.interval(year: year, grain: .decade), stated: Double(year), grain: .decade,
                        tokens: index..<(index + 2))
        }
        // Spans of years: "2012–13", "2012-2013".
        if isDash(index + 1), attached(index + 1), attached(index + 2), let second = plainInteger(index + 2) {
            let last: Int
            if digitCount(index + 2) == 2 {
                last = year / 100 * 100 + second
            } else if digitCount(index + 2) == 4 {
                last = second
            } else {
                return nil
            }
            guard last > year, last - year < 100, !isDash(index + 3) else { return nil }
            return make(.date, Interval(lower: CalendarDate.interval(year: year, grain: .year).lower,
                                        upper: CalendarDate.interval(year: last, grain: .year).upper, upperIsClosed: false),
                        stated: Double(year), qualifier: .range, grain: .year, tokens: index..<(index + 3))
        }
        guard isYearInContext(index) else { return nil }
        return make(.date, CalendarDate.interval(year: year, grain: .year), stated: Double(year), grain: .year,
                    tokens: index..<(index + 1))
    }

    /// "June 4, 2008", "June 2008", "June, 2008" after a month word.
    func dateAfterMonth(_ month: Int, monthEnd: Int, start: Int) -> Figure? {
        var position = monthEnd
        if let day = plainInteger(position), digitCount(position) <= 2, (1...31).contains(day) {
            position += 1
            if attached(position), wordIn(position, Lexicon.ordinalSuffixes) { position += 1 }
            if punctuation(position, ",") { position += 1 }
            guard let year = yearValue(position), day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
            return make(.date, CalendarDate.interval(year: year, month: month, day: day, grain: .day),
                        stated: Double(year), grain: .day, tokens: start..<(position + 1))
        }
        if punctuation(position, ",") || wordIs(position, "of") { position += 1 }
        guard let year = yearValue(position) else { return nil }
        return make(.date, CalendarDate.interval(year: year, month: month, grain: .month),
                    stated: Double(year), grain: .month, tokens: start..<(position + 1))
    }

    /// A capitalised month name or abbreviation ("Sept."), with the token after it.
    func month(at index: Int) -> (value: Int, end: Int)? {
        guard isCapitalized(index), let text = word(index), let month = Lexicon.months[text] else { return nil }
        var end = index + 1
        if text.count <= 4, punctuation(end, "."), attached(end) { end += 1 }
        return (month, end)
    }

    /// The value of a four-digit year token between 1800 and 2100, or nil.
    func yearValue(_ index: Int) -> Int? {
        guard isNumber(index), digitCount(index) == 4, let value = plainInteger(index), (1800...2100).contains(value) else { return nil }
        return value
    }

    /// Whether a bare four-digit number is a year here: "in 2007", "(2019)", not "the 2000 UN TIP Protocol".
    func isYearInContext(_ index: Int) -> Bool {
        if isYearUsedAsName(index) { return false }
        if index == range.lowerBound || startsSentence(index) { return true }
        if wordIn(index - 1, Lexicon.yearLeads) { return true }
        if isDash(index - 1), attached(index), wordIs(index - 2, "mid") || wordIs(index - 2, "early") || wordIs(index - 2, "late") || wordIs(index - 2, "pre") || wordIs(index - 2, "post") {
            return true
        }
        if tokens[index - 1].kind == .punctuation { return true }
        // "a 2021 amendment", "its 2019 report": a year that modifies a noun.
        if wordIs(index - 1, "a") || wordIs(index - 1, "an") || wordIs(index - 1, "the") || wordIs(index - 1, "its") || wordIs(index - 1, "their") || wordIs(index - 1, "this") || wordIs(index - 1, "that") {
            return true
        }
        // "convicted 2015 traffickers" would be a count; a year is rarely followed by a lowercase noun
        // unless a preposition leads it.
        if isWord(index + 1), !isCapitalized(index + 1) {
            return false
        }
        return true
    }

    /// "the 2000 UN TIP Protocol", "its 2011 Trafficking in Persons Report", "Report 2008".
    func isYearUsedAsName(_ index: Int) -> Bool {
        let leadIsPreposition = wordIn(index - 1, Lexicon.yearLeads)
        if isCapitalized(index + 1), !leadIsPreposition, !(index == range.lowerBound || startsSentence(index)),
           month(at: index - 1) == nil, !punctuation(index - 1, ","), !punctuation(index - 1, "(") {
            return true
        }
        if isCapitalized(index - 1), !leadIsPreposition, month(at: index - 1) == nil, !startsSentence(index - 1) || isCapitalized(index - 2) {
            return !isWord(index + 1)
        }
        return false
    }
}
