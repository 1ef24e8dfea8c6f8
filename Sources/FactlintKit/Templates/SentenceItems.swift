import FactlintFigures

/// A sentence as templates see it: words and punctuation, with each figure as one item
/// and citation markers ("[2]") left out.
struct SentenceItems {
    enum Item: Equatable {
        case token(Int)
        case figure(Int)
    }

    var items: [Item] = []

    init(document: Document, sentence: Sentence) {
        items.reserveCapacity(sentence.tokens.count)
        var figureIndex = sentence.figures.lowerBound
        var index = sentence.tokens.lowerBound
        let tokens = document.tokens
        let bytes = document.source.bytes
        while index < sentence.tokens.upperBound {
            if figureIndex < sentence.figures.upperBound, document.figures[figureIndex].tokens.lowerBound == index {
                items.append(.figure(figureIndex))
                index = document.figures[figureIndex].tokens.upperBound
                figureIndex += 1
                continue
            }
            // Citation markers: "[2]", "[a]".
            if tokens[index].kind == .punctuation, bytes[tokens[index].start] == UInt8(ascii: "["),
               index + 2 < sentence.tokens.upperBound,
               tokens[index + 2].kind == .punctuation, bytes[tokens[index + 2].start] == UInt8(ascii: "]"),
               tokens[index + 1].kind == .number || tokens[index + 1].end - tokens[index + 1].start <= 2 {
                index += 3
                continue
            }
            items.append(.token(index))
            index += 1
        }
    }
}
