import FactlintFigures

/// A list of groups that breaks down a total: "Of these, 67 were …, 17 …, and 13 were
/// unknown"; "561 victims …, including 207 Thai victims and 360 foreign victims"; "84 victims
/// (56 were adults and 41 were children)".
///
/// An opener template marks where the list starts. The parts are the counts of the list
/// itself — each group's count, up to the clause's end, leaving out figures in parentheses
/// (last year's figures) and nested groups ("five of whom"). The total is the nearest count
/// before the opener, in the same sentence or, for an opener that starts a sentence, in the
/// one before; a total coordinated with another count ("20 victims and 10 dependents") is
/// left alone, since the list may cover both. The list must add up when it is complete — it
/// names an "unknown" or "other" group, or covers every value of a dimension (adults and
/// children; female and male) — and otherwise must not exceed the total.
public struct BreakdownCheck: Check {
    public var openers: [Template]
    /// Sets of word groups; a list that uses a word of every group of one set is complete.
    public var completeWhen: [[[String]]] {
        didSet { completeWhenHashes = BreakdownCheck.hashes(of: completeWhen) }
    }
    /// `completeWhen` as word hashes, worked out once rather than for every list.
    private var completeWhenHashes: [[[UInt64]]]

    static func hashes(of sets: [[[String]]]) -> [[[UInt64]]] {
        sets.map { set in set.map { group in group.map { wordHash($0.utf8) } } }
    }
    /// Whether only complete lists are checked (a parenthesis after a figure says too little otherwise).
    public var onlyComplete = false

    public var templates: [Template] { openers }

    public var describedTemplates: [(role: String, source: String)] {
        openers.map { (role: "opener", source: $0.source) }
    }

    static let defaultCompleteWhen: [[[String]]] = [
        [["unknown"]], [["other", "others"]], [["remaining", "remainder", "rest"]],
        [["adult", "adults"], ["child", "children", "minor", "minors"]],
        [["male", "males"], ["female", "females"]],
        [["man", "men"], ["woman", "women"], ["boy", "boys"], ["girl", "girls"]],
    ]
    static let overlapPhrases = ListPhrases([["more", "than", "one"], ["multiple"], ["overlap"], ["overlapping"], ["counted", "twice"]])

    public init(openers: [Template], completeWhen: [[[String]]]? = nil) {
        self.openers = openers
        let sets = completeWhen ?? BreakdownCheck.defaultCompleteWhen
        self.completeWhen = sets
        self.completeWhenHashes = BreakdownCheck.hashes(of: sets)
    }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        let document = context.document
        // One template's matches never overlap: only openers of two can end at the same place.
        let severalTemplates = context.matches.count > 1
        var listsSeen: Set<Int> = []
        for opener in TemplateMatch.inReadingOrder(context.matches) {
            // Two openers that end at the same place (", including" and "including") open one list.
            if severalTemplates, !listsSeen.insert(opener.bytes.upperBound).inserted { continue }
            let reader = ListReader(document: document, sentence: opener.sentence, index: context.index)
            let (openerStart, openerEnd) = (opener.items.lowerBound, opener.items.upperBound)
            var list = reader.list(from: openerEnd, insideParentheses: reader.isMark(openerEnd - 1, "("))
            let listWords: WordHashes
            var bulletProfiles: [GroupProfile]?
            if !list.parts.isEmpty {
                listWords = reader.words(in: openerEnd..<list.end)
            } else if openerEnd >= reader.items.count, let bullets = bulletList(after: opener.sentence, in: document, index: context.index) {
                // "… assisted 400 people:" followed by a bulleted list whose items start with their counts.
                list.parts = bullets.parts
                listWords = bullets.words
                bulletProfiles = bullets.profiles
            } else {
                continue
            }
            guard let first = list.parts.first else { continue }
            let unit = document.figures[first].unitCode
            // The total: before the opener in its sentence, else in the sentence before when the opener leads its sentence.
            // An opener may hold the total itself: "Among the 84 traffickers convicted in 2021, …".
            var totalIndex = opener["total"]?.figure ?? reader.total(before: openerStart, listWords: listWords, kind: document.figures[first].kind, unit: unit)
            var totalReader = reader
            var totalInSentenceBefore = false
            if totalIndex == nil, openerStart <= 1, opener.sentence > 0,
               document.sentences[opener.sentence - 1].block == document.sentences[opener.sentence].block {
                totalReader = ListReader(document: document, sentence: opener.sentence - 1, index: context.index)
                totalInSentenceBefore = true
                totalIndex = totalReader.total(before: totalReader.items.count, listWords: listWords, kind: document.figures[first].kind, unit: unit)
            }
            guard let totalIndex, list.parts.allSatisfy({ document.figures[$0].kind == document.figures[totalIndex].kind && document.figures[$0].unitCode == unit }) else { continue }
            // The total's sentence is read for overlaps too when it is the one before.
            guard !reader.mentions(BreakdownCheck.overlapPhrases),
                  !totalInSentenceBefore || !totalReader.mentions(BreakdownCheck.overlapPhrases) else { continue }
            let total = document.figures[totalIndex]
            let statesWholeTotal = !completeWhen.isEmpty && totalReader.isAnnouncedTotal(figure: totalIndex)
            let isComplete = statesWholeTotal || completeWhenHashes.contains { set in set.allSatisfy { group in group.contains { listWords.contains($0) } } }
            if isComplete, list.parts.count < 2 { continue }
            if onlyComplete, !isComplete { continue }
            // Read last, as most lists are passed by before: whom each group counts.
            guard !GroupProfile.mayOverlap(bulletProfiles ?? reader.groupProfiles(of: list.parts, end: list.end)) else { continue }
            let parts = list.parts.map { document.figures[$0] }
            let sum = parts.map(\.value).reduce(Interval.exactly(0), +)
            outcome.checksRun += 1
            outcome.usedFigures.insert(totalIndex)
            outcome.usedFigures.formUnion(list.parts)
            let violated = isComplete ? !sum.overlaps(total.value) : !sum.canBeBelow(total.value, strict: false)
            guard violated else { continue }
            let expression = context.sumExpression(list.parts)
            var values = ["parts": sum.description, "sum": expression, "gap": Interval.format(sum.gap(to: total.value))]
            values["total"] = context.text(of: totalIndex)
            let fallback = isComplete
                ? "the groups listed add up to \(sum) (\(expression)), but the total is \(context.text(of: totalIndex))"
                : "the groups listed add up to \(sum) (\(expression)), more than the total of \(context.text(of: totalIndex))"
            outcome.findings.append(Finding(
                ruleID: context.rule.id, severity: context.rule.severity,
                message: context.message(values, fallback: fallback),
                primary: context.label(totalIndex, "total"),
                related: list.parts.map { context.label($0, "part") },
                evidence: Evidence(stated: total.value, computed: sum, gap: sum.gap(to: total.value))
            ))
        }
        return outcome
    }
}

extension BreakdownCheck {
    /// The leading counts of the bulleted list that follows a sentence ending its block with ":".
    func bulletList(after sentence: Int, in document: Document, index sentenceIndex: SentenceIndex?) -> (parts: [Int], words: WordHashes, profiles: [GroupProfile])? {
        let blockIndex = document.sentences[sentence].block
        guard document.blocks[blockIndex].sentences.last == sentence, blockIndex + 1 < document.blocks.count,
              let list = document.blocks[blockIndex + 1].list, document.blocks[blockIndex].list != list else { return nil }
        var parts: [Int] = []
        var words = WordHashes()
        var profiles: [GroupProfile] = []
        var index = blockIndex + 1
        while index < document.blocks.count, document.blocks[index].list == list {
            let block = document.blocks[index]
            guard block.quoteDepth == document.blocks[blockIndex].quoteDepth else { return nil }
            if let firstSentence = block.sentences.first, document.sentences[firstSentence].tokens.lowerBound == block.tokens.lowerBound {
                let reader = ListReader(document: document, sentence: firstSentence, index: sentenceIndex)
                // Each item must open with its figure: "- 96 women aged …", "- 2003: 14 convictions" is read by its count.
                var position = 0
                if reader.isDate(0), reader.isMark(1, ":") { position = 2 }
                if reader.amountFigure(position) == nil, reader.items.count >= 3, reader.isMark(reader.items.count - 2, ":") {
                    position = reader.items.count - 1  // "- 14 years’ imprisonment: 34"
                }
                guard let figure = reader.amountFigure(position) else { return nil }
                parts.append(figure)
                profiles.append(reader.groupProfile(in: 0..<reader.items.count))
                // Sorted once at the end: sorting after each item made a long list quadratic.
                words.append(words: reader, in: 0..<reader.items.count)
            } else if block.listItem != document.blocks[index - 1].listItem {
                return nil
            }
            index += 1
        }
        words.sort()
        return parts.count >= 2 ? (parts, words, profiles) : nil
    }
}

/// Whom one group of a list counts, as far as its words tell: which of women, men, girls and
/// boys it may hold ("children" may hold girls and boys, "female" women and girls), and which
/// ways of dividing people it names (by sex and age, by nationality, by form of exploitation).
///
/// Groups that may hold the same people do not add up to a total: "30 children and 12 girls"
/// counts the girls twice, and "150 women and 80 foreign nationals" divides the victims two
/// ways at once, so a foreign woman is in both groups.
struct GroupProfile: Equatable {
    /// One bit each for women, men, girls and boys.
    var people: UInt8 = 0
    /// One bit each for the ways of dividing people the group's words name.
    var dimensions: UInt8 = 0

    static let bySexAndAge: UInt8 = 1
    static let byNationality: UInt8 = 2
    static let byExploitation: UInt8 = 4

    /// Set in `dimensions` for a word of a group of the rest (see `ListReader.groupProfile(in:)`).
    static let remainder: UInt8 = 128

    /// The words that place a group, by hash.
    static let words: HashTable<GroupProfile> = {
        let (women, men, girls, boys): (UInt8, UInt8, UInt8, UInt8) = (1, 2, 4, 8)
        var table: [UInt64: GroupProfile] = [:]
        func add(_ words: [String], people: UInt8 = 0, dimension: UInt8) {
            for word in words { table[wordHash(word.utf8)] = GroupProfile(people: people, dimensions: dimension) }
        }
        add(["woman", "women"], people: women, dimension: bySexAndAge)
        add(["man", "men"], people: men, dimension: bySexAndAge)
        add(["girl", "girls"], people: girls, dimension: bySexAndAge)
        add(["boy", "boys"], people: boys, dimension: bySexAndAge)
        add(["adult", "adults"], people: women | men, dimension: bySexAndAge)
        add(["child", "children", "minor", "minors", "juvenile", "juveniles"], people: girls | boys, dimension: bySexAndAge)
        add(["female", "females"], people: women | girls, dimension: bySexAndAge)
        add(["male", "males"], people: men | boys, dimension: bySexAndAge)
        add(["foreign", "foreigner", "foreigners", "national", "nationals", "citizen", "citizens", "migrant", "migrants"], dimension: byNationality)
        add(["sex", "sexual", "labor", "labour", "forced", "begging", "servitude"], dimension: byExploitation)
        add(["unknown", "other", "others", "remaining", "remainder", "rest", "unspecified"], dimension: remainder)
        return HashTable(table)
    }()

    /// Adds what a word tells; false for a word of a group of the rest, which overlaps none of the others.
    mutating func add(_ hash: UInt64) -> Bool {
        guard let placed = GroupProfile.words.value(for: hash) else { return true }
        guard placed.dimensions != GroupProfile.remainder else { return false }
        people |= placed.people
        dimensions |= placed.dimensions
        return true
    }

    /// Whether two groups may count the same people: one holds some but not all of the kinds
    /// of person the other holds ("children" and "girls"), or each names a way of dividing
    /// people that the other does not. Two groups of the same kind ("96 women aged 20 to 31",
    /// "131 women aged 32 to 46") are told apart by their other words.
    func mayOverlap(_ other: GroupProfile) -> Bool {
        if people & other.people != 0, people != other.people { return true }
        return dimensions != 0 && other.dimensions != 0 && dimensions & other.dimensions == 0
    }

    /// Whether any two of the groups may count the same people.
    static func mayOverlap(_ profiles: [GroupProfile]) -> Bool {
        for (offset, profile) in profiles.enumerated() {
            for other in profiles[(offset + 1)...] where profile.mayOverlap(other) { return true }
        }
        return false
    }
}

/// Reads the structure of one sentence around a list: its counts, parentheses, separators.
struct ListReader {
    let document: Document
    let items: Window<SentenceItems.Item>

    /// The hash of each item, as `SentenceItems` gives it.
    let hashes: Window<UInt64>

    /// - Parameter index: the document's sentence items, when they are built already.
    init(document: Document, sentence: Int, index: SentenceIndex? = nil) {
        self.document = document
        if let index {
            let range = index.itemRange(of: sentence)
            items = Window(index.items, range)
            hashes = Window(index.hashes, range)
        } else {
            let read = SentenceItems(document: document, sentence: document.sentences[sentence])
            items = Window(read.items, read.items.indices)
            hashes = Window(read.hashes, read.hashes.indices)
        }
    }

    /// Part of an array, indexed from 0 without copying it.
    struct Window<Element>: RandomAccessCollection {
        let array: [Element]
        let base: Int
        let endIndex: Int

        init(_ array: [Element], _ range: Range<Int>) {
            self.array = array
            base = range.lowerBound
            endIndex = range.count
        }

        var startIndex: Int { 0 }
        subscript(position: Int) -> Element { array[base + position] }
    }

    func countFigure(_ index: Int) -> Int? {
        guard index >= 0, index < items.count, let figure = items[index].figure, document.figures[figure].kind == .count else { return nil }
        return figure
    }

    /// A figure that can be a part of a total: a count or an amount of money.
    func amountFigure(_ index: Int) -> Int? {
        guard index >= 0, index < items.count, let figure = items[index].figure else { return nil }
        let kind = document.figures[figure].kind
        return kind == .count || kind == .money ? figure : nil
    }

    /// Whether the words before a total announce it as a whole: "a total of 66", "66 in total", "altogether".
    func isAnnouncedTotal(figure: Int) -> Bool {
        guard let index = items.firstIndex(of: .figure(figure)) else { return false }
        if isWord(index - 1, .of), isWord(index - 2, .total) { return true }
        if isWord(index - 1, .combined) || isWord(index - 1, .altogether) { return true }
        if isWord(index + 1, .in), isWord(index + 2, .total) { return true }
        return false
    }

    /// Whether the item at `index` is the ASCII mark `mark`.
    func isMark(_ index: Int, _ mark: Unicode.Scalar) -> Bool {
        guard index >= 0, index < items.count, let token = items[index].token else { return false }
        let bounds = document.tokens[token].bytes
        return bounds.count == 1 && UInt32(document.source.bytes[bounds.lowerBound]) == mark.value
    }

    func word(_ index: Int) -> String? {
        guard index >= 0, index < items.count, let token = items[index].token, document.tokens[token].kind == .word else { return nil }
        return ByteText.lowercasedString(document.source.bytes, document.tokens[token].bytes)
    }

    /// Whether the item at `index` is the word `lowercase`, in any case; allocates nothing.
    func isWord(_ index: Int, _ word: ListWord) -> Bool {
        index >= 0 && index < items.count && hashes[index] == word.hash
    }

    /// The index after the parenthesis group that opens at `index`.
    func afterParentheses(_ index: Int) -> Int {
        var depth = 0
        var position = index
        while position < items.count {
            if isMark(position, "(") { depth += 1 }
            if isMark(position, ")") {
                depth -= 1
                if depth == 0 { return position + 1 }
            }
            position += 1
        }
        return items.count
    }

    /// Whether a count at `index` opens a nested group: "five of whom".
    func opensNestedGroup(_ index: Int) -> Bool {
        isWord(index + 1, .of) && [ListWord.whom, .which, .these, .those, .them].contains { isWord(index + 2, $0) }
    }

    /// The counts of a list starting at `start`, and where the list ends.
    func list(from start: Int, insideParentheses: Bool) -> (parts: [Int], end: Int) {
        var position = start
        var parts: [Int] = []
        while let figure = amountFigure(position), !opensNestedGroup(position) {
            if let first = parts.first, document.figures[first].kind != document.figures[figure].kind || document.figures[first].unitCode != document.figures[figure].unitCode {
                return (parts, position)
            }
            parts.append(figure)
            position += 1
            // The group's description runs to a separator.
            var ended = false
            while position < items.count {
                if isMark(position, "(") {
                    position = afterParentheses(position)
                    continue
                }
                if isMark(position, ")") || isMark(position, ";") || isMark(position, ".") || isMark(position, ":") {
                    ended = true
                    break
                }
                if isMark(position, ",") { break }
                // "31 men … as well as 119 women".
                if isWord(position, .as), isWord(position + 1, .well), isWord(position + 2, .as), amountFigure(position + 3) != nil {
                    position += 3
                    break
                }
                // "two fled and remain in hiding and 8 were convicted": an "and" that joins words, not groups.
                if isWord(position, .and) || isWord(position, .or) {
                    if amountFigure(position + 1) != nil { break }
                    position += 1
                    continue
                }
                if amountFigure(position) != nil {
                    ended = true  // another figure inside a group's words: the list's shape is not clear
                    break
                }
                if isDate(position) {
                    return ([], position)  // "(96 in 2017 and 68 in 2016)": earlier years' figures, not groups
                }
                position += 1
            }
            if ended || position >= items.count { return (parts, position) }
            if isMark(position, ",") { position += 1 }
            if isWord(position, .and) || isWord(position, .or) { position += 1 }
            guard amountFigure(position) != nil else { return (parts, position) }
        }
        _ = insideParentheses
        return (parts, position)
    }

    /// The count before `end` that the list breaks down: outside parentheses, not a comparison
    /// ("compared with 92", "from 92 in 2015"), and not coordinated with another count. Among
    /// the nearest few, one whose noun the list repeats ("561 victims … 207 Thai victims") wins.
    func total(before end: Int, listWords: WordHashes = WordHashes(), kind: FigureKind = .count, unit: Figure.UnitCode = .none) -> Int? {
        var depth = 0
        var position = end - 1
        var candidates: [Int] = []
        while position >= 0, candidates.count < 3 {
            if isMark(position, ")") { depth += 1 }
            if isMark(position, "(") { depth = max(0, depth - 1) }
            if depth == 0, let figure = amountFigure(position), document.figures[figure].kind == kind, document.figures[figure].unitCode == unit {
                let isComparison = ListReader.comparisonWords.contains { isWord(position - 1, $0) }
                    || (isWord(position + 1, .in) && position + 2 < items.count && isDate(position + 2))
                if !isComparison { candidates.append(position) }
            }
            position -= 1
        }
        guard let nearest = candidates.first else { return nil }
        func isContentWord(_ hash: UInt64) -> Bool { listWords.contains(hash) && !ListReader.functionWordHashes.contains(hash) }
        let chosen = candidates.count == 1 ? nearest : candidates.first { candidate in
            (candidate + 1...candidate + 3).contains { $0 < items.count && isWordOrNumber($0) && isContentWord(hashes[$0]) }
        } ?? nearest
        return isCoordinated(chosen) ? nil : amountFigure(chosen)
    }

    static let functionWordHashes: Set<UInt64> = Set(ListReader.functionWords.map { wordHash($0.utf8) })

    /// Words before a count that make it a comparison, not a total: "from 92", "than 92".
    static let comparisonWords: [ListWord] = [.from, .with, .than, .versus, .vs]

    static let functionWords: Set<String> = [
        "and", "or", "of", "the", "a", "an", "in", "on", "at", "to", "for", "from", "with", "by", "as", "were", "was",
        "are", "is", "be", "been", "who", "whom", "which", "that", "these", "those", "them", "their", "its", "s",
    ]

    func isDate(_ index: Int) -> Bool {
        guard let figure = items[index].figure else { return false }
        return document.figures[figure].kind == .date
    }

    /// "20 victims and 10 dependents": a count joined by "and" to another nearby count.
    func isCoordinated(_ index: Int) -> Bool {
        for offset in 1...4 {
            let after = index + offset
            if after >= items.count || isMark(after, ",") || isMark(after, ";") || isMark(after, "(") { break }
            if isWord(after, .and), countFigure(after + 1) != nil { return true }
        }
        // "5 official victims" in "154 potential victims and five official victims": "and" right before the count.
        if isWord(index - 1, .and), (2...5).contains(where: { countFigure(index - $0) != nil }) { return true }
        return false
    }

    /// What the words of a range of items tell of whom a group counts. A group of the rest
    /// ("six were of unknown sex", "the others") holds whoever the other groups do not.
    func groupProfile(in range: Range<Int>) -> GroupProfile {
        var profile = GroupProfile()
        for index in range.clamped(to: 0..<items.count) where isWordOrNumber(index) {
            guard profile.add(hashes[index]) else { return GroupProfile() }
        }
        return profile
    }

    /// The profile of each group of a list read by `list(from:insideParentheses:)`: a group's
    /// words run from its count to the next group's count, the last group's to `end`.
    func groupProfiles(of parts: [Int], end: Int) -> [GroupProfile] {
        // The parts come in reading order, so one pass finds them all.
        var positions: [Int] = []
        positions.reserveCapacity(parts.count)
        var position = 0
        for part in parts {
            while position < items.count, items[position] != .figure(part) { position += 1 }
            guard position < items.count else { return [] }
            positions.append(position)
        }
        return positions.indices.map { offset in
            groupProfile(in: positions[offset] + 1..<(offset + 1 < positions.count ? positions[offset + 1] : max(end, positions[offset] + 1)))
        }
    }

    /// The hashes of the words in a range of items.
    func words(in range: Range<Int>) -> WordHashes {
        var words = WordHashes()
        words.formUnion(words: self, in: range)
        return words
    }

    /// Whether the item is a word token (as `word(_:)` reads it).
    func isWordOrNumber(_ index: Int) -> Bool {
        guard let token = items[index].token else { return false }
        return document.tokens[token].kind == .word
    }

    /// Whether the sentence holds any of the phrases (as consecutive words).
    func mentions(_ phrases: ListPhrases) -> Bool {
        for start in 0..<items.count {
            let hash = hashes[start]
            guard phrases.firstWordBits & (1 << (hash & 63)) != 0, phrases.firstWords.contains(hash) else { continue }
            for phrase in phrases.phrases where phrase[0].hash == hash && start + phrase.count <= items.count {
                if phrase.indices.dropFirst().allSatisfy({ isWord(start + $0, phrase[$0]) }) { return true }
            }
        }
        return false
    }
}

/// A word the list reader looks for, by the hash of its lowercase letters: compared with an
/// item without reading its bytes.
struct ListWord: ExpressibleByStringLiteral, Sendable {
    let hash: UInt64

    init(stringLiteral word: String) {
        hash = wordHash(word.utf8)
    }

    static let altogether: ListWord = "altogether"
    static let and: ListWord = "and"
    static let `as`: ListWord = "as"
    static let combined: ListWord = "combined"
    static let from: ListWord = "from"
    static let including: ListWord = "including"
    static let `in`: ListWord = "in"
    static let of: ListWord = "of"
    static let or: ListWord = "or"
    static let than: ListWord = "than"
    static let them: ListWord = "them"
    static let these: ListWord = "these"
    static let those: ListWord = "those"
    static let total: ListWord = "total"
    static let versus: ListWord = "versus"
    static let vs: ListWord = "vs"
    static let well: ListWord = "well"
    static let which: ListWord = "which"
    static let whom: ListWord = "whom"
    static let with: ListWord = "with"
}

/// Phrases a list reader looks for, with the hash of each one's first word at hand.
struct ListPhrases: Sendable {
    let phrases: [[ListWord]]
    let firstWords: [UInt64]
    /// One bit per `hash & 63` of the first words: most items are passed by on one test.
    let firstWordBits: UInt64

    init(_ phrases: [[ListWord]]) {
        self.phrases = phrases
        firstWords = phrases.map { $0[0].hash }
        firstWordBits = firstWords.reduce(0) { $0 | 1 << ($1 & 63) }
    }
}

/// The hashes of the words of a list: a sorted array, as a list holds a few dozen words at most
/// and is looked up a few times (a hashed set cost more to build than it saved).
struct WordHashes {
    /// Sorted; a word may be listed more than once.
    private var hashes: [UInt64] = []

    /// Adds the words (and numbers) of a range of a sentence's items.
    mutating func formUnion(words reader: ListReader, in range: Range<Int>) {
        append(words: reader, in: range)
        hashes.sort()
    }

    /// Adds the words of a range of items unsorted: `contains` needs `sort()` after the last.
    mutating func append(words reader: ListReader, in range: Range<Int>) {
        let range = range.clamped(to: 0..<reader.items.count)
        hashes.reserveCapacity(hashes.count + range.count)
        for index in range where reader.isWordOrNumber(index) { hashes.append(reader.hashes[index]) }
    }

    mutating func sort() {
        hashes.sort()
    }

    func contains(_ hash: UInt64) -> Bool {
        var low = 0
        var high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash
    }
}
