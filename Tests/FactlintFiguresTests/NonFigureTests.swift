import FactlintFigures
import Testing

/// Text that looks numeric but is not a figure: designations, names, footnote markers,
/// codes, times, pronoun "one". A false figure here becomes a false finding later.
@Suite("Not figures")
struct NonFigureTests {
    static let nothing: [String] = [
        "The offence falls under Article 128.",
        "Prosecutors cited Articles 128, 133, 125(3)(b), 126(3)(b), and 270 of the Criminal Code.",
        "Kazakhstan is a Tier 2 country.",
        "Kazakhstan remained on the Tier 2 Watch List.",
        "Kazakhstan remained Tier Two.",
        "Kazakhstan is a party to the 2000 UN TIP Protocol.",
        "See the Trafficking in Persons Report 2008.",
        "Trafficking in Persons Report 2008.",
        "Prosecutions increased.[2]",
        "Prosecutions increased.[6][7][8]",
        "^ a b c Kazakhstan country narrative.",
        "Shelters closed during COVID-19 lockdowns.",
        "Upgrade the database to 1.2.3 now.",
        "The hearing began at 10:30 in Almaty.",
        "No one was convicted.",
        "It is one of the most serious crimes.",
        "Victims supported one another.",
        "The one who testified was a minor.",
        "The 4P approach guides the plan.",
        "The raid happened on June 4 the police said.",
        "1 2 3 Trafficking in Persons Report",
        "Part 2 of the plan covers prevention.",
        "Law No. 123 entered into force.",
        "Chapter 7 covers prevention.",
        "Security Council Resolution 2331 addresses trafficking.",
        "See section 5 and paragraph 3 of the decree.",
        "The G7 countries agreed.",
        "Call +7 701 555 0199 for help.",
        "The book has ISBN 978-3-16-148410-0 on its cover.",
        "Recommendation 5 was implemented.",
        "ILO Convention 182 bans the worst forms of child labour.",
        "Target 8.7 of the Sustainable Development Goals applies.",
        "Resolution 55/25 adopted the convention.",
        "One must note that prosecutions fell.",
        "At one point the unit closed.",
        "It was a one-off payment.",
        // No numbers at all.
        "The government made significant efforts.",
        "Some victims returned home.",
        "Prevention improved over the years.",
        "Officials said more than enough was done.",
        "",
    ]

    @Test("no figure at all", arguments: nothing)
    func readsNothing(_ text: String) {
        let figures = FigureRecognizer().figures(in: text).map { FigureRendering.line($0, in: text) }
        #expect(figures == [])
    }

    /// Sentences where a designation or a name sits next to a real figure: only the figure is read.
    static let onlyTheFigure: [ExtractionCase] = [
        sentence("Under Article 128, 19 people were convicted.", .count("19", 19)),
        sentence("The 2000 UN TIP Protocol was ratified by 19 states.", .count("19", 19)),
        sentence("Article 128 provides for up to 15 years’ imprisonment.", .duration("up to 15 years’", 0, 180, .atMost)),
        sentence("Kazakhstan was Tier 2 in 2008.", .date("2008", .year, from: (2008, 1, 1), to: (2009, 1, 1))),
        sentence("Articles 128 and 133 were amended in 2008.", .date("2008", .year, from: (2008, 1, 1), to: (2009, 1, 1))),
        sentence("COVID-19 cut 30% of services.", .percent("30%", 29.5, 30.5)),
        sentence("Police reported 19 cases.[2]", .count("19", 19)),
        sentence("Police reported 19 cases.[6][7]", .count("19", 19)),
        sentence("No one among the 19 victims testified.", .count("19", 19)),
        sentence("It is one of the most common crimes, with 40 cases.", .count("40", 40)),
        sentence("The 4P approach reached 300 schools.", .count("300", 300)),
        sentence("The TIP Report 2008 noted 19 cases.", .count("19", 19)),
        sentence("The first one was freed.", .ordinal("first", 1)),
    ]

    @Test("only the real figure next to a non-figure", arguments: onlyTheFigure)
    func readsOnlyTheFigure(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static func markdownFigures(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer(markdownInline: true).tokens(bytes)
        return FigureRecognizer().figures(in: tokens, range: 0..<tokens.count, bytes: bytes)
            .map { FigureRendering.line($0, in: text) }
    }

    @Test("Markdown link destinations, code spans, comments and autolinks are not figures", arguments: [
        "Kazakhstan is [Tier 2](http://x/1).",
        "Read `19 cases` <!-- 20 convictions --> and <https://example.org/2008>.",
        "See [the report](https://example.org/reports/2008/19.html).",
    ])
    func markdownNonProseIsNotFigures(_ text: String) {
        #expect(NonFigureTests.markdownFigures(text).isEmpty)
    }

    @Test("a figure in Markdown link text stays, the numbers in its URL do not")
    func markdownLinkTextKeepsFigures() {
        let text = "See [the 2008 report](https://example.org/reports/2008/19.html) on **70%** of cases."
        #expect(NonFigureTests.markdownFigures(text) == [
            ExpectedFigure.date("2008", .year, from: (2008, 1, 1), to: (2009, 1, 1)).description,
            ExpectedFigure.percent("70%", 69.5, 70.5).description,
        ])
    }

    @Test("a token range limits the figures to one sentence")
    func tokenRangeLimitsFigures() throws {
        let text = "Courts convicted 19 traffickers. Police freed 40 victims."
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(bytes)
        let secondSentence = try #require(tokens.firstIndex { String(decoding: bytes[$0.bytes], as: UTF8.self) == "Police" })
        let figures = FigureRecognizer().figures(in: tokens, range: secondSentence..<tokens.count, bytes: bytes)
        #expect(figures.map { FigureRendering.line($0, in: text) } == [ExpectedFigure.count("40", 40).description])
    }
}
