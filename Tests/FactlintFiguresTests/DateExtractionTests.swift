import FactlintFigures
import Testing

/// Dates with their grain, as [first day, day after last) in day numbers.
@Suite("Dates")
struct DateExtractionTests {
    static let dates: [ExtractionCase] = [
        sentence("The law entered into force on 2017-06-28.",
                 .date("2017-06-28", .day, from: (2017, 6, 28), to: (2017, 6, 29))),
        sentence("It was signed on June 4, 2008.", .date("June 4, 2008", .day, from: (2008, 6, 4), to: (2008, 6, 5))),
        sentence("It was signed on 4 June 2008.", .date("4 June 2008", .day, from: (2008, 6, 4), to: (2008, 6, 5))),
        sentence("It was signed on June 4th, 2008.", .date("June 4th, 2008", .day, from: (2008, 6, 4), to: (2008, 6, 5))),
        sentence("It was signed on the 4th of June 2008.",
                 .date("4th of June 2008", .day, from: (2008, 6, 4), to: (2008, 6, 5))),
        sentence("The leap day February 29, 2008 was a Friday.",
                 .date("February 29, 2008", .day, from: (2008, 2, 29), to: (2008, 3, 1))),
        sentence("The decree of 31 December 2008 applies.",
                 .date("31 December 2008", .day, from: (2008, 12, 31), to: (2009, 1, 1))),
        sentence("The raid took place in July 2008.", .date("July 2008", .month, from: (2008, 7, 1), to: (2008, 8, 1))),
        sentence("In Sept. 2008 the law changed.", .date("Sept. 2008", .month, from: (2008, 9, 1), to: (2008, 10, 1))),
        sentence("The unit opened in Jan 2009.", .date("Jan 2009", .month, from: (2009, 1, 1), to: (2009, 2, 1))),
        sentence("In May 2010 the law changed.", .date("May 2010", .month, from: (2010, 5, 1), to: (2010, 6, 1))),
        sentence("Shelters opened in February 2008.",
                 .date("February 2008", .month, from: (2008, 2, 1), to: (2008, 3, 1))),
        sentence("Data for 2017-06 were revised.", .date("2017-06", .month, from: (2017, 6, 1), to: (2017, 7, 1))),
        sentence("The law was adopted in 2007.", .date("2007", .year, from: (2007, 1, 1), to: (2008, 1, 1))),
        sentence("No cases were reported since 2006.", .date("2006", .year, from: (2006, 1, 1), to: (2007, 1, 1))),
        sentence("The plan ends by 2010.", .date("2010", .year, from: (2010, 1, 1), to: (2011, 1, 1))),
        sentence("Parliament passed a 2021 amendment.", .date("2021", .year, from: (2021, 1, 1), to: (2022, 1, 1))),
        sentence("Smith (2019) found the same.", .date("2019", .year, from: (2019, 1, 1), to: (2020, 1, 1))),
        sentence("In 2008 UNODC reported 19 cases.",
                 .date("2008", .year, from: (2008, 1, 1), to: (2009, 1, 1)), .count("19", 19)),
        sentence("In 2008 and 2009 the unit grew.",
                 .date("2008", .year, from: (2008, 1, 1), to: (2009, 1, 1)),
                 .date("2009", .year, from: (2009, 1, 1), to: (2010, 1, 1))),
        sentence("On 4 June 2008, 19 victims were freed.",
                 .date("4 June 2008", .day, from: (2008, 6, 4), to: (2008, 6, 5)), .count("19", 19)),
        sentence("Trafficking grew in the 2000s.", .date("2000s", .decade, from: (2000, 1, 1), to: (2010, 1, 1))),
        sentence("Trafficking grew in the 1990s.", .date("1990s", .decade, from: (1990, 1, 1), to: (2000, 1, 1))),
        sentence("In 2012–13 the unit was reorganised.",
                 .date("2012–13", .year, from: (2012, 1, 1), to: (2014, 1, 1), .range)),
        sentence("The 2012-2013 action plan was adopted.",
                 .date("2012-2013", .year, from: (2012, 1, 1), to: (2014, 1, 1), .range)),
        sentence("January 2008 to February 2008 saw 40 raids.",
                 .date("January 2008 to February 2008", .month, from: (2008, 1, 1), to: (2008, 3, 1), .range),
                 .count("40", 40)),
        sentence("The pilot ran from January 2008 to February 2008.",
                 .date("from January 2008 to February 2008", .month, from: (2008, 1, 1), to: (2008, 3, 1), .range)),
        sentence("The pilot ran June 2008–May 2009.",
                 .date("June 2008–May 2009", .month, from: (2008, 6, 1), to: (2009, 6, 1), .range)),
        sentence("It ran between June 2008 and May 2009.",
                 .date("between June 2008 and May 2009", .month, from: (2008, 6, 1), to: (2009, 6, 1), .range)),
        sentence("From 1 January 2008 to 31 December 2008 the unit grew.",
                 .date("From 1 January 2008 to 31 December 2008", .day, from: (2008, 1, 1), to: (2009, 1, 1), .range)),
        sentence("Between 2016 and 2018, courts convicted 45 traffickers.",
                 .date("Between 2016 and 2018", .year, from: (2016, 1, 1), to: (2019, 1, 1), .range),
                 .count("45", 45)),
        sentence("Data from 2015 to 2017 show a rise.",
                 .date("from 2015 to 2017", .year, from: (2015, 1, 1), to: (2018, 1, 1), .range)),
    ]

    @Test("dates with their grain", arguments: dates)
    func readsDates(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    /// "mid-2008", "early 2009", "late 2010" name part of a year: the figure must be one date
    /// that lies within that year and covers the part named.
    @Test("parts of a year stay within the year", arguments: [
        ("Prosecutions resumed in mid-2008.", 2008, (2008, 7, 1)),
        ("Prosecutions resumed in early 2009.", 2009, (2009, 1, 15)),
        ("Prosecutions resumed in late 2010.", 2010, (2010, 12, 15)),
    ])
    func readsPartOfYear(_ text: String, _ year: Int, _ inside: (Int, Int, Int)) throws {
        let figures = FigureRecognizer().figures(in: text)
        try #require(figures.count == 1, "\(figures.map { FigureRendering.line($0, in: text) })")
        let figure = figures[0]
        #expect(figure.kind == .date)
        let first = Double(CalendarDate.dayNumber(year: year, month: 1, day: 1))
        let next = Double(CalendarDate.dayNumber(year: year + 1, month: 1, day: 1))
        #expect(figure.value.lower >= first && figure.value.upper <= next, "\(figure.value) is not within \(year)")
        #expect(figure.value.contains(Double(CalendarDate.dayNumber(year: inside.0, month: inside.1, day: inside.2))))
    }

    /// "around 2008", "circa 2000": an approximate year is still a date, never a count near 2,000.
    @Test("an approximate year is a date", arguments: [
        ("Trafficking rose around 2008.", 2008),
        ("The law dates from circa 2000.", 2000),
        ("It began in about 2010.", 2010),
    ])
    func approximateYear(_ text: String, _ year: Int) throws {
        let figures = FigureRecognizer().figures(in: text)
        try #require(figures.count == 1, "\(figures.map { FigureRendering.line($0, in: text) })")
        #expect(figures[0].kind == .date)
        #expect(figures[0].value.contains(Double(CalendarDate.dayNumber(year: year, month: 6, day: 30))))
    }

    @Test("a date renders at its grain for messages")
    func describesDates() {
        let described = FigureRecognizer().figures(in: "It began in July 2008, on 4 June 2008, in 2007, in the 2000s.")
            .map(\.valueDescription)
        #expect(described == ["2008-07", "2008-06-04", "2007", "2000s"])
    }
}
