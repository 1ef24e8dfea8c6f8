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
        guard isNumber(index) else { return wordDate(at: index) }
        if let numeric = numericDate(at: index) { return numeric }
        // "4 June 2008", "4th of June 2008".
        if digitCount(index) <= 2, let day = plainInteger(index) {
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
        // Decades: "the 2000s", "1990s", "the 1990’s".
        if word(index + 1) == .s, attached(index + 1), year % 10 == 0 {
            return make(.date, CalendarDate.interval(year: year, grain: .decade), stated: Double(year), grain: .decade,
                        tokens: index..<(index + 2))
        }
        if mark(index + 1) == .apostrophe, attached(index + 1), word(index + 2) == .s, attached(index + 2), year % 10 == 0 {
            return make(.date, CalendarDate.interval(year: year, grain: .decade), stated: Double(year), grain: .decade,
                        tokens: index..<(index + 3))
        }
        // Financial and academic years: "2019/20", "2019/2020".
        if mark(index + 1) == .slash, attached(index + 1), attached(index + 2), let second = plainInteger(index + 2),
           second == year + 1 || (digitCount(index + 2) == 2 && second == (year + 1) % 100), !isDash(index + 3) && mark(index + 3) != .slash {
            return make(.date, Interval(lower: CalendarDate.interval(year: year, grain: .year).lower,
                                        upper: CalendarDate.interval(year: year + 1, grain: .year).upper, upperIsClosed: false),
                        stated: Double(year), qualifier: .range, grain: .year, tokens: index..<(index + 3))
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
        // "the Organization’s 2019 report".
        if word(index - 1) == .s, attached(index - 1), mark(index - 2) == .apostrophe { return true }
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

    // MARK: - Numeric dates

    /// "12.05.2019", "25/12/2019", "12-05-2019", "03/2019".
    ///
    /// Day and month are read day first, as in most of the world, only when that is the one
    /// possible reading; "05/12/2019" could be either, so it is read as the span from the
    /// earlier to the later of the two days.
    func numericDate(at index: Int) -> Figure? {
        let token = tokens[index]
        // One token with two dots: "12.05.2019".
        if token.end - token.start == 10 || token.end - token.start == 9 || token.end - token.start == 8 {
            var parts: [Int] = []
            var value = 0
            var digits = 0
            var lengths: [Int] = []
            for byte in bytes[token.start..<token.end] {
                if byte == UInt8(ascii: ".") {
                    parts.append(value)
                    lengths.append(digits)
                    value = 0
                    digits = 0
                } else if ByteText.isDigit(byte) {
                    value = value * 10 + Int(byte - 0x30)
                    digits += 1
                } else {
                    return nil
                }
            }
            parts.append(value)
            lengths.append(digits)
            guard parts.count == 3, lengths[0] <= 2, lengths[1] <= 2, lengths[2] == 4, (1800...2100).contains(parts[2]) else { return nil }
            return dayDate(first: parts[0], second: parts[1], year: parts[2], dayFirstOnly: true, tokens: index..<(index + 1))
        }
        guard digitCount(index) <= 2, let first = plainInteger(index), first >= 1 else { return nil }
        let separator = mark(index + 1)
        guard separator == .slash || separator == .hyphen, attached(index + 1), attached(index + 2), isNumber(index + 2) else { return nil }
        // "03/2019": a month and a year.
        if separator == .slash, let year = yearValue(index + 2), first <= 12, digitCount(index) == 2 || isYearLeadBefore(index) {
            guard !(mark(index + 3) == .slash || isDash(index + 3)) || !attached(index + 3) else { return nil }
            return make(.date, CalendarDate.interval(year: year, month: first, grain: .month),
                        stated: Double(year), grain: .month, tokens: index..<(index + 3))
        }
        guard digitCount(index + 2) <= 2, let second = plainInteger(index + 2), mark(index + 3) == separator, attached(index + 3),
              attached(index + 4), let year = yearValue(index + 4) else { return nil }
        if isDash(index + 5), attached(index + 5) { return nil }
        return dayDate(first: first, second: second, year: year, dayFirstOnly: false, tokens: index..<(index + 5))
    }

    func isYearLeadBefore(_ index: Int) -> Bool {
        word(index - 1)?.isYearLead == true || mark(index - 1) == .openParen
    }

    /// A day written as two numbers and a year, day first where only that reading is possible.
    func dayDate(first: Int, second: Int, year: Int, dayFirstOnly: Bool, tokens range: Range<Int>) -> Figure? {
        let dayFirst = second >= 1 && second <= 12 && first >= 1 && first <= CalendarDate.daysIn(month: second, year: year)
        let monthFirst = !dayFirstOnly && first >= 1 && first <= 12 && second >= 1 && second <= CalendarDate.daysIn(month: first, year: year)
        switch (dayFirst, monthFirst) {
        case (true, false):
            return make(.date, CalendarDate.interval(year: year, month: second, day: first, grain: .day),
                        stated: Double(year), grain: .day, tokens: range)
        case (false, true):
            return make(.date, CalendarDate.interval(year: year, month: first, day: second, grain: .day),
                        stated: Double(year), grain: .day, tokens: range)
        case (true, true):
            let a = CalendarDate.interval(year: year, month: second, day: first, grain: .day)
            let b = CalendarDate.interval(year: year, month: first, day: second, grain: .day)
            if a == b { return make(.date, a, stated: Double(year), grain: .day, tokens: range) }
            return make(.date, Interval(lower: min(a.lower, b.lower), upper: max(a.upper, b.upper), upperIsClosed: false),
                        stated: Double(year), qualifier: .range, grain: .day, tokens: range)
        case (false, false):
            return nil
        }
    }

    // MARK: - Dates that start with a word

    /// Dates that start with a word other than a month: "Monday, 4 June 2018", "Q3 2019",
    /// "FY2019", "spring 2019", "mid-2019", "early 2019", "the end of 2019", "the first half of 2019".
    func wordDate(at index: Int) -> Figure? {
        guard contains(index), tokens[index].kind == .word else { return nil }
        guard let text = word(index) else { return codedPeriod(at: index) }
        if text.isWeekday {
            var position = index + 1
            if mark(position) == .comma { position += 1 }
            guard var date = singleDate(at: position), date.grain == .day else { return nil }
            date.tokens = index..<date.tokens.upperBound
            date.bytes = byteRange(date.tokens)
            return date
        }
        if let season = text.season {
            var position = index + 1
            if word(position) == .of { position += 1 }
            guard let year = yearValue(position) else { return nil }
            let start = season.first == 12 ? CalendarDate.dayNumber(year: year - 1, month: 12, day: 1)
                : CalendarDate.dayNumber(year: year, month: season.first, day: 1)
            let end = season.first == 12 ? CalendarDate.dayNumber(year: year + 1, month: 3, day: 1)
                : CalendarDate.dayNumber(year: year, month: season.first + season.months, day: 1)
            return make(.date, Interval(lower: Double(start), upper: Double(end), upperIsClosed: false), stated: Double(year),
                        grain: .month, tokens: index..<(position + 1))
        }
        if text == .fy {
            var position = index + 1
            if isDash(position), attached(position) { position += 1 }
            guard let year = yearValue(position) else { return nil }
            return fiscalYear(year, tokens: index..<(position + 1))
        }
        // Parts of a year: "early 2019", "mid-2019", "late 2019", "the end of 2019".
        var position = index + 1
        let months: (first: Int, count: Int)
        switch text {
        case .early:
            months = (1, 4)
        case .mid:
            months = (4, 6)
        case .late:
            months = (9, 4)
        case .end, .beginning, .start, .middle:
            guard word(position) == .of else { return nil }
            position += 1
            switch text {
            case .end: months = (10, 3)
            case .middle: months = (4, 6)
            default: months = (1, 3)
            }
        default:
            if let ordinal = text.ordinalValue, let part = word(index + 1), part == .quarter || part == .half, word(index + 2) == .of,
               let year = yearValue(index + 3) {
                let length = part == .quarter ? 3 : 6
                guard ordinal * length <= 12 else { return nil }
                return monthsOfYear(year, first: (ordinal - 1) * length + 1, count: length, tokens: index..<(index + 4))
            }
            return nil
        }
        if isDash(position), attached(position), attached(position + 1) { position += 1 }
        guard let year = yearValue(position) else { return nil }
        return monthsOfYear(year, first: months.first, count: months.count, tokens: index..<(position + 1))
    }

    /// "Q3 2019", "H1 2019", "FY2019", "FY19": a period named by a code glued to its number.
    func codedPeriod(at index: Int) -> Figure? {
        let token = tokens[index]
        let length = token.end - token.start
        guard length >= 2, length <= 6 else { return nil }
        let lead = ByteText.lowercased(bytes[token.start])
        if length == 2, lead == UInt8(ascii: "q") || lead == UInt8(ascii: "h"), ByteText.isDigit(bytes[token.start + 1]) {
            let part = Int(bytes[token.start + 1] - 0x30)
            let size = lead == UInt8(ascii: "q") ? 3 : 6
            guard part >= 1, part * size <= 12, bytes[token.start] < 0x60 else { return nil }
            var position = index + 1
            if word(position) == .of || (mark(position) == .slash && attached(position)) { position += 1 }
            guard let year = yearValue(position) else { return nil }
            return monthsOfYear(year, first: (part - 1) * size + 1, count: size, tokens: index..<(position + 1))
        }
        // "FY2019", "FY19".
        guard length == 6 || length == 4, lead == UInt8(ascii: "f"), ByteText.lowercased(bytes[token.start + 1]) == UInt8(ascii: "y") else { return nil }
        var year = 0
        for byte in bytes[(token.start + 2)..<token.end] {
            guard ByteText.isDigit(byte) else { return nil }
            year = year * 10 + Int(byte - 0x30)
        }
        if length == 4 { year += 2000 }
        guard (1800...2100).contains(year) else { return nil }
        return fiscalYear(year, tokens: index..<(index + 1))
    }

    /// A fiscal year is named by the calendar year it ends in, mostly, but starts in a month
    /// that depends on the country: "FY2019" is read as any day of 2018 and 2019.
    func fiscalYear(_ year: Int, tokens range: Range<Int>) -> Figure {
        make(.date, Interval(lower: CalendarDate.interval(year: year - 1, grain: .year).lower,
                             upper: CalendarDate.interval(year: year, grain: .year).upper, upperIsClosed: false),
             stated: Double(year), qualifier: .range, grain: .year, tokens: range)
    }

    /// Whole months of a year, from `first`, `count` of them: quarters, halves, early and late parts.
    func monthsOfYear(_ year: Int, first: Int, count: Int, tokens range: Range<Int>) -> Figure {
        let start = CalendarDate.dayNumber(year: year, month: first, day: 1)
        let last = first + count
        let end = last > 12 ? CalendarDate.dayNumber(year: year + 1, month: last - 12, day: 1) : CalendarDate.dayNumber(year: year, month: last, day: 1)
        return make(.date, Interval(lower: Double(start), upper: Double(end), upperIsClosed: false), stated: Double(year),
                    grain: .month, tokens: range)
    }
}
