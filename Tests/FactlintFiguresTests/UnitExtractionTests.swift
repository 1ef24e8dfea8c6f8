import FactlintFigures
import Testing

/// Figures with units: money with its currency, durations in months, ages.
@Suite("Money, durations and ages")
struct UnitExtractionTests {
    static let money: [ExtractionCase] = [
        sentence("Fines totalled $12,500.", .money("$12,500", 12_500, unit: "USD")),
        sentence("The victim was paid US$5 a day.", .money("US$5", 5, unit: "USD")),
        sentence("Each passport cost €40.", .money("€40", 40, unit: "EUR")),
        sentence("A bed cost £3 a night.", .money("£3", 3, unit: "GBP")),
        sentence("The budget was KZT 37 million.", .money("KZT 37 million", 36_500_000, 37_500_000, unit: "KZT")),
        sentence("The state allocated 1 billion tenge to shelters.",
                 .money("1 billion tenge", 500_000_000, 1_500_000_000, unit: "KZT")),
        sentence("Traffickers charged 12,500 dollars per person.", .money("12,500 dollars", 12_500, unit: "USD")),
        sentence("The ring laundered $1.5 million.", .money("$1.5 million", 1_450_000, 1_550_000, unit: "USD")),
        sentence("Donors gave US$ 5 million.", .money("US$ 5 million", 4_500_000, 5_500_000, unit: "USD")),
        sentence("The project cost €1.2 million.", .money("€1.2 million", 1_150_000, 1_250_000, unit: "EUR")),
        sentence("Victims paid USD 500 each.", .money("USD 500", 500, unit: "USD")),
        sentence("Victims paid 500 USD each.", .money("500 USD", 500, unit: "USD")),
        sentence("Recruiters demanded 5,000 euros.", .money("5,000 euros", 5_000, unit: "EUR")),
        sentence("Each worker was owed 10,000 rubles.", .money("10,000 rubles", 10_000, unit: "RUB")),
        sentence("The fund holds 37 mln tenge.", .money("37 mln tenge", 36_500_000, 37_500_000, unit: "KZT")),
        sentence("A ticket cost $5.", .money("$5", 5, unit: "USD")),
        sentence("Wages were 2,000 som a month.", .money("2,000 som", 2_000, unit: "KGS")),
        sentence("Fines of $500 were imposed on 12 employers.",
                 .money("$500", 500, unit: "USD"), .count("12", 12)),
    ]

    @Test("money, with its currency", arguments: money)
    func readsMoney(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let durations: [ExtractionCase] = [
        sentence("He was sentenced to 12 years’ imprisonment.", .duration("12 years’", 144)),
        sentence("He was sentenced to 8 years' imprisonment.", .duration("8 years'", 96)),
        sentence("She received six years and six months’ imprisonment.", .duration("six years and six months’", 78)),
        sentence("The investigation lasted five months.", .duration("five months", 5)),
        sentence("He received a 10-year sentence.", .duration("10-year", 120)),
        sentence("A five-year programme began.", .duration("five-year", 60)),
        sentence("The court imposed one year of probation.", .duration("one year", 12)),
        sentence("The trial took 18 months.", .duration("18 months", 18)),
        sentence("He got three years and two months.", .duration("three years and two months", 38)),
        sentence("He was jailed for one year and six months.", .duration("one year and six months", 18)),
        sentence("He served 4.5 years.", .duration("4.5 years", 53.4, 54.6)),
        sentence("Two decades of work followed.", .duration("Two decades", 240)),
        sentence("He was sentenced to 15 years.", .duration("15 years", 180)),
        sentence("They adopted a 12-month plan.", .duration("12-month", 12)),
        sentence("Two offenders received 7 years each.", .count("Two", 2), .duration("7 years", 84)),
    ]

    @Test("durations, in months", arguments: durations)
    func readsDurations(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let ages: [ExtractionCase] = [
        sentence("A 40-year-old man was arrested.", .age("40-year-old", 40)),
        sentence("Police found a 16 year old girl.", .age("16 year old", 16)),
        sentence("The victim was 17 years old.", .age("17 years old", 17)),
        sentence("Two 17-year-old girls escaped.", .count("Two", 2), .age("17-year-old", 17)),
        sentence("A 10-year-old boy and a 10-year sentence.", .age("10-year-old", 10), .duration("10-year", 120)),
        sentence("The victims were 13, 14 and 15 years old.", .age("13", 13), .age("14", 14), .age("15 years old", 15)),
    ]

    @Test("ages are numbers with unit age, not durations", arguments: ages)
    func readsAges(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    /// Ages written around "aged", "under the age of" and "-year-olds": one figure, an age in
    /// years (not a count, not a duration in months). The exact span of text is not asserted.
    @Test("ages in other phrasings", arguments: [
        ("The victim, aged 17, testified.", Interval.exactly(17)),
        ("Victims were aged 14-17.", Interval(lower: 14, upper: 17)),
        ("They were aged 14 to 17.", Interval(lower: 14, upper: 17)),
        ("Victims aged 18 to 30 were recruited.", Interval(lower: 18, upper: 30)),
        ("Children aged 14–17 years were freed.", Interval(lower: 14, upper: 17)),
        ("Victims aged between 14 and 17 years were freed.", Interval(lower: 14, upper: 17)),
        ("Victims were between 13 and 15 years old.", Interval(lower: 13, upper: 15)),
        ("19-year-olds were recruited.", Interval.exactly(19)),
        ("Girls under 18 years of age were freed.", Interval(lower: 0, upper: 18, upperIsClosed: false)),
        ("Victims under the age of 18 were freed.", Interval(lower: 0, upper: 18, upperIsClosed: false)),
    ])
    func readsAgePhrasings(_ text: String, _ expected: Interval) {
        let figures = FigureRecognizer().figures(in: text)
        let lines = figures.map { FigureRendering.line($0, in: text) }
        #expect(figures.count == 1, "\(lines)")
        #expect(figures.allSatisfy { $0.kind == .number && $0.unit == "age" && $0.value == expected },
                "expected one age \(expected), read \(lines)")
    }
}

/// A figure keeps its unit packed in one integer; the spelling read back and the comparisons
/// must be those of the unit as a string.
@Suite("Unit codes")
struct UnitCodeTests {
    /// The code of a unit, or of none.
    static func code(_ unit: String?) -> Figure.UnitCode? {
        unit.map { Figure.UnitCode($0) } ?? Figure.UnitCode.none
    }

    @Test("a unit reads back as written, and no unit as nil", arguments: [nil, "age", "USD", "KZT", "months", "ABCDEFGH"] as [String?])
    func roundTrips(_ unit: String?) throws {
        let code = try #require(Self.code(unit))
        #expect(code.text == unit)
        var figure = Figure(kind: .money, value: .exactly(5), stated: 5, unit: code, tokens: 0..<1, bytes: 0..<1)
        #expect(figure.unit == unit)
        figure.unitCode = try #require(Figure.UnitCode("EUR"))
        #expect(figure.unit == "EUR")
    }

    @Test("a unit that does not fit has no code, rather than stopping the run", arguments: ["ABCDEFGHI", "r\u{E9}al", "a\u{0}b"])
    func tooLongOrNotASCII(_ unit: String) {
        #expect(Figure.UnitCode(unit) == nil)
    }

    @Test("codes are equal exactly when the units are")
    func comparesLikeStrings() {
        let units: [String?] = [nil, "age", "USD", "US", "USDX", "usd"]
        for first in units {
            for second in units {
                #expect((Self.code(first) == Self.code(second)) == (first == second), "\(String(describing: first)) and \(String(describing: second))")
            }
        }
        #expect(Figure.UnitCode.age == Figure.UnitCode("age") && Figure.UnitCode.months == Figure.UnitCode("months"))
    }

    @Test("figures read from text carry the code of their unit")
    func readFiguresCarryCodes() {
        let figures = FigureRecognizer().figures(in: "The fund paid $500 to 12 girls aged 15.")
        #expect(figures.map(\.unitCode) == [Figure.UnitCode("USD"), Figure.UnitCode.none, Figure.UnitCode.age])
    }
}
