import FactlintFigures

/// A document's sentences as templates search them, built once for every template of every
/// rule: each sentence's items and word hashes, and for each word the sentences holding it.
///
/// A template is tried only on the sentences that hold its rarest required word, so most
/// sentences are never tried against most templates.
struct SentenceIndex {
    /// The items of each sentence.
    let items: [[SentenceItems.Item]]
    /// The hash of each item's lowercase text (0 for figures and punctuation), per sentence.
    let hashes: [[UInt64]]
    /// For each word hash, the sentences holding the word, in increasing order.
    private let sentencesByWord: [UInt64: [Int32]]

    /// - Complexity: O(tokens).
    init(document: Document) {
        var items: [[SentenceItems.Item]] = []
        var hashes: [[UInt64]] = []
        items.reserveCapacity(document.sentences.count)
        hashes.reserveCapacity(document.sentences.count)
        var sentencesByWord: [UInt64: [Int32]] = [:]
        for (index, sentence) in document.sentences.enumerated() {
            let sentenceItems = SentenceItems(document: document, sentence: sentence).items
            let sentenceHashes = TemplateMatcher.hashes(of: sentenceItems, in: document)
            for hash in sentenceHashes where hash != 0 {
                // Sentences are visited in order, so a repeated word only needs the last entry checked.
                if sentencesByWord[hash, default: []].last != Int32(index) {
                    sentencesByWord[hash, default: []].append(Int32(index))
                }
            }
            items.append(sentenceItems)
            hashes.append(sentenceHashes)
        }
        self.items = items
        self.hashes = hashes
        self.sentencesByWord = sentencesByWord
    }

    /// The sentences a template may match: those holding every word it requires, found through
    /// its rarest one; every sentence when it requires none.
    func candidates(for template: Template) -> [Int] {
        let groups = template.requiredGroups
        guard !groups.isEmpty else { return Array(items.indices) }
        // The group whose words occur in fewest sentences (counted with repeats across words).
        var rarest = 0
        var rarestCount = Int.max
        for (position, group) in groups.enumerated() {
            let count = group.reduce(0) { $0 + (sentencesByWord[$1]?.count ?? 0) }
            if count < rarestCount {
                rarest = position
                rarestCount = count
            }
            if count == 0 { return [] }
        }
        var sentences = groups[rarest].flatMap { sentencesByWord[$0] ?? [] }
        if groups[rarest].count > 1 {
            sentences.sort()
        }
        var result: [Int] = []
        var previous: Int32 = -1
        for sentence in sentences where sentence != previous {
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
