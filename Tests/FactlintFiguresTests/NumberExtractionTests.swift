import FactlintFigures
import Testing

/// Counts, plain numbers, scaled numbers and percentages, each read as the interval its
/// written precision allows.
@Suite("Numbers, counts and percentages")
struct NumberExtractionTests {
    static let counts: [ExtractionCase] = [
        sentence("Police identified 1,000 victims.", .count("1,000", 1000)),
        sentence("19 were convicted last year.", .count("19", 19)),
        sentence("Courts convicted nineteen traffickers.", .count("nineteen", 19)),
        sentence("Twenty-three victims received shelter.", .count("Twenty-three", 23)),
        sentence("The fund helped forty-two families.", .count("forty-two", 42)),
        sentence("The court heard ninety-nine cases.", .count("ninety-nine", 99)),
        sentence("The hotline took one hundred and five calls.", .count("one hundred and five", 105)),
        sentence("The shelter housed a hundred and twenty women.", .count("a hundred and twenty", 120)),
        sentence("The shelter housed one hundred and twenty women.", .count("one hundred and twenty", 120)),
        sentence("The shelter housed hundred and twenty women.", .count("hundred and twenty", 120)),
        sentence("Investigators reviewed a thousand files.", .count("a thousand", 1000)),
        sentence("A dozen officers were trained.", .count("A dozen", 12)),
        sentence("Two dozen cases were reopened.", .count("Two dozen", 24)),
        sentence("Three thousand five hundred migrants were screened.", .count("Three thousand five hundred", 3500)),
        sentence("The ministry listed one thousand and five entries.", .count("one thousand and five", 1005)),
        sentence("Seventeen girls were rescued.", .count("Seventeen", 17)),
        sentence("The task force had fifty members.", .count("fifty", 50)),
        sentence("Zero convictions were recorded.", .count("Zero", 0)),
        sentence("The NGO assisted 1,234,567 people.", .count("1,234,567", 1_234_567)),
        sentence("The portal received 1,000,000 visits.", .count("1,000,000", 1_000_000)),
        sentence("A total of 245 cases were registered.", .count("245", 245)),
        sentence("Only one victim testified.", .count("one", 1)),
        sentence("One of the victims was a minor.", .count("One", 1)),
        sentence("Of the 19 victims, 12 were women and 7 were children.",
                 .count("19", 19), .count("12", 12), .count("7", 7)),
        sentence("Eleven prosecutions ended in 2 acquittals.", .count("Eleven", 11), .count("2", 2)),
        // A four-digit number that counts things is not a year.
        sentence("Courts convicted 2015 traffickers.", .count("2015", 2015)),
        sentence("They had to try 3 times.", .count("3", 3)),
    ]

    @Test("counts in digits and words", arguments: counts)
    func readsCounts(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let decimalsAndScaled: [ExtractionCase] = [
        sentence("The country scored 4.8 on the index.", .number("4.8", 4.75, 4.85)),
        sentence("The index reached 1,234.5 points.", .number("1,234.5", 1234.45, 1234.55)),
        sentence("The ratio was 0.25 overall.", .number("0.25", 0.245, 0.255)),
        sentence("The region has 1.5 million migrants.", .count("1.5 million", 1_450_000, 1_550_000)),
        sentence("The census counted 37 million residents.", .count("37 million", 36_500_000, 37_500_000)),
        sentence("The hotline logged 1.2 million calls.", .count("1.2 million", 1_150_000, 1_250_000)),
        sentence("The census counted 37 mln residents.", .count("37 mln", 36_500_000, 37_500_000)),
        sentence("The platform removed 2.5 billion posts.", .count("2.5 billion", 2_450_000_000, 2_550_000_000)),
    ]

    @Test("decimals and scaled numbers carry their precision", arguments: decimalsAndScaled)
    func readsDecimals(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let percentages: [ExtractionCase] = [
        sentence("70% of victims were women.", .percent("70%", 69.5, 70.5)),
        sentence("The conviction rate was 4.8 %.", .percent("4.8 %", 4.75, 4.85)),
        sentence("The conviction rate was 4.8%.", .percent("4.8%", 4.75, 4.85)),
        sentence("Women made up 70 percent of victims.", .percent("70 percent", 69.5, 70.5)),
        sentence("Seventy per cent were women.", .percent("Seventy per cent", 69.5, 70.5)),
        sentence("Only 0.5% were men.", .percent("0.5%", 0.45, 0.55)),
        sentence("Twenty-five percent were minors.", .percent("Twenty-five percent", 24.5, 25.5)),
        sentence("Funding grew by 12.5 percent.", .percent("12.5 percent", 12.45, 12.55)),
        sentence("A 15% increase was reported.", .percent("15%", 14.5, 15.5)),
        sentence("In 2008, 70% of 19 victims were women.",
                 .date("2008", .year, from: (2008, 1, 1), to: (2009, 1, 1)),
                 .percent("70%", 69.5, 70.5), .count("19", 19)),
    ]

    @Test("percentages", arguments: percentages)
    func readsPercentages(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let ordinals: [ExtractionCase] = [
        sentence("It was the first conviction.", .ordinal("first", 1)),
        sentence("Slavery persists in the 21st century.", .ordinal("21st", 21)),
        sentence("The 2nd round of talks failed.", .ordinal("2nd", 2)),
        sentence("It was the third time.", .ordinal("third", 3)),
        sentence("The 3rd and 4th hearings were closed.", .ordinal("3rd", 3), .ordinal("4th", 4)),
        sentence("They marked the twentieth anniversary.", .ordinal("twentieth", 20)),
        sentence("The 1st of the 3 hearings was closed.", .ordinal("1st", 1), .count("3", 3)),
        sentence("The thirty-first case was heard.", .ordinal("thirty-first", 31)),
    ]

    @Test("ordinals are positions, never counts", arguments: ordinals)
    func readsOrdinals(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    /// "several million", "many thousand": no exact figure, so no rule can bind 1,000,000 to them.
    @Test("vague quantities are never exact figures", arguments: [
        "The scheme earned several million tenge.",
        "Many thousand victims remain.",
        "Tens of thousands of migrants arrive.",
        "The ring made millions of dollars.",
        "Hundreds of cases were dropped.",
    ])
    func vagueQuantities(_ text: String) {
        let figures = FigureRecognizer().figures(in: text)
        #expect(figures.allSatisfy { !$0.value.isExact }, "\(figures.map { FigureRendering.line($0, in: text) })")
    }

    /// Fractions and ages are not counts: a count rule must not bind "2" in "two thirds".
    @Test("fractions are not counts", arguments: [
        "Two thirds of victims were women.",
        "1/3 of victims were men.",
        "The 24/7 hotline answered calls.",
    ])
    func fractionsAreNotCounts(_ text: String) {
        let figures = FigureRecognizer().figures(in: text)
        #expect(!figures.contains { $0.kind == .count }, "\(figures.map { FigureRendering.line($0, in: text) })")
    }
}
