import FactlintFigures
import FactlintTestSupport
import Testing

/// A figure's bytes must be exact even after multi-byte characters, so a finding's caret
/// lands under the figure and not a few columns off.
@Suite("Figure positions")
struct FigurePositionTests {
    /// Each fixture marks the figures it holds: 1️⃣…2️⃣ is the first figure, 3️⃣…4️⃣ the second, and so on.
    static let fixtures: [String] = [
        "The court’s “final” ruling — in Казахстан — imposed 1️⃣12 years’2️⃣ imprisonment.",
        "Казахстан: 1️⃣about 70%2️⃣ of “victims” were women — in 3️⃣July 20084️⃣.",
        "“1️⃣€40 million2️⃣” — Казахстан’s 3️⃣twenty-three4️⃣ victims.",
        "Жертвы — 1️⃣between 18 and 302️⃣ people — were found on 3️⃣4 June 20084️⃣.",
        "1️⃣192️⃣ victims in Алматы; 3️⃣4.8%4️⃣ in Астана; 5️⃣£36️⃣ a day.",
        "Казахстан’s “report” — 1️⃣2017-06-282️⃣ — cites 3️⃣over 1,0004️⃣ cases and a 5️⃣40-year-old6️⃣ man.",
        "Ставка: 1️⃣nearly $35,0002️⃣ “в год” — 3️⃣six years and six months’4️⃣",
    ]

    @Test("figure bytes are exact after multi-byte characters", arguments: fixtures)
    func bytesAreExact(_ fixture: String) {
        let marked = MarkedText(fixture)
        let figures = FigureRecognizer().figures(in: marked.text)
        var expected: [Range<Int>] = []
        var marker = 0
        while marker + 1 < MarkedText.markers.count, let start = marked[MarkedText.markers[marker]],
              let end = marked[MarkedText.markers[marker + 1]] {
            expected.append(start..<end)
            marker += 2
        }
        let bytes = Array(marked.text.utf8)
        let written = figures.map { figure in
            figure.bytes.upperBound <= bytes.count ? String(decoding: bytes[figure.bytes], as: UTF8.self) : "?"
        }
        #expect(figures.map(\.bytes) == expected, "read \(written) in \(marked.text)")
    }

    @Test("figure tokens and bytes agree")
    func tokensAndBytesAgree() throws {
        let text = "Казахстан’s courts — “in 2008” — convicted 19 of 23 traffickers."
        let bytes = Array(text.utf8)
        let tokens = Tokenizer(markdownInline: false).tokens(bytes)
        let figures = FigureRecognizer().figures(in: tokens, range: 0..<tokens.count, bytes: bytes)
        try #require(figures.count == 3)
        for figure in figures {
            #expect(figure.bytes == tokens[figure.tokens.lowerBound].start..<tokens[figure.tokens.upperBound - 1].end)
        }
        #expect(figures.map { String(decoding: bytes[$0.bytes], as: UTF8.self) } == ["2008", "19", "23"])
    }
}
