import FactlintFigures
import Foundation
import Testing

/// Day numbers are how dates are compared ("established before posted"); a day off at a
/// leap year turns a correct order into a finding.
@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("known day numbers", arguments: [
        ((1970, 1, 1), 0),
        ((1969, 12, 31), -1),
        ((2000, 1, 1), 10_957),
        ((2000, 3, 1), 11_017),
        ((2008, 2, 29), 13_938),
        ((2017, 6, 28), 17_345),
        ((1900, 3, 1), -25_508),
        ((2100, 1, 1), 47_482),
        ((1800, 1, 1), -62_091),
    ])
    func knownDayNumbers(_ date: (Int, Int, Int), _ expected: Int) {
        #expect(CalendarDate.dayNumber(year: date.0, month: date.1, day: date.2) == expected)
        let components = CalendarDate.components(ofDay: expected)
        let found: [Int] = [components.year, components.month, components.day]
        #expect(found == [date.0, date.1, date.2])
    }

    @Test("day numbers and dates round-trip, one day after another, across leap years")
    func roundTrip() {
        // 1700-01-01 to about 2300: covers 1700, 1800, 1900 (not leap), 2000 (leap), 2100.
        let first = CalendarDate.dayNumber(year: 1700, month: 1, day: 1)
        var previous = CalendarDate.components(ofDay: first - 1)
        let dayBefore: [Int] = [previous.year, previous.month, previous.day]
        #expect(dayBefore == [1699, 12, 31])
        var mismatches: [String] = []
        for day in first..<(first + 220_000) {
            let date = CalendarDate.components(ofDay: day)
            if CalendarDate.dayNumber(year: date.year, month: date.month, day: date.day) != day {
                mismatches.append("day \(day) → \(date) does not map back")
            }
            let isNext: Bool
            if date.day == previous.day + 1 {
                isNext = date.month == previous.month && date.year == previous.year
            } else if date.day == 1, previous.day == CalendarDate.daysIn(month: previous.month, year: previous.year) {
                isNext = previous.month == 12
                    ? date.month == 1 && date.year == previous.year + 1
                    : date.month == previous.month + 1 && date.year == previous.year
            } else {
                isNext = false
            }
            if !isNext { mismatches.append("day \(day) is \(date), which does not follow \(previous)") }
            previous = date
            if mismatches.count > 5 { break }
        }
        #expect(mismatches.isEmpty)
    }

    @Test("day numbers agree with Foundation's Gregorian calendar")
    func agreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for year in stride(from: 1800, through: 2100, by: 7) {
            for month in 1...12 {
                for day in [1, 15, 28, CalendarDate.daysIn(month: month, year: year)] {
                    let date = try #require(calendar.date(from: DateComponents(year: year, month: month, day: day)))
                    let expected = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
                    #expect(CalendarDate.dayNumber(year: year, month: month, day: day) == expected, "\(year)-\(month)-\(day)")
                }
            }
        }
    }

    @Test("days in February follow the Gregorian leap rule", arguments: [
        (2000, 29), (1900, 28), (2008, 29), (2007, 28), (2100, 28), (2400, 29), (2012, 29),
    ])
    func february(_ year: Int, _ days: Int) {
        #expect(CalendarDate.daysIn(month: 2, year: year) == days)
    }

    @Test("intervals run from the first day to the day after the last")
    func intervals() {
        let day = { (y: Int, m: Int, d: Int) in Double(CalendarDate.dayNumber(year: y, month: m, day: d)) }
        let february = CalendarDate.interval(year: 2008, month: 2, grain: .month)
        #expect(february == Interval(lower: day(2008, 2, 1), upper: day(2008, 3, 1), upperIsClosed: false))
        #expect(february.upper - february.lower == 29)
        #expect(CalendarDate.interval(year: 2008, grain: .year).upper - CalendarDate.interval(year: 2008, grain: .year).lower == 366)
        #expect(CalendarDate.interval(year: 2007, grain: .year).upper - CalendarDate.interval(year: 2007, grain: .year).lower == 365)
        #expect(CalendarDate.interval(year: 2000, grain: .decade) == Interval(lower: day(2000, 1, 1), upper: day(2010, 1, 1), upperIsClosed: false))
        let june4 = CalendarDate.interval(year: 2008, month: 6, day: 4, grain: .day)
        #expect(june4 == Interval(lower: day(2008, 6, 4), upper: day(2008, 6, 5), upperIsClosed: false))
        #expect(!june4.contains(day(2008, 6, 5)))
        #expect(CalendarDate.interval(year: 2008, month: 12, grain: .month).upper == day(2009, 1, 1))
    }

    @Test("describe renders a date at its grain")
    func describe() {
        let day = { (y: Int, m: Int, d: Int) in Double(CalendarDate.dayNumber(year: y, month: m, day: d)) }
        #expect(CalendarDate.describe(CalendarDate.interval(year: 2008, month: 7, grain: .month), grain: .month) == "2008-07")
        #expect(CalendarDate.describe(CalendarDate.interval(year: 2008, month: 6, day: 4, grain: .day), grain: .day) == "2008-06-04")
        #expect(CalendarDate.describe(CalendarDate.interval(year: 2008, grain: .year), grain: .year) == "2008")
        #expect(CalendarDate.describe(CalendarDate.interval(year: 2000, grain: .decade), grain: .decade) == "2000s")
        let years = Interval(lower: day(2012, 1, 1), upper: day(2014, 1, 1), upperIsClosed: false)
        #expect(CalendarDate.describe(years, grain: .year) == "2012–2013")
        let months = Interval(lower: day(2008, 1, 1), upper: day(2008, 3, 1), upperIsClosed: false)
        #expect(CalendarDate.describe(months, grain: .month) == "2008-01–2008-02")
        let days = Interval(lower: day(2008, 1, 1), upper: day(2009, 1, 1), upperIsClosed: false)
        #expect(CalendarDate.describe(days, grain: .day) == "2008-01-01–2008-12-31")
    }
}
