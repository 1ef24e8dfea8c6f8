import FactlintFigures

/// What a template search needs to know of one item, worked out once when a document is indexed
/// so that matching compares bits and integers, never bytes.
struct ItemTraits: OptionSet, Sendable {
    let rawValue: UInt16

    /// A word token ("convicted"); numbers written in digits are not words.
    static let word = ItemTraits(rawValue: 1 << 0)
    /// A number token that no figure took ("2.3.1").
    static let number = ItemTraits(rawValue: 1 << 1)
    static let punctuation = ItemTraits(rawValue: 1 << 2)
    static let figure = ItemTraits(rawValue: 1 << 3)
    /// A word that starts with a capital letter.
    static let capitalized = ItemTraits(rawValue: 1 << 4)
    static let quote = ItemTraits(rawValue: 1 << 5)
    static let apostrophe = ItemTraits(rawValue: 1 << 6)
    static let dash = ItemTraits(rawValue: 1 << 7)
    /// A word that opens a sentence or clause rather than a name ("According", "The").
    static let nonNameWord = ItemTraits(rawValue: 1 << 8)
    /// A word allowed inside a name between capitalised words ("of", "and", "de").
    static let nameConnector = ItemTraits(rawValue: 1 << 9)
    /// A word at which a trailing `{x:text}` slot stops ("in", "which").
    static let textStop = ItemTraits(rawValue: 1 << 10)
    /// An item a gap (`...`) may skip: a word, a dash, an apostrophe, a quote or a date.
    static let skippable = ItemTraits(rawValue: 1 << 11)

    /// Connectors allowed inside a name between capitalised words: "Office to Monitor and Combat".
    static let nameConnectors = ["of", "for", "and", "in", "on", "the", "de", "del", "van", "von", "al", "bin"]
    /// Capitalised words that open sentences and clauses rather than names: "According to Duman Taev".
    static let nonNameWords = [
        "according", "the", "a", "an", "in", "on", "at", "for", "as", "while", "after", "before", "still", "however",
        "although", "though", "but", "and", "or", "since", "during", "when", "where", "if", "meanwhile", "moreover",
        "also", "this", "that", "these", "those", "its", "their", "his", "her", "our", "by", "from", "with", "of", "to",
        "yet", "then", "thus", "today", "later", "earlier", "last", "next", "both", "all", "some", "many", "most",
    ]
    /// Words at which a trailing `{x:text}` slot stops.
    static let textStops = [
        "in", "on", "at", "for", "from", "during", "since", "by", "with", "and", "or", "including", "compared",
        "while", "which", "who", "whom", "that", "as", "than", "to", "under", "between", "after", "before", "of", "were", "was",
    ]

    /// The traits the word lists give, by word hash (looked up through `HashNumbering`).
    static let listedWords: [UInt64: ItemTraits] = {
        var traits: [UInt64: ItemTraits] = [:]
        for word in nameConnectors { traits[wordHash(word.utf8), default: []].insert(.nameConnector) }
        for word in nonNameWords { traits[wordHash(word.utf8), default: []].insert(.nonNameWord) }
        for word in textStops { traits[wordHash(word.utf8), default: []].insert(.textStop) }
        return traits
    }()
}

/// A document's sentences as templates search them, built once for every template of every
/// rule: each sentence's items, their hashes and traits, and for each word or mark a template
/// requires, the sentences holding it.
///
/// A template is tried only on the sentences that hold an item of every group it requires,
/// found through its rarest group, so most sentences are never tried against most templates.
/// Items of all sentences sit in one array each, so indexing allocates a few arrays per
/// document, not per sentence.
final class SentenceIndex: Sendable {
    /// Where each sentence's items begin in `items`, with the end of the last as a final entry.
    let starts: [Int]
    /// The items of every sentence, one sentence after another.
    let items: [SentenceItems.Item]
    /// The hash of each item (see `SentenceItems`): 0 for a figure.
    let hashes: [UInt64]
    let traits: [ItemTraits]
    /// The words and marks that templates require, numbered.
    let lookedFor: HashNumbering
    /// For each word of `lookedFor`, by its number, the sentences holding it in increasing order:
    /// word `n`'s are `postings[postingStarts[n]..<postingStarts[n + 1]]`.
    private let postings: [Int32]
    private let postingStarts: [Int]
    /// For each sentence, one bit per word of `lookedFor` it holds, in `presentWidth` words.
    private let present: [UInt64]
    private let presentWidth: Int

    /// - Parameter lookedFor: the words the index lists sentences for; `HashNumbering(templates:)`.
    /// - Complexity: O(tokens).
    init(document: Document, lookedFor: HashNumbering) {
        // Reading the items notes which sentences hold which words, with one look-up per item.
        var read = SentenceItems(document: document, numbering: lookedFor)
        let width = read.presentWidth
        let sentenceCount = document.sentences.count
        let present = read.present
        // Taken out of `read`, so counting on in place copies nothing.
        var counts: [Int] = []
        swap(&counts, &read.counts)
        // The postings, laid out by word from the counts (which then count on as where each
        // word's next sentence goes), filled from the sentences' bits in order; through pointers too.
        let wordCount = lookedFor.count
        var starts = [Int].filled(with: 0, count: wordCount + 1)
        var postings: [Int32] = []
        starts.withUnsafeMutableBufferPointer { starts in
            counts.withUnsafeMutableBufferPointer { next in
                var total = 0
                for number in 0..<wordCount {
                    starts[number] = total
                    let count = next[number]
                    next[number] = total
                    total += count
                }
                starts[wordCount] = total
                // Every slot is written once: each word has as many as its count.
                postings = [Int32](unsafeUninitializedCapacity: total) { postings, initialized in
                    present.withUnsafeBufferPointer { present in
                        var bitsIndex = 0
                        for sentence in 0..<sentenceCount {
                            for word in 0..<width {
                                var bits = present[bitsIndex]
                                bitsIndex += 1
                                while bits != 0 {
                                    let number = word << 6 | bits.trailingZeroBitCount
                                    postings[next[number]] = Int32(truncatingIfNeeded: sentence)
                                    next[number] += 1
                                    bits &= bits &- 1
                                }
                            }
                        }
                    }
                    initialized = total
                }
            }
        }
        self.starts = read.starts
        self.items = read.items
        self.hashes = read.hashes
        self.traits = read.traits
        self.lookedFor = lookedFor
        self.postings = postings
        self.postingStarts = starts
        self.present = present
        self.presentWidth = width
    }

    var sentenceCount: Int { starts.count - 1 }

    /// The positions of a sentence's items in `items`, `hashes` and `traits`.
    func itemRange(of sentence: Int) -> Range<Int> { starts[sentence]..<starts[sentence + 1] }

    /// The sentences a template may match: those holding an item of every group it requires,
    /// found through its rarest group; every sentence when it requires none. They are written
    /// into the scratch's memory, valid until its next use: a report's templates are looked up
    /// one after another, and an array each cost an allocation.
    ///
    /// - Parameter groups: the template's required groups, numbered by `lookedFor.groups(of:)`.
    ///
    /// The tables are read through pointers: a template's groups are looked up for every
    /// document, and checking each index against its array's bounds cost a third of the time.
    func candidates(groups: [[Int]], scratch: TemplateMatcher.SearchScratch) -> UnsafeBufferPointer<Int32> {
        let result = scratch.candidates(sentenceCount)
        guard !groups.isEmpty else {
            for sentence in 0..<sentenceCount { result[sentence] = Int32(sentence) }
            return UnsafeBufferPointer(rebasing: result[0..<sentenceCount])
        }
        return postingStarts.withUnsafeBufferPointer { postingStarts in
            // The group whose words occur in fewest sentences (counted with repeats across words).
            var fewest = (position: 0, count: Int.max)
            for position in groups.indices {
                var count = 0
                for number in groups[position] { count += postingStarts[number + 1] - postingStarts[number] }
                if count == 0 { return UnsafeBufferPointer(start: nil, count: 0) }
                if count < fewest.count { fewest = (position, count) }
            }
            let (rarest, rarestCount) = fewest
            return present.withUnsafeBufferPointer { present in
                postings.withUnsafeBufferPointer { postings in
                    let width = presentWidth
                    // Whether a sentence holds a word of each group but `skipped`.
                    func holdsGroups(_ sentence: Int, but skipped: Int) -> Bool {
                        let base = sentence * width
                        for position in groups.indices where position != skipped {
                            guard groups[position].contains(where: { present[base + $0 >> 6] & (UInt64(1) << UInt64($0 & 63)) != 0 }) else { return false }
                        }
                        return true
                    }
                    func holdsTheOthers(_ sentence: Int) -> Bool { holdsGroups(sentence, but: rarest) }
                    // A sentence is listed once: the result never outgrows the sentence count.
                    var count = 0
                    let rarestGroup = groups[rarest]
                    if rarestGroup.count > 1, rarestCount * 4 >= sentenceCount {
                        // Words common enough that testing every sentence's bits costs less
                        // than merging their lists.
                        for sentence in 0..<sentenceCount where holdsGroups(sentence, but: -1) {
                            result[count] = Int32(sentence)
                            count += 1
                        }
                    } else if rarestGroup.count == 1 {
                        for slot in postingStarts[rarestGroup[0]]..<postingStarts[rarestGroup[0] + 1] {
                            let sentence = Int(postings[slot])
                            if holdsTheOthers(sentence) {
                                result[count] = Int32(sentence)
                                count += 1
                            }
                        }
                    } else {
                        let listed = scratch.listed(rarestCount)
                        var filled = 0
                        for number in rarestGroup {
                            for slot in postingStarts[number]..<postingStarts[number + 1] {
                                listed[filled] = postings[slot]
                                filled += 1
                            }
                        }
                        var merged = UnsafeMutableBufferPointer(rebasing: listed[0..<filled])
                        merged.sort()
                        var previous: Int32 = -1
                        for sentence in merged where sentence != previous {
                            previous = sentence
                            if holdsTheOthers(Int(sentence)) {
                                result[count] = sentence
                                count += 1
                            }
                        }
                    }
                    return UnsafeBufferPointer(rebasing: result[0..<count])
                }
            }
        }
    }
}

/// A fixed set of 64-bit hashes, each with a number from 0, looked up together with the traits
/// the word lists give (`ItemTraits.listedWords`): an open-addressing table that uses the hash
/// itself, so one look-up per item, a multiply and a probe or two, tells both.
struct HashNumbering: Sendable {
    /// For each hash, its listed traits in the low 16 bits and its number plus one above them
    /// (0 there for a listed word no template requires).
    private let table: HashTable<UInt32>
    let count: Int
    /// The entries of the words figures are listed under.
    let figureEntries: FigureWords.Entries

    init<Hashes: Sequence>(_ hashes: Hashes) where Hashes.Element == UInt64 {
        var numbers: [UInt64: Int] = [:]
        for hash in hashes where hash != 0 && numbers[hash] == nil { numbers[hash] = numbers.count }
        var entries: [UInt64: UInt32] = ItemTraits.listedWords.mapValues { UInt32($0.rawValue) }
        for (hash, number) in numbers { entries[hash, default: 0] |= UInt32(number + 1) << 16 }
        let table = HashTable(entries)
        self.table = table
        count = numbers.count
        figureEntries = FigureWords.Entries { table.value(for: $0) ?? 0 }
    }

    /// The hashes every template of the rules requires, numbered.
    init(templates: [Template]) {
        self.init(templates.flatMap { $0.requiredGroups.joined() })
    }

    /// A template's required groups by number, for `SentenceIndex.candidates(groups:scratch:)`.
    ///
    /// - Precondition: the numbering holds every hash of the template's required groups.
    func groups(of template: Template) -> [[Int]] {
        template.requiredGroups.map { group in group.compactMap { number(of: $0) } }
    }

    @inline(__always)
    func number(of hash: UInt64) -> Int? {
        let entry = self.entry(of: hash)
        return entry >> 16 == 0 ? nil : Int(entry >> 16) - 1
    }

    /// What the table holds of a hash, 0 when nothing: listed traits in the low 16 bits, the
    /// number plus one above them.
    @inline(__always)
    func entry(of hash: UInt64) -> UInt32 {
        table.value(for: hash) ?? 0
    }
}

/// A fixed map from non-zero 64-bit hashes to values, open addressing on the hash itself.
struct HashTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let mask: Int

    init(_ entries: [UInt64: Value]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        mask = capacity - 1
        for (hash, value) in entries where hash != 0 {
            var slot = HashTable.slot(of: hash, mask: mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = hash
            values[slot] = value
        }
    }

    @inline(__always)
    static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// - Complexity: a probe or two: the table is at most half full. Read through pointers, as
    ///   slots are masked to the table's size and need no bounds check.
    @inline(__always)
    func value(for hash: UInt64) -> Value? {
        keys.withUnsafeBufferPointer { keys in
            var slot = HashTable.slot(of: hash, mask: mask)
            while true {
                let key = keys[slot]
                if key == hash { return values.withUnsafeBufferPointer { $0[slot] } }
                if key == 0 { return nil }
                slot = (slot &+ 1) & mask
            }
        }
    }
}
