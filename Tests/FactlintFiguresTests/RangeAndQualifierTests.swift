import FactlintFigures
import Testing

/// Ranges and qualified figures: the interval a careful reader allows for
/// "between 18 and 30", "about 70%", "over 1,000", "up to 15 years".
@Suite("Ranges and qualifiers")
struct RangeAndQualifierTests {
    static let ranges: [ExtractionCase] = [
        sentence("Each raid freed between 18 and 30 people.", .count("between 18 and 30", 18, 30, .range)),
        sentence("Each raid freed 18–30 people.", .count("18–30", 18, 30, .range)),
        sentence("Each raid freed 18-30 people.", .count("18-30", 18, 30, .range)),
        sentence("Shelters held from 20 to 40 women.", .count("from 20 to 40", 20, 40, .range)),
        sentence("He faces three to six years in prison.", .duration("three to six years", 36, 72, .range)),
        sentence("The law provides for 3 to 5 years.", .duration("3 to 5 years", 36, 60, .range)),
        sentence("Terms of 5–10 years were imposed.", .duration("5–10 years", 60, 120, .range)),
        sentence("Sentences ranging from six months to 13 years were imposed.",
                 .duration("ranging from six months to 13 years", 6, 156, .range)),
        sentence("Victims aged between 18 and 30 were recruited.", .age("between 18 and 30", 18, 30, .range)),
        sentence("Police freed 1,000 to 1,500 people.", .count("1,000 to 1,500", 1_000, 1_500, .range)),
        sentence("A 3- to 5-year sentence was imposed.", .duration("3- to 5-year", 36, 60, .range)),
        sentence("Fees were between $5,000 and $10,000.",
                 .money("between $5,000 and $10,000", 5_000, 10_000, .range, unit: "USD")),
        sentence("Traffickers sold victims for $2,000-$5,000.",
                 .money("$2,000-$5,000", 2_000, 5_000, .range, unit: "USD")),
        sentence("Traffickers sold victims for $2,000–5,000.",
                 .money("$2,000–5,000", 2_000, 5_000, .range, unit: "USD")),
        sentence("Traffickers sold victims for 2,000–5,000 dollars.",
                 .money("2,000–5,000 dollars", 2_000, 5_000, .range, unit: "USD")),
        // Each end of a range keeps the precision it was written with: "70%" starts at 69.5.
        sentence("Between 10% and 20% were minors.", .percent("Between 10% and 20%", 9.5, 20.5, .range)),
        sentence("70–80% of victims were women.", .percent("70–80%", 69.5, 80.5, .range)),
        sentence("Between 5 and 10 per cent were men.", .percent("Between 5 and 10 per cent", 4.5, 10.5, .range)),
        sentence("Between 1.5 and 2.5 million people migrate.",
                 .count("Between 1.5 and 2.5 million", 1_450_000, 2_550_000, .range)),
        // A unit written once after a list applies to every number in it.
        sentence("Two men received 12 and 15 years respectively.",
                 .count("Two", 2), .duration("12", 144), .duration("15 years", 180)),
        // A change is two values, not a range.
        sentence("Prosecutions increased from 13 to 22.", .count("13", 13), .count("22", 22)),
        sentence("Convictions rose from 13 in 2019 to 22 in 2020.",
                 .count("13", 13), .date("2019", .year, from: (2019, 1, 1), to: (2020, 1, 1)),
                 .count("22", 22), .date("2020", .year, from: (2020, 1, 1), to: (2021, 1, 1))),
        sentence("In 2008, 19 traffickers were sentenced to terms of 5–10 years.",
                 .date("2008", .year, from: (2008, 1, 1), to: (2009, 1, 1)), .count("19", 19),
                 .duration("5–10 years", 60, 120, .range)),
    ]

    @Test("ranges", arguments: ranges)
    func readsRanges(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    /// A scale word written once after a range scales both ends: "2–3 million" starts near
    /// two million, not at 2. Each end may keep the half-unit precision it was written with,
    /// so the lower end may be read down to 3/4 of its written value.
    @Test("a scale word after a range scales both ends", arguments: [
        ("2–3 million people were displaced.", 2_000_000.0, 3_000_000.0),
        ("Between 2 and 3 million people were displaced.", 2_000_000.0, 3_000_000.0),
        ("From 2 to 3 million people were displaced.", 2_000_000.0, 3_000_000.0),
        ("Fines were between 10 and 20 thousand tenge.", 10_000.0, 20_000.0),
        ("Fines were from 1.5 to 2 million tenge.", 1_500_000.0, 2_000_000.0),
        ("Between five and ten thousand people applied.", 5_000.0, 10_000.0),
    ])
    func scaledRanges(_ text: String, _ low: Double, _ high: Double) throws {
        let figures = FigureRecognizer().figures(in: text)
        let lines = figures.map { FigureRendering.line($0, in: text) }
        try #require(figures.count == 1, "\(lines)")
        let value = figures[0].value
        #expect(value.lower >= low * 0.75 && value.lower <= low, "lower end of \(lines)")
        #expect(value.upper >= high && value.upper <= high * 1.25, "upper end of \(lines)")
        #expect(figures[0].qualifier == .range)
    }

    static let qualified: [ExtractionCase] = [
        // "about", "around", "approximately", "some": ±10% by default.
        sentence("About 70% were women.", .percent("About 70%", 63, 77, .approximate)),
        sentence("Around 50 victims were identified.", .count("Around 50", 45, 55, .approximate)),
        sentence("Police freed some 50 workers.", .count("some 50", 45, 55, .approximate)),
        sentence("Approximately 3,000 people were screened.", .count("Approximately 3,000", 2_700, 3_300, .approximate)),
        sentence("Roughly 200 files were opened.", .count("Roughly 200", 180, 220, .approximate)),
        sentence("An estimated 50,000 people are exploited.", .count("An estimated 50,000", 45_000, 55_000, .approximate)),
        sentence("About seventy per cent were women.", .percent("About seventy per cent", 63, 77, .approximate)),
        sentence("About 1.5 million people migrate.", .count("About 1.5 million", 1_350_000, 1_650_000, .approximate)),
        // "nearly", "almost": close to the value and not above it.
        sentence("Fines reached nearly $35,000.", .money("nearly $35,000", 31_500, 35_000, .nearly, unit: "USD")),
        sentence("Almost 35,000 people applied.", .count("Almost 35,000", 31_500, 35_000, .nearly)),
        sentence("Nearly two thousand calls came in.", .count("Nearly two thousand", 1_800, 2_000, .nearly)),
        sentence("Close to 500 workers were owed wages.", .count("Close to 500", 450, 500, .nearly)),
        // "over", "more than": above the value, not reaching it.
        sentence("Over 1,000 victims were identified.", .count("Over 1,000", 1_000, .infinity, .moreThan, ends: .open)),
        sentence("More than 200 cases were opened.", .count("More than 200", 200, .infinity, .moreThan, ends: .open)),
        sentence("In excess of 100 workers were freed.", .count("In excess of 100", 100, .infinity, .moreThan, ends: .open)),
        sentence("Just over 100 workers were freed.", .count("Just over 100", 100, .infinity, .moreThan, ends: .open)),
        sentence("Over a thousand calls came in.", .count("Over a thousand", 1_000, .infinity, .moreThan, ends: .open)),
        sentence("More than one victim testified.", .count("More than one", 1, .infinity, .moreThan, ends: .open)),
        sentence("He served over 20 years.", .duration("over 20 years", 240, .infinity, .moreThan, ends: .open)),
        // "at least", "no fewer than": the value or above.
        sentence("At least 12 traffickers were convicted.", .count("At least 12", 12, .infinity, .atLeast)),
        sentence("At least 12,500 people applied.", .count("At least 12,500", 12_500, .infinity, .atLeast)),
        sentence("At least one victim was a child.", .count("At least one", 1, .infinity, .atLeast)),
        sentence("No fewer than 40 shelters opened.", .count("No fewer than 40", 40, .infinity, .atLeast)),
        sentence("Fines were at least $12,500.", .money("at least $12,500", 12_500, .infinity, .atLeast, unit: "USD")),
        sentence("The law sets not less than 10 years.",
                 .duration("not less than 10 years", 120, .infinity, .atLeast)),
        // "up to", "at most", "no more than": from zero to the value, inclusive.
        sentence("Up to 150 workers were held.", .count("Up to 150", 0, 150, .atMost)),
        sentence("At most 3 cases reached court.", .count("At most 3", 0, 3, .atMost)),
        sentence("No more than 5 inspectors were hired.", .count("No more than 5", 0, 5, .atMost)),
        sentence("The offence carries up to 15 years’ imprisonment.",
                 .duration("up to 15 years’", 0, 180, .atMost)),
        sentence("The law sets a maximum of 10 years.", .duration("a maximum of 10 years", 0, 120, .atMost)),
        // "fewer than", "less than", "under": from zero to below the value.
        sentence("Fewer than 50 victims testified.", .count("Fewer than 50", 0, 50, .lessThan, ends: .openUpper)),
        sentence("Less than 50 cases went to trial.", .count("Less than 50", 0, 50, .lessThan, ends: .openUpper)),
        sentence("The unit opened under 18 investigations.", .count("under 18", 0, 18, .lessThan, ends: .openUpper)),
    ]

    @Test("qualified figures", arguments: qualified)
    func readsQualifiedFigures(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    @Test("the approximate band is configurable")
    func approximateBandIsConfigurable() throws {
        let figures = FigureRecognizer(approximateBand: 0.2).figures(in: "About 50 victims were identified.")
        try #require(figures.count == 1)
        #expect(figures[0].value == Interval(lower: 40, upper: 60))
        #expect(figures[0].qualifier == .approximate)
    }

    @Test("a qualified figure keeps the number as written")
    func qualifiedFigureKeepsStatedValue() {
        let figures = FigureRecognizer().figures(in: "Around 50 victims and nearly $35,000 in fines.")
        #expect(figures.map(\.stated) == [50, 35_000])
        #expect(figures.map(\.valueDescription) == ["[45, 55]", "[31500, 35000]"])
    }
}
