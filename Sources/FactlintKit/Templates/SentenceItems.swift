import FactlintFigures

/// A document's sentences as templates see them: words and punctuation, with each figure as
/// one item and citation markers ("[2]") left out; every sentence's items in one array.
struct SentenceItems {
    enum Item: Equatable {
        case token(Int)
        case figure(Int)
    }

    /// Where each sentence's items begin, with the end of the last as a final entry.
    var starts: [Int] = [0]
    var items: [Item] = []
    /// The hash of each item: `wordHash` of a word's bytes (ASCII lowercased),
    /// `punctuationHash` of a mark's, 0 for a figure.
    var hashes: [UInt64] = []
    var traits: [ItemTraits] = []

    /// Reads every sentence of a document.
    ///
    /// - Complexity: O(tokens).
    init(document: Document) {
        items.reserveCapacity(document.tokens.count)
        hashes.reserveCapacity(document.tokens.count)
        traits.reserveCapacity(document.tokens.count)
        starts.reserveCapacity(document.sentences.count + 1)
        for sentence in document.sentences {
            append(sentence, of: document)
            starts.append(items.count)
        }
    }

    /// Reads one sentence.
    init(document: Document, sentence: Sentence) {
        append(sentence, of: document)
        starts.append(items.count)
    }

    private mutating func append(_ sentence: Sentence, of document: Document) {
        let listed = ItemTraits.listedWords
        document.tokens.withUnsafeBufferPointer { tokens in
            document.figures.withUnsafeBufferPointer { figures in
                document.source.bytes.withUnsafeBufferPointer { bytes in
                    var figureIndex = sentence.figures.lowerBound
                    var index = sentence.tokens.lowerBound
                    let end = sentence.tokens.upperBound
                    while index < end {
                        if figureIndex < sentence.figures.upperBound, figures[figureIndex].tokens.lowerBound == index {
                            items.append(.figure(figureIndex))
                            hashes.append(0)
                            traits.append(figures[figureIndex].kind == .date ? [.figure, .skippable] : .figure)
                            index = figures[figureIndex].tokens.upperBound
                            figureIndex += 1
                            continue
                        }
                        let token = tokens[index]
                        // Citation markers: "[2]", "[a]".
                        if token.kind == .punctuation, bytes[token.start] == UInt8(ascii: "["), index + 2 < end,
                           tokens[index + 2].kind == .punctuation, bytes[tokens[index + 2].start] == UInt8(ascii: "]"),
                           tokens[index + 1].kind == .number || tokens[index + 1].end - tokens[index + 1].start <= 2 {
                            index += 3
                            continue
                        }
                        items.append(.token(index))
                        let text = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
                        switch token.kind {
                        case .punctuation:
                            hashes.append(punctuationHash(text))
                            switch PunctuationClass.family(of: text) {
                            case .quote: traits.append([.punctuation, .quote, .skippable])
                            case .apostrophe: traits.append([.punctuation, .apostrophe, .skippable])
                            case .dash: traits.append([.punctuation, .dash, .skippable])
                            default: traits.append(.punctuation)
                            }
                        case .word:
                            let hash = wordHash(text)
                            hashes.append(hash)
                            var itemTraits: ItemTraits = [.word, .skippable]
                            if ByteText.startsUppercase(bytes, at: token.start) { itemTraits.insert(.capitalized) }
                            if let more = listed.value(for: hash) { itemTraits.formUnion(more) }
                            traits.append(itemTraits)
                        case .number:
                            let hash = wordHash(text)
                            hashes.append(hash)
                            traits.append([.number, .skippable])
                        }
                        index += 1
                    }
                }
            }
        }
    }
}
