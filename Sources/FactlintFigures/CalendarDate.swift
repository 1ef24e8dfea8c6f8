/// Conversions between calendar dates and day numbers (days since 1970-01-01, proleptic Gregorian).
public enum CalendarDate {
    /// The day number of a calendar date.
    ///
    /// - Complexity: O(1).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Wrapping arithmetic: years, months and days read from text have at most nine digits,
        // far from overflowing, and a date is read for most numbers of a report.
        let y = month <= 2 ? year &- 1 : year
        let era = (y >= 0 ? y : y &- 399) / 400
        let yearOfEra = y &- era &* 400
        let monthIndex = (month &+ 9) % 12
        let dayOfYear = (153 &* monthIndex &+ 2) / 5 &+ day &- 1
        let dayOfEra = yearOfEra &* 365 &+ yearOfEra / 4 &- yearOfEra / 100 &+ dayOfYear
        return era &* 146_097 &+ dayOfEra &- 719_468
    }

    /// The calendar date of a day number.
    public static func components(ofDay dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The interval of day numbers covering a day, month, year or decade: [first day, day after last).
    public static func interval(year: Int, month: Int? = nil, day: Int? = nil, grain: DateGrain) -> Interval {
        let start: Int
        let end: Int
        switch grain {
        case .day:
            start = dayNumber(year: year, month: month ?? 1, day: day ?? 1)
            end = start + 1
        case .month:
            start = dayNumber(year: year, month: month ?? 1, day: 1)
            end = start + daysIn(month: month ?? 1, year: year)
        case .year:
            start = dayNumber(year: year, month: 1, day: 1)
            end = dayNumber(year: year + 1, month: 1, day: 1)
        case .decade:
            start = dayNumber(year: year, month: 1, day: 1)
            end = dayNumber(year: year + 10, month: 1, day: 1)
        }
        return Interval(lower: Double(start), upper: Double(end), lowerIsClosed: true, upperIsClosed: false)
    }

    /// An ISO rendering of a date interval at its grain: "2008", "2008-07", "2008-06-04", "2000s".
    public static func describe(_ interval: Interval, grain: DateGrain) -> String {
        guard interval.lower.isFinite else { return interval.description }
        let (year, month, day) = components(ofDay: Int(interval.lower))
        let y = pad(year, 4)
        switch grain {
        case .decade: return "\(y)s"
        case .year:
            let (lastYear, _, _) = components(ofDay: Int(interval.upper) - 1)
            return lastYear == year ? y : "\(y)–\(pad(lastYear, 4))"
        case .month:
            let (lastYear, lastMonth, _) = components(ofDay: Int(interval.upper) - 1)
            let first = "\(y)-\(pad(month, 2))"
            return (lastYear, lastMonth) == (year, month) ? first : "\(first)–\(pad(lastYear, 4))-\(pad(lastMonth, 2))"
        case .day:
            let first = "\(y)-\(pad(month, 2))-\(pad(day, 2))"
            if interval.upper.isFinite, Int(interval.upper) - 1 != Int(interval.lower) {
                let (ly, lm, ld) = components(ofDay: Int(interval.upper) - 1)
                return "\(first)–\(pad(ly, 4))-\(pad(lm, 2))-\(pad(ld, 2))"
            }
            return first
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        var text = String(value)
        while text.count < width { text = "0" + text }
        return text
    }
}
