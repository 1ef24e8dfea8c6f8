import FactlintFigures

/// A document's sentences as templates search them, built once for every template of every
/// rule: each sentence's items and item hashes, and for each word or mark a template requires,
/// the sentences holding it.
///
/// A template is tried only on the sentences that hold its rarest required group of words, so
/// most sentences are never tried against most templates.
struct SentenceIndex {
    /// The items of each sentence.
    let items: [[SentenceItems.Item]]
    /// The hash of each item's text (see `SentenceItems.hashes`), per sentence.
    let hashes: [[UInt64]]
    /// The words and marks that templates require, numbered.
    let lookedFor: HashNumbering
    /// For each word of `lookedFor`, by its number, the sentences holding it in increasing order.
    private let sentencesByWord: [[Int32]]

    /// - Parameter lookedFor: the words the index lists sentences for; `HashNumbering(templates:)`.
    /// - Complexity: O(tokens).
    init(document: Document, lookedFor: HashNumbering) {
        var items: [[SentenceItems.Item]] = []
        var hashes: [[UInt64]] = []
        items.reserveCapacity(document.sentences.count)
        hashes.reserveCapacity(document.sentences.count)
        var sentencesByWord = [[Int32]](repeating: [], count: lookedFor.count)
        for (index, sentence) in document.sentences.enumerated() {
            let read = SentenceItems(document: document, sentence: sentence, hashing: true)
            let sentenceItems = read.items
            let sentenceHashes = read.hashes
            for hash in sentenceHashes where hash != 0 {
                guard let number = lookedFor.number(of: hash) else { continue }
                // Sentences are visited in order, so a repeated word only needs the last entry checked.
                if sentencesByWord[number].last != Int32(index) {
                    sentencesByWord[number].append(Int32(index))
                }
            }
            items.append(sentenceItems)
            hashes.append(sentenceHashes)
        }
        self.items = items
        self.hashes = hashes
        self.lookedFor = lookedFor
        self.sentencesByWord = sentencesByWord
    }

    /// The sentences holding a word or mark; empty for one the index does not look for.
    private func sentences(holding hash: UInt64) -> [Int32] {
        lookedFor.number(of: hash).map { sentencesByWord[$0] } ?? []
    }

    /// The sentences a template may match: those holding an item of every group it requires,
    /// found through its rarest group; every sentence when it requires none.
    ///
    /// - Precondition: `lookedFor` holds every hash of the template's required groups.
    func candidates(for template: Template) -> [Int] {
        let groups = template.requiredGroups
        guard !groups.isEmpty else { return Array(items.indices) }
        // The group whose words occur in fewest sentences (counted with repeats across words).
        var rarest = 0
        var rarestCount = Int.max
        for (position, group) in groups.enumerated() {
            let count = group.reduce(0) { $0 + sentences(holding: $1).count }
            if count == 0 { return [] }
            if count < rarestCount {
                rarest = position
                rarestCount = count
            }
        }
        var listed = groups[rarest].count == 1 ? sentences(holding: groups[rarest][0]) : groups[rarest].flatMap { sentences(holding: $0) }
        if groups[rarest].count > 1 { listed.sort() }
        var result: [Int] = []
        var previous: Int32 = -1
        for sentence in listed where sentence != previous {
            previous = sentence
            let itemHashes = hashes[Int(sentence)]
            let holdsAll = groups.indices.allSatisfy { group in
                group == rarest || groups[group].contains(where: itemHashes.contains)
            }
            if holdsAll { result.append(Int(sentence)) }
        }
        return result
    }
}

/// A fixed set of 64-bit hashes, each with a number from 0: an open-addressing table that
/// uses the hash itself, so a look-up costs a multiply and a probe or two.
struct HashNumbering: Sendable {
    private var keys: [UInt64]
    private var numbers: [Int32]
    private let mask: Int
    private(set) var count = 0

    init<Hashes: Sequence>(_ hashes: Hashes) where Hashes.Element == UInt64 {
        let unique = Array(Set(hashes))
        var capacity = 16
        while capacity < unique.count * 2 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        numbers = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for hash in unique where hash != 0 {
            var slot = HashNumbering.slot(of: hash, mask: mask)
            while numbers[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = hash
            numbers[slot] = Int32(count)
            count += 1
        }
    }

    /// The hashes every template of the rules requires, numbered.
    init(templates: [Template]) {
        self.init(templates.flatMap { $0.requiredGroups.joined() })
    }

    @inline(__always)
    static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    func number(of hash: UInt64) -> Int? {
        var slot = HashNumbering.slot(of: hash, mask: mask)
        while true {
            let number = numbers[slot]
            if number < 0 { return nil }
            if keys[slot] == hash { return Int(number) }
            slot = (slot + 1) & mask
        }
    }
}
