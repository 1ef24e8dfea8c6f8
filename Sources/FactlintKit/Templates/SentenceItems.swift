import FactlintFigures

/// A sentence as templates see it: words and punctuation, with each figure as one item
/// and citation markers ("[2]") left out.
struct SentenceItems {
    enum Item: Equatable {
        case token(Int)
        case figure(Int)
    }

    var items: [Item] = []
    /// The hash of each item, when asked for: `wordHash` of a word's bytes (ASCII lowercased),
    /// `punctuationHash` of a mark's, 0 for a figure.
    var hashes: [UInt64] = []

    /// - Parameter hashing: whether to hash each item too, in the same pass.
    init(document: Document, sentence: Sentence, hashing: Bool = false) {
        var items: [Item] = []
        var hashes: [UInt64] = []
        items.reserveCapacity(sentence.tokens.count)
        if hashing { hashes.reserveCapacity(sentence.tokens.count) }
        var figureIndex = sentence.figures.lowerBound
        var index = sentence.tokens.lowerBound
        let tokens = document.tokens
        let figures = document.figures
        document.source.bytes.withUnsafeBufferPointer { bytes in
            while index < sentence.tokens.upperBound {
                if figureIndex < sentence.figures.upperBound, figures[figureIndex].tokens.lowerBound == index {
                    items.append(.figure(figureIndex))
                    if hashing { hashes.append(0) }
                    index = figures[figureIndex].tokens.upperBound
                    figureIndex += 1
                    continue
                }
                let token = tokens[index]
                // Citation markers: "[2]", "[a]".
                if token.kind == .punctuation, bytes[token.start] == UInt8(ascii: "["),
                   index + 2 < sentence.tokens.upperBound,
                   tokens[index + 2].kind == .punctuation, bytes[tokens[index + 2].start] == UInt8(ascii: "]"),
                   tokens[index + 1].kind == .number || tokens[index + 1].end - tokens[index + 1].start <= 2 {
                    index += 3
                    continue
                }
                items.append(.token(index))
                if hashing {
                    let text = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
                    hashes.append(token.kind == .punctuation ? punctuationHash(text) : wordHash(text))
                }
                index += 1
            }
        }
        self.items = items
        self.hashes = hashes
    }
}
