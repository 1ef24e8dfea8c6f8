extension FigureScanner {
    /// A date at `index`: "June 4, 2008", "4 June 2008", "July 2008", "2017-06-28", "in 2007",
    /// "the 2000s", "2012–13"; with `allowRange`, also "January 2008 to February 2008".
    func date(at index: Int, allowRange: Bool = true) -> Figure? {
        guard let first = singleDate(at: index) else { return nil }
        guard allowRange else { return first }
        let joiner = first.tokens.upperBound
        let joins = word(joiner) == .to || word(joiner) == .until || word(joiner) == .through
            || (isDash(joiner) && first.grain != .year)
        if joins, !precededByChangeWord(index), let second = singleDate(at: joiner + 1), second.value.lower >= first.value.lower,
           first.grain != .year || second.grain != .year || word(joiner) != .to || word(index - 1) == .from {
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
        // "4 June 2008", "4th of June 2008".
        if let day = plainInteger(index), digitCount(index) <= 2 {
            guard (1...31).contains(day) else { return nil }
            var position = index + 1
            if attached(position), word(position)?.isOrdinalSuffix == true { position += 1 }
            if word(position) == .of { position += 1 }
            if let month = month(at: position), let year = yearValue(month.end) {
                guard day <= CalendarDate.daysIn(month: month.value, year: year) else { return nil }
                return make(.date, CalendarDate.interval(year: year, month: month.value, day: day, grain: .day),
                            stated: Double(year), grain: .day, tokens: index..<(month.end + 1))
            }
            return nil
        }
        guard let year = yearValue(index) else { return nil }
        // ISO "2017-06-28" and "2017-06"; "2008-09" is a span of two years.
        if mark(index + 1) == .hyphen, attached(index + 1), attached(index + 2), let second = plainInteger(index + 2), digitCount(index + 2) == 2 {
            if mark(index + 3) == .hyphen, attached(index + 3), attached(index + 4), let day = plainInteger(index + 4), digitCount(index + 4) == 2 {
                guard (1...12).contains(second), day >= 1, day <= CalendarDate.daysIn(month: second, year: year) else { return nil }
                return make(.date, CalendarDate.interval(year: year, month: second, day: day, grain: .day),
                            stated: Double(year), grain: .day, tokens: index..<(index + 5))
            }
            if second != (year + 1) % 100, (1...12).contains(second) {
                return make(.date, CalendarDate.interval(year: year, month: second, grain: .month),
                            stated: Double(year), grain: .month, tokens: index..<(index + 3))
            }
        }
        // Decades: "the 2000s", "1990s".
        if word(index + 1) == .s, attached(index + 1), year % 10 == 0 {
            return make(.date, CalendarDate.interval(year: year, grain: .decade), stated: Double(year), grain: .decade,
                        tokens: index..<(index + 2))
        }
        // Spans of years: "2012–13", "2012-2013", "2008-09".
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
            if attached(position), word(position)?.isOrdinalSuffix == true { position += 1 }
            if mark(position) == .comma { position += 1 }
            guard let year = yearValue(position), day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
            return make(.date, CalendarDate.interval(year: year, month: month, day: day, grain: .day),
                        stated: Double(year), grain: .day, tokens: start..<(position + 1))
        }
        if mark(position) == .comma || word(position) == .of { position += 1 }
        guard let year = yearValue(position) else { return nil }
        return make(.date, CalendarDate.interval(year: year, month: month, grain: .month),
                    stated: Double(year), grain: .month, tokens: start..<(position + 1))
    }

    /// A capitalised month name or abbreviation ("Sept."), with the token after it.
    func month(at index: Int) -> (value: Int, end: Int)? {
        guard let text = word(index), let month = text.monthNumber, isCapitalized(index) else { return nil }
        var end = index + 1
        if tokens[index].end - tokens[index].start <= 4, mark(end) == .period, attached(end) { end += 1 }
        return (month, end)
    }

    /// The value of a four-digit year token between 1800 and 2100, or nil.
    func yearValue(_ index: Int) -> Int? {
        guard isNumber(index), digitCount(index) == 4, let value = plainInteger(index), (1800...2100).contains(value) else { return nil }
        return value
    }

    /// Whether a bare four-digit number is a year here: "in 2007", "(2019)", "a 2021 amendment",
    /// not "the 2000 UN TIP Protocol" and not "convicted 2015 traffickers".
    func isYearInContext(_ index: Int) -> Bool {
        if isYearUsedAsName(index) { return false }
        if index == range.lowerBound || startsSentence(index) { return true }
        if word(index - 1)?.isYearLead == true { return true }
        if isDash(index - 1), attached(index), let prefix = word(index - 2), prefix == .mid || prefix == .early || prefix == .late || prefix == .pre || prefix == .post {
            return true
        }
        if tokens[index - 1].kind == .punctuation { return true }
        // After any other word, a following lowercase noun makes it a count.
        if isWord(index + 1), !isCapitalized(index + 1) { return false }
        return true
    }

    /// "the 2000 UN TIP Protocol", "its 2011 Trafficking in Persons Report", "Report 2008".
    func isYearUsedAsName(_ index: Int) -> Bool {
        let lead = word(index - 1)
        let leadIsPreposition = lead?.isYearLead == true && lead != .the && lead != .its && lead != .their && lead != .this && lead != .a && lead != .an
        if leadIsPreposition { return false }
        // A capitalised name follows: "the 2000 UN TIP Protocol", "“2019 Trafficking in Persons Report”".
        if isCapitalized(index + 1), !(index == range.lowerBound || startsSentence(index)), month(at: index - 1) == nil,
           mark(index - 1) != .comma, mark(index - 1) != .openParen {
            return true
        }
        // A capitalised name comes before: "Trafficking in Persons Report 2008".
        if isCapitalized(index - 1), month(at: index - 1) == nil, !startsSentence(index - 1) || isCapitalized(index - 2) {
            return true
        }
        return false
    }
}
