import FactlintFigures

/// A document's sentences as templates see them: words and punctuation, with each figure as
/// one item and citation markers ("[2]") left out; every sentence's items in one array.
struct SentenceItems {
    /// A token or a figure of the document, by its index, in four bytes: a long report holds
    /// millions of items, and matching reads them in order.
    struct Item: Equatable {
        /// The token's index, or the bitwise NOT of the figure's (negative).
        private let raw: Int32

        static func token(_ index: Int) -> Item { Item(raw: Int32(truncatingIfNeeded: index)) }
        static func figure(_ index: Int) -> Item { Item(raw: ~Int32(truncatingIfNeeded: index)) }

        /// The token's index in `Document.tokens`, when the item is a token.
        var token: Int? { raw >= 0 ? Int(raw) : nil }
        /// The figure's index in `Document.figures`, when the item is a figure.
        var figure: Int? { raw < 0 ? Int(~raw) : nil }
    }

    /// Where each sentence's items begin, with the end of the last as a final entry.
    var starts: [Int] = [0]
    var items: [Item] = []
    /// The hash of each item: `wordHash` of a word's bytes (ASCII lowercased),
    /// `punctuationHash` of a mark's, 0 for a figure.
    var hashes: [UInt64] = []
    var traits: [ItemTraits] = []

    /// For each sentence, one bit per word of the numbering it was read with that it holds, in
    /// `presentWidth` words (empty when the numbering numbers nothing).
    var present: [UInt64] = []
    var presentWidth = 0
    /// For each word of the numbering, how many sentences hold it.
    var counts: [Int] = []

    /// Reads every sentence of a document, noting which sentences hold which words of `numbering`.
    ///
    /// - Complexity: O(tokens).
    init(document: Document, numbering: HashNumbering) {
        self.init(document: document, sentences: document.sentences, numbering: numbering)
    }

    /// Reads one sentence.
    init(document: Document, sentence: Sentence) {
        self.init(document: document, sentences: [sentence], numbering: SentenceItems.listedOnly)
    }

    /// The word lists' traits, with no word numbered.
    private static let listedOnly = HashNumbering([])

    /// Reads sentences into arrays sized once: a sentence has at most one item per token.
    private init(document: Document, sentences: [Sentence], numbering: HashNumbering) {
        let capacity = sentences.reduce(0) { $0 + $1.tokens.count }
        let width = (numbering.count + 63) / 64
        var starts = [0]
        starts.reserveCapacity(sentences.count + 1)
        var hashes: [UInt64] = []
        var traits: [ItemTraits] = []
        var present = [UInt64].filled(with: 0, count: width * sentences.count)
        var counts = [Int].filled(with: 0, count: numbering.count)
        items = [Item](unsafeUninitializedCapacity: capacity) { items, itemCount in
            hashes = [UInt64](unsafeUninitializedCapacity: capacity) { hashes, hashCount in
                traits = [ItemTraits](unsafeUninitializedCapacity: capacity) { traits, traitCount in
                    present.withUnsafeMutableBufferPointer { present in
                        counts.withUnsafeMutableBufferPointer { counts in
                            var writer = Writer(items: items, hashes: hashes, traits: traits, numbering: numbering, present: present, counts: counts, width: width)
                            document.tokens.withUnsafeBufferPointer { tokens in
                                document.tokenHashes.withUnsafeBufferPointer { tokenHashes in
                                    document.figures.withUnsafeBufferPointer { figures in
                                        document.source.bytes.withUnsafeBufferPointer { bytes in
                                            for sentence in sentences {
                                                writer.append(sentence, tokens: tokens, tokenHashes: tokenHashes, figures: figures, bytes: bytes)
                                                starts.append(writer.count)
                                                writer.presentBase += width
                                            }
                                        }
                                    }
                                }
                            }
                            traitCount = writer.count
                        }
                    }
                }
                hashCount = traits.count
            }
            itemCount = hashes.count
        }
        self.starts = starts
        self.hashes = hashes
        self.traits = traits
        self.present = present
        self.presentWidth = width
        self.counts = counts
    }

    /// Writes items, hashes and traits side by side into buffers large enough for them.
    private struct Writer {
        let items: UnsafeMutableBufferPointer<Item>
        let hashes: UnsafeMutableBufferPointer<UInt64>
        let traits: UnsafeMutableBufferPointer<ItemTraits>
        var count = 0
        let numbering: HashNumbering
        let figureEntries: FigureWords.Entries
        /// The current sentence's bits start at `presentBase`.
        let present: UnsafeMutableBufferPointer<UInt64>
        let counts: UnsafeMutableBufferPointer<Int>
        let width: Int
        var presentBase = 0

        init(
            items: UnsafeMutableBufferPointer<Item>, hashes: UnsafeMutableBufferPointer<UInt64>, traits: UnsafeMutableBufferPointer<ItemTraits>,
            numbering: HashNumbering, present: UnsafeMutableBufferPointer<UInt64>, counts: UnsafeMutableBufferPointer<Int>, width: Int
        ) {
            self.items = items
            self.hashes = hashes
            self.traits = traits
            self.numbering = numbering
            self.figureEntries = numbering.figureEntries
            self.present = present
            self.counts = counts
            self.width = width
        }

        @inline(__always)
        mutating func write(_ item: Item, _ hash: UInt64, _ itemTraits: ItemTraits) {
            items.initializeElement(at: count, to: item)
            hashes.initializeElement(at: count, to: hash)
            traits.initializeElement(at: count, to: itemTraits)
            count += 1
        }

        /// Notes that the current sentence holds a numbered word, from its table entry.
        @inline(__always)
        mutating func note(_ entry: UInt32) {
            guard entry >> 16 != 0 else { return }
            let number = Int(entry >> 16) - 1
            let (word, bit) = (presentBase + number >> 6, UInt64(1) << UInt64(number & 63))
            if present[word] & bit == 0 {
                present[word] |= bit
                counts[number] += 1
            }
        }

        /// - Parameter tokenHashes: `Document.tokenHashes`: a word's hash when the tokenizer read it.
        mutating func append(
            _ sentence: Sentence, tokens: UnsafeBufferPointer<Token>, tokenHashes: UnsafeBufferPointer<UInt64>,
            figures: UnsafeBufferPointer<Figure>, bytes: UnsafeBufferPointer<UInt8>
        ) {
            // The token a figure starts at, or past the sentence when none is left.
            func firstToken(ofFigure index: Int) -> Int {
                index < sentence.figures.upperBound ? figures[index].tokens.lowerBound : Int.max
            }
            var figureIndex = sentence.figures.lowerBound
            var nextFigure = firstToken(ofFigure: figureIndex)
            var index = sentence.tokens.lowerBound
            let end = sentence.tokens.upperBound
            while index < end {
                if index == nextFigure {
                    let figure = figures.baseAddress! + figureIndex
                    write(.figure(figureIndex), 0, figure.pointee.kind == .date ? [.figure, .skippable] : .figure)
                    let (entry, other) = figureEntries.of(figure)
                    note(entry)
                    note(other)
                    index = figure.pointee.tokens.upperBound
                    figureIndex += 1
                    nextFigure = firstToken(ofFigure: figureIndex)
                    continue
                }
                let token = tokens[index]
                switch token.kind {
                case .word:
                    let known = index < tokenHashes.count ? tokenHashes[index] : 0
                    let hash = known != 0 ? known : wordHash(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
                    var itemTraits: ItemTraits = [.word, .skippable]
                    if ByteText.startsUppercase(bytes, at: token.start) { itemTraits.insert(.capitalized) }
                    let entry = numbering.entry(of: hash)
                    itemTraits.formUnion(ItemTraits(rawValue: UInt16(truncatingIfNeeded: entry)))
                    note(entry)
                    write(.token(index), hash, itemTraits)
                case .punctuation:
                    // Citation markers: "[2]", "[a]".
                    if bytes[token.start] == UInt8(ascii: "["), index + 2 < end,
                       tokens[index + 2].kind == .punctuation, bytes[tokens[index + 2].start] == UInt8(ascii: "]"),
                       tokens[index + 1].kind == .number || tokens[index + 1].end - tokens[index + 1].start <= 2 {
                        index += 3
                        continue
                    }
                    let text = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
                    let itemTraits: ItemTraits
                    switch PunctuationClass.family(of: text) {
                    case .quote: itemTraits = [.punctuation, .quote, .skippable]
                    case .apostrophe: itemTraits = [.punctuation, .apostrophe, .skippable]
                    case .dash: itemTraits = [.punctuation, .dash, .skippable]
                    default: itemTraits = .punctuation
                    }
                    let hash = punctuationHash(text)
                    note(numbering.entry(of: hash))
                    write(.token(index), hash, itemTraits)
                case .number:
                    let hash = wordHash(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
                    note(numbering.entry(of: hash))
                    write(.token(index), hash, [.number, .skippable])
                }
                index += 1
            }
        }
    }
}
