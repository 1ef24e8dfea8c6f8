import Testing
@testable import FactlintKit

@Suite("Sentences")
struct SentenceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var sentences: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "U.S.", text: "The U.S. Department of State ranked Kazakhstan Tier 2 in 2008. Police identified 87 victims.",
             sentences: ["The U.S. Department of State ranked Kazakhstan Tier 2 in 2008.", "Police identified 87 victims."]),
        Case(name: "U.A.E.", text: "Victims were taken to the U.A.E. and Turkey. Others went to Russia.",
             sentences: ["Victims were taken to the U.A.E. and Turkey.", "Others went to Russia."]),
        Case(name: "Dr. Smith", text: "Dr. Smith examined 12 victims. She found three with injuries.",
             sentences: ["Dr. Smith examined 12 victims.", "She found three with injuries."]),
        Case(name: "No. 5", text: "Case No. 5 was closed in 2019. Case No. 6 is still open.",
             sentences: ["Case No. 5 was closed in 2019.", "Case No. 6 is still open."]),
        Case(name: "e.g.", text: "Several destinations, e.g. Turkey and Greece, received victims. Inspections found 30 cases.",
             sentences: ["Several destinations, e.g. Turkey and Greece, received victims.", "Inspections found 30 cases."]),
        Case(name: "decimal", text: "The share rose by 4.8 points in 2019. It fell by 1.2 points later.",
             sentences: ["The share rose by 4.8 points in 2019.", "It fell by 1.2 points later."]),
        Case(name: "curly quotation", text: "“We rescued 12 women.” She said the shelter was full.",
             sentences: ["“We rescued 12 women.”", "She said the shelter was full."]),
        Case(name: "straight quotation", text: "\"We rescued 12 women.\" She said the shelter was full.",
             sentences: ["\"We rescued 12 women.\"", "She said the shelter was full."]),
        Case(name: "closing bracket", text: "(The figure was later revised.) Police said 40 cases were open.",
             sentences: ["(The figure was later revised.)", "Police said 40 cases were open."]),
        Case(name: "citation marker", text: "Victims came from three continents.[2] Foreign victims numbered 40.",
             sentences: ["Victims came from three continents.[2]", "Foreign victims numbered 40."]),
        Case(name: "several citation markers", text: "Victims were held in brothels and private homes.[6][7][8] Most were women.",
             sentences: ["Victims were held in brothels and private homes.[6][7][8]", "Most were women."]),
        Case(name: "hard-wrapped paragraph", text: "In 2019 the police identified 58\ntrafficking victims. Of the 58 victims,\n34 were women.",
             sentences: ["In 2019 the police identified 58 trafficking victims.", "Of the 58 victims, 34 were women."]),
        Case(name: "question and exclamation", text: "Did the courts convict anyone? They convicted 19 offenders! Sentences varied.",
             sentences: ["Did the courts convict anyone?", "They convicted 19 offenders!", "Sentences varied."]),
        Case(name: "an initial", text: "J. Smith chaired the commission in 2019.",
             sentences: ["J. Smith chaired the commission in 2019."]),
        Case(name: "a sentence starting with a year", text: "Courts convicted 14 traffickers in 2020. 2021 saw 16 convictions.",
             sentences: ["Courts convicted 14 traffickers in 2020.", "2021 saw 16 convictions."]),
        Case(name: "'no.' before a capital ends a sentence", text: "Asked whether the victims were paid, they said no. The court agreed.",
             sentences: ["Asked whether the victims were paid, they said no.", "The court agreed."]),
        Case(name: "approx. before a number", text: "The shelter has approx. 40 beds. It is full.",
             sentences: ["The shelter has approx. 40 beds.", "It is full."]),
        Case(name: "Art. before a number", text: "Under Art. 128 of the code, 22 cases were opened.",
             sentences: ["Under Art. 128 of the code, 22 cases were opened."]),
    ]

    @Test(arguments: cases)
    func splitsLikeAReader(_ c: Case) {
        let document = markdown(c.text)
        #expect(document.sentences.map { document.text(of: $0) } == c.sentences)
    }

    @Test(arguments: cases)
    func figuresStayInsideTheirSentence(_ c: Case) {
        let document = markdown(c.text)
        for sentence in document.sentences {
            for figure in document.figures[sentence.figures] {
                #expect(sentence.bytes.contains(figure.bytes.lowerBound) && figure.bytes.upperBound <= sentence.bytes.upperBound)
            }
        }
        #expect(document.sentences.map(\.figures.count).reduce(0, +) == document.figures.count)
    }

    @Test func aFigureNeverJoinsWordsFromTheNextSentence() {
        let document = markdown("Police arrested 15 people in May. 2020 brought 20 more arrests. The court heard one hundred. Five were acquitted.")
        #expect(document.sentences.count == 4)
        #expect(figureTexts(document) == ["15", "2020", "20", "one hundred", "Five"])
    }

    @Test func sentenceBytesPointAtTheSource() throws {
        let text = "Intro line.\nCourts convicted 14 traffickers in 2020. Of the 14, six were women."
        let document = markdown(text)
        let second = try #require(document.sentences.dropFirst().first)
        #expect(document.text(second.bytes) == "Courts convicted 14 traffickers in 2020.")
        #expect(document.source.location(of: second.bytes.lowerBound) == Location(line: 2, column: 1))
    }
}
