import FactlintFigures
import Testing

/// The tokenizer decides what the recogniser can see: a number split in two, or a URL
/// left in the prose, becomes a wrong figure.
@Suite("Tokenizer")
struct TokenizerTests {
    /// Tokens rendered compactly: "w:years", "n:1,000", "p:’", with "_" before a token that
    /// follows a space.
    static func render(_ text: String, markdown: Bool = false) -> [String] {
        let bytes = Array(text.utf8)
        return Tokenizer(markdownInline: markdown).tokens(bytes).map { token in
            let kind: String
            switch token.kind {
            case .word: kind = "w"
            case .number: kind = "n"
            case .punctuation: kind = "p"
            }
            let written = String(decoding: bytes[token.bytes], as: UTF8.self)
            return (token.spaceBefore ? "_" : "") + kind + ":" + written
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var markdown: Bool
        var expected: [String]
        var testDescription: String { (markdown ? "markdown: " : "") + text }
    }

    static func plain(_ text: String, _ expected: [String]) -> Case { Case(text: text, markdown: false, expected: expected) }
    static func markdown(_ text: String, _ expected: [String]) -> Case { Case(text: text, markdown: true, expected: expected) }

    static let cases: [Case] = [
        plain("Courts convicted 19 traffickers.", ["_w:Courts", "_w:convicted", "_n:19", "_w:traffickers", "p:."]),
        plain("1,000 victims", ["_n:1,000", "_w:victims"]),
        plain("about 1,000.", ["_w:about", "_n:1,000", "p:."]),
        plain("1,234,567 and 1,234.5", ["_n:1,234,567", "_w:and", "_n:1,234.5"]),
        plain("4.8% rose", ["_n:4.8", "p:%", "_w:rose"]),
        plain("ends 4.", ["_w:ends", "_n:4", "p:."]),
        plain("19, 20", ["_n:19", "p:,", "_n:20"]),
        plain("12 years’ imprisonment", ["_n:12", "_w:years", "p:’", "_w:imprisonment"]),
        plain("year’s", ["_w:year", "p:’", "w:s"]),
        plain("twenty-three", ["_w:twenty", "p:-", "w:three"]),
        plain("2012–13", ["_n:2012", "p:–", "n:13"]),
        plain("40-year-old", ["_n:40", "p:-", "w:year", "p:-", "w:old"]),
        plain("in Казахстан today", ["_w:in", "_w:Казахстан", "_w:today"]),
        plain("“quoted” — dash", ["_p:“", "w:quoted", "p:”", "_p:—", "_w:dash"]),
        plain("€40 and £3 and US$5", ["_p:€", "n:40", "_w:and", "_p:£", "n:3", "_w:and", "_w:US", "p:$", "n:5"]),
        plain("P220 G7", ["_w:P220", "_w:G7"]),
        plain("21st", ["_n:21", "w:st"]),
        plain("70\u{00A0}%", ["_n:70", "_p:%"]),
        plain("a\tb\nc", ["_w:a", "_w:b", "_w:c"]),
        plain("10:30", ["_n:10", "p::", "n:30"]),
        plain("1.2.3", ["_n:1.2.3"]),
        plain("**70%**", ["_p:*", "p:*", "n:70", "p:%", "p:*", "p:*"]),
        plain("", []),
        markdown("**70%** of victims", ["_n:70", "p:%", "_w:of", "_w:victims"]),
        markdown("about _70%_ of", ["_w:about", "_n:70", "p:%", "_w:of"]),
        markdown("see `code 12` then 19", ["_w:see", "_w:then", "_n:19"]),
        markdown("see ``a ` 12`` then", ["_w:see", "_w:then"]),
        markdown("[Tier 2](http://x/1) report", ["_w:Tier", "_n:2", "_w:report"]),
        markdown("[the (2008) report](http://x/(1)/2) ends", ["_w:the", "_p:(", "n:2008", "p:)", "_w:report", "_w:ends"]),
        markdown("before <!-- 5 comment --> after", ["_w:before", "_w:after"]),
        markdown("a <span>19</span> b", ["_w:a", "_n:19", "_w:b"]),
        markdown("see <https://example.org/2008> now", ["_w:see", "_w:now"]),
        markdown("cases.[2]", ["_w:cases", "p:.", "p:[", "n:2", "p:]"]),
        markdown("a 3 < 5 b", ["_w:a", "_n:3", "_p:<", "_n:5", "_w:b"]),
    ]

    @Test("tokens, their kinds and spaceBefore", arguments: cases)
    func tokens(_ testCase: Case) {
        #expect(TokenizerTests.render(testCase.text, markdown: testCase.markdown) == testCase.expected)
    }

    @Test("token bytes are exact after multi-byte characters")
    func byteOffsets() {
        let text = "Казахстан’s “19”"
        let tokens = Tokenizer().tokens(Array(text.utf8))
        #expect(tokens.map(\.bytes) == [0..<18, 18..<21, 21..<22, 23..<26, 26..<28, 28..<31])
        #expect(tokens.map(\.kind) == [.word, .punctuation, .word, .punctuation, .number, .punctuation])
    }

    @Test("tokenize appends the tokens of a byte range")
    func tokenizeRange() {
        let bytes = Array("skip 19 cases here".utf8)
        var tokens: [Token] = []
        Tokenizer().tokenize(bytes, in: 5..<13, into: &tokens, startsWithSpace: false)
        #expect(tokens == [
            Token(kind: .number, start: 5, end: 7, spaceBefore: false),
            Token(kind: .word, start: 8, end: 13, spaceBefore: true),
        ])
    }

    @Test("a number never runs past the end of a range")
    func numberStopsAtRangeEnd() {
        let bytes = Array("1,000".utf8)
        var tokens: [Token] = []
        Tokenizer().tokenize(bytes, in: 0..<2, into: &tokens)
        #expect(tokens.map(\.bytes) == [0..<1, 1..<2])
    }
}
