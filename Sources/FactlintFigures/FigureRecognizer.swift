/// Reads the figures in a run of tokens: counts, numbers, ordinals, percentages, money,
/// durations, ages and dates, with their qualifiers, ranges and precision.
///
/// The recogniser is a hand-written scanner over tokens. Each token is looked up once (a
/// hash of its bytes gives a `Word` or a `Mark`); after that the scanner compares small
/// integers. It allocates nothing per token and uses no regular expressions.
public struct FigureRecognizer: Sendable {
    /// The relative band an "about"/"around" qualifier allows on each side (0.1 is ±10%).
    public var approximateBand: Double

    public init(approximateBand: Double = 0.1) {
        self.approximateBand = approximateBand
    }

    /// The figures in `tokens[range]`, in text order, never overlapping.
    ///
    /// - Complexity: O(n) in the number of tokens, with a small constant look-ahead.
    public func figures(in tokens: [Token], range: Range<Int>, bytes: [UInt8]) -> [Figure] {
        var figures: [Figure] = []
        appendFigures(in: tokens, range: range, bytes: bytes, to: &figures)
        return figures
    }

    /// Appends the figures in `tokens[range]` to `output`, in text order, without a separate array per call.
    public func appendFigures(in tokens: [Token], range: Range<Int>, bytes: [UInt8], to output: inout [Figure]) {
        // A range outside the tokens reads nothing, rather than reading past them.
        guard range.lowerBound >= 0, range.upperBound <= tokens.count, !range.isEmpty else { return }
        tokens.withUnsafeBufferPointer { tokens in
            bytes.withUnsafeBufferPointer { bytes in
                FigureScanner(bytes: bytes, tokens: tokens, range: range, band: approximateBand).scan(into: &output)
            }
        }
    }

    /// The figures in a whole text, tokenised without Markdown handling.
    public func figures(in text: String) -> [Figure] {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer(markdownInline: false).tokens(bytes)
        return figures(in: tokens, range: 0..<tokens.count, bytes: bytes)
    }
}
