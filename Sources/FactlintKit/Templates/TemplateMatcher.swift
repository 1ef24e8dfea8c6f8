import FactlintFigures

/// Finds a template's matches in a document's sentences.
///
/// Matching is a depth-first search over the compiled program that remembers every
/// (instruction, position) pair that failed, so each is tried at most once: the cost is
/// linear in the sentence length times the template length, whatever the template.
struct TemplateMatcher {
    let template: Template
    let document: Document
    /// The document's sentences, indexed; built here when the caller has none.
    let index: SentenceIndex

    /// Connectors allowed inside a name between capitalised words: "Office to Monitor and Combat".
    static let nameConnectors: [[UInt8]] = Array(["of", "for", "and", "in", "on", "the", "de", "del", "van", "von", "al", "bin", "&"].map { Array($0.utf8) })
    /// Capitalised words that open sentences and clauses rather than names: "According to Duman Taev".
    static let nonNameWords: [[UInt8]] = Array([
        "according", "the", "a", "an", "in", "on", "at", "for", "as", "while", "after", "before", "still", "however",
        "although", "though", "but", "and", "or", "since", "during", "when", "where", "if", "meanwhile", "moreover",
        "also", "this", "that", "these", "those", "its", "their", "his", "her", "our", "by", "from", "with", "of", "to",
        "yet", "then", "thus", "today", "later", "earlier", "last", "next", "both", "all", "some", "many", "most",
    ].map { Array($0.utf8) })
    /// Words at which a trailing `{x:text}` slot stops.
    static let textStops: [[UInt8]] = Array([
        "in", "on", "at", "for", "from", "during", "since", "by", "with", "and", "or", "including", "compared",
        "while", "which", "who", "whom", "that", "as", "than", "to", "under", "between", "after", "before", "of", "were", "was",
    ].map { Array($0.utf8) })

    init(template: Template, document: Document, index: SentenceIndex? = nil) {
        self.template = template
        self.document = document
        self.index = index ?? SentenceIndex(document: document, lookedFor: HashNumbering(templates: [template]))
    }

    /// Every match in the document, sentence by sentence; only sentences holding the template's
    /// required words are searched.
    func matches() -> [TemplateMatch] {
        var search = Search(matcher: self)
        var results: [TemplateMatch] = []
        for sentence in index.candidates(for: template) {
            matches(inSentence: sentence, search: &search, into: &results)
        }
        return results
    }

    /// All non-overlapping matches in a sentence, leftmost first.
    func matches(inSentence sentenceIndex: Int) -> [TemplateMatch] {
        var search = Search(matcher: self)
        var results: [TemplateMatch] = []
        if index.candidates(for: template).contains(sentenceIndex) {
            matches(inSentence: sentenceIndex, search: &search, into: &results)
        }
        return results
    }

    /// Appends the matches in one sentence, reusing `search` from sentence to sentence.
    func matches(inSentence sentenceIndex: Int, search: inout Search, into results: inout [TemplateMatch]) {
        let items = index.items[sentenceIndex]
        guard !items.isEmpty else { return }
        let hashes = index.hashes[sentenceIndex]
        search.begin(items: items, hashes: hashes)
        var start = 0
        while start < items.count {
            if let starts = template.starts, !starts.admits(items[start], hash: hashes[start], figures: document.figures) {
                start += 1
                continue
            }
            search.clearCaptures()
            if let end = search.run(pc: 0, position: start) {
                results.append(makeMatch(sentence: sentenceIndex, items: items, range: start..<end, captures: search.captures))
                start = max(end, start + 1)
            } else {
                start += 1
            }
        }
    }

    // MARK: - Items

    func itemBytes(_ item: SentenceItems.Item) -> Range<Int> {
        switch item {
        case .token(let index): return document.tokens[index].bytes
        case .figure(let index): return document.figures[index].bytes
        }
    }

    func token(_ item: SentenceItems.Item) -> Token? {
        if case .token(let index) = item { return document.tokens[index] }
        return nil
    }

    func isWord(_ item: SentenceItems.Item) -> Bool {
        token(item)?.kind == .word || token(item)?.kind == .number
    }

    func isCapitalizedWord(_ item: SentenceItems.Item) -> Bool {
        guard let token = token(item), token.kind == .word else { return false }
        return ByteText.startsUppercase(document.source.bytes, at: token.start)
    }

    /// Whether a word item is `word` (lowercase), or starts with it when `prefix`; no allocation.
    func wordItem(_ item: SentenceItems.Item, is word: [UInt8], prefix: Bool = false) -> Bool {
        guard case .token(let index) = item else { return false }
        let token = document.tokens[index]
        guard token.kind != .punctuation else { return false }
        return prefix ? ByteText.hasPrefix(document.source.bytes, token.bytes, lowercase: word)
                      : ByteText.equals(document.source.bytes, token.bytes, lowercase: word)
    }

    func wordItem(_ item: SentenceItems.Item, isOneOf words: [[UInt8]]) -> Bool {
        words.contains { wordItem(item, is: $0) }
    }

    /// The class of a quote, apostrophe or dash item; nil for any other item.
    func punctuationClass(_ item: SentenceItems.Item) -> PunctuationClass? {
        guard let token = token(item), token.kind == .punctuation else { return nil }
        return PunctuationClass.family(of: document.source.bytes[token.start..<token.end])
    }

    func makeMatch(sentence: Int, items: [SentenceItems.Item], range: Range<Int>, captures: [Range<Int>?]) -> TemplateMatch {
        var bindings: [String: Binding] = [:]
        for (index, slot) in template.slots.enumerated() {
            guard let captured = captures[index], !captured.isEmpty else { continue }
            let bytes = itemBytes(items[captured.lowerBound]).lowerBound..<itemBytes(items[captured.upperBound - 1]).upperBound
            var figure: Int?
            if slot.type.capturesFigure, case .figure(let figureIndex) = items[captured.lowerBound] { figure = figureIndex }
            let text = document.source.text(bytes)
            bindings[slot.name] = Binding(bytes: bytes, figure: figure, text: text, key: TemplateMatcher.key(for: text))
        }
        let bytes = itemBytes(items[range.lowerBound]).lowerBound..<itemBytes(items[range.upperBound - 1]).upperBound
        return TemplateMatch(sentence: sentence, bytes: bytes, bindings: bindings)
    }

    /// Lowercase, without quotes, with runs of spaces made one.
    static func key(for text: String) -> String {
        if let key = text.utf8.withContiguousStorageIfAvailable(asciiKey) { return key ?? slowKey(for: text) }
        return slowKey(for: text)
    }

    /// `key(for:)` of ASCII text, byte by byte; nil when the text is not ASCII.
    static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte >= 0x80 { return nil }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "*"), UInt8(ascii: "_"): continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                pendingSpace = !result.isEmpty
            default:
                if pendingSpace { result.append(UInt8(ascii: " ")) }
                pendingSpace = false
                result.append(ByteText.lowercased(byte))
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func slowKey(for text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "\"", "“", "”", "„", "«", "»", "*", "_": continue
            case " ", "\t", "\n", "\r", "\u{00A0}":
                pendingSpace = !result.isEmpty
            default:
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: - Search

    /// The state of matching one template, reused from sentence to sentence of a document.
    struct Search {
        let matcher: TemplateMatcher
        var items: [SentenceItems.Item] = []
        var hashes: [UInt64] = []
        /// One bit per (instruction, position) pair known to fail; a pair is tried at most once.
        var failed: [UInt64] = []
        var captures: [Range<Int>?]

        init(matcher: TemplateMatcher) {
            self.matcher = matcher
            captures = [Range<Int>?](repeating: nil, count: matcher.template.slots.count)
        }

        /// Starts on a sentence: no pair has failed yet.
        mutating func begin(items: [SentenceItems.Item], hashes: [UInt64]) {
            self.items = items
            self.hashes = hashes
            let words = (matcher.template.program.count * (items.count + 1) + 63) / 64
            if failed.count < words {
                failed = [UInt64](repeating: 0, count: words)
            } else {
                failed.withUnsafeMutableBufferPointer { buffer in
                    for word in 0..<words { buffer[word] = 0 }
                }
            }
        }

        mutating func clearCaptures() {
            for slot in captures.indices { captures[slot] = nil }
        }

        /// The end of a match of the program from `pc` at `position`, or nil.
        mutating func run(pc: Int, position: Int) -> Int? {
            let state = pc * (items.count + 1) + position
            let (word, bit) = (state >> 6, UInt64(1) << UInt64(state & 63))
            if failed[word] & bit != 0 { return nil }
            if let end = step(pc: pc, position: position) { return end }
            failed[word] |= bit
            return nil
        }

        mutating func step(pc: Int, position: Int) -> Int? {
            switch matcher.template.program[pc] {
            case .match:
                return position > 0 ? position : nil
            case .jump(let target):
                return run(pc: target, position: position)
            case .split(let first, let second):
                return run(pc: first, position: position) ?? run(pc: second, position: position)
            case .wordHash(let hash):
                guard position < items.count, hashes[position] == hash else { return nil }
                return run(pc: pc + 1, position: position + 1)
            case .word(let word, let prefix):
                guard position < items.count, matcher.wordItem(items[position], is: word, prefix: prefix) else { return nil }
                return run(pc: pc + 1, position: position + 1)
            case .punctuation(let expected):
                guard position < items.count, let token = matcher.token(items[position]), token.kind == .punctuation,
                      expected.matches(matcher.document.source.bytes[token.start..<token.end]) else { return nil }
                return run(pc: pc + 1, position: position + 1)
            case .gap(let limit):
                var end = position
                while true {
                    if let result = run(pc: pc + 1, position: end) { return result }
                    guard end < items.count, end - position < limit, canSkip(items[end]) else { return nil }
                    end += 1
                }
            case .slot(let index):
                let type = matcher.template.slots[index].type
                if type.capturesFigure {
                    // A figure slot takes exactly one item: no list of ends to build.
                    guard position < items.count, case .figure(let figure) = items[position],
                          type.accepts(matcher.document.figures[figure]) else { return nil }
                    let saved = captures[index]
                    captures[index] = position..<(position + 1)
                    if let result = run(pc: pc + 1, position: position + 1) { return result }
                    captures[index] = saved
                    return nil
                }
                if let choices = matcher.template.choiceHashes[index] {
                    guard position < items.count, case .token(let token) = items[position],
                          matcher.document.tokens[token].kind == .word, choices.contains(hashes[position]) else { return nil }
                    let saved = captures[index]
                    captures[index] = position..<(position + 1)
                    if let result = run(pc: pc + 1, position: position + 1) { return result }
                    captures[index] = saved
                    return nil
                }
                let isLast: Bool
                if case .match = matcher.template.program[pc + 1] { isLast = true } else { isLast = false }
                for end in slotEnds(matcher.template.slots[index].type, at: position, greedy: isLast) {
                    let saved = captures[index]
                    captures[index] = position..<end
                    if let result = run(pc: pc + 1, position: end) { return result }
                    captures[index] = saved
                }
                return nil
            }
        }

        /// A gap skips words, hyphens and apostrophes and dates, never commas, clause punctuation or counts.
        func canSkip(_ item: SentenceItems.Item) -> Bool {
            switch item {
            case .figure(let index):
                return matcher.document.figures[index].kind == .date
            case .token(let index):
                let token = matcher.document.tokens[index]
                if token.kind != .punctuation { return true }
                switch matcher.punctuationClass(item) {
                case .dash, .apostrophe, .quote: return true
                default: return false
                }
            }
        }

        /// Where a slot of `type` starting at `position` may end, in the order to try them.
        func slotEnds(_ type: SlotType, at position: Int, greedy: Bool) -> [Int] {
            guard position < items.count else { return [] }
            let item = items[position]
            switch type {
            case .count, .number, .percent, .money, .duration, .date, .year:
                guard case .figure(let index) = item, type.accepts(matcher.document.figures[index]) else { return [] }
                return [position + 1]
            case .word(let choices):
                guard let token = matcher.token(item), token.kind == .word else { return [] }
                if let choices {
                    return matcher.wordItem(item, isOneOf: choices) ? [position + 1] : []
                }
                return [position + 1]
            case .name:
                return nameEnds(at: position)
            case .text:
                return textEnds(at: position, greedy: greedy)
            }
        }

        func nameEnds(at position: Int) -> [Int] {
            if matcher.punctuationClass(items[position]) == .quote {
                var end = position + 1
                while end < items.count, end - position <= 10 {
                    if matcher.punctuationClass(items[end]) == .quote { return end > position + 1 ? [end + 1] : [] }
                    guard matcher.token(items[end]) != nil else { return [] }
                    end += 1
                }
                return []
            }
            guard matcher.isCapitalizedWord(items[position]),
                  !matcher.wordItem(items[position], isOneOf: TemplateMatcher.nonNameWords) else { return [] }
            var ends = [position + 1]
            var end = position + 1
            var words = 1
            while end < items.count, words < 8 {
                if matcher.isCapitalizedWord(items[end]) {
                    end += 1
                } else if end + 1 < items.count, matcher.isCapitalizedWord(items[end + 1]),
                          matcher.punctuationClass(items[end]) == .dash || matcher.wordItem(items[end], isOneOf: TemplateMatcher.nameConnectors) {
                    end += 2
                } else {
                    break
                }
                words += 1
                ends.append(end)
            }
            return ends.reversed()
        }

        func textEnds(at position: Int, greedy: Bool) -> [Int] {
            var ends: [Int] = []
            var end = position
            while end < items.count, end - position < 8 {
                let item = items[end]
                if greedy, end > position, matcher.wordItem(item, isOneOf: TemplateMatcher.textStops) { break }
                if matcher.isWord(item) {
                    end += 1
                    ends.append(end)
                } else if let mark = matcher.punctuationClass(item), mark == .dash || mark == .apostrophe, end > position {
                    end += 1
                } else {
                    break
                }
            }
            return greedy ? Array(ends.suffix(1)) : ends
        }
    }
}

/// Which items a template's match can begin with, read from the first instructions of its
/// program: so a search is not started at positions where it must fail at once.
struct StartFilter: Sendable {
    var wordHashes: [UInt64] = []
    /// Figures a first slot accepts.
    var figureSlots: [SlotType] = []

    /// nil when a match may begin anywhere: with a gap, a name, text, a word prefix or punctuation.
    init?(program: [Template.Instruction], slots: [Template.Slot]) {
        var pending = [0]
        var seen: Set<Int> = []
        while let pc = pending.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch program[pc] {
            case .wordHash(let hash): wordHashes.append(hash)
            case .split(let first, let second): pending += [first, second]
            case .jump(let target): pending.append(target)
            case .slot(let slot):
                let type = slots[slot].type
                guard type.capturesFigure else { return nil }
                figureSlots.append(type)
            case .word, .punctuation, .gap, .match: return nil
            }
        }
    }

    func admits(_ item: SentenceItems.Item, hash: UInt64, figures: [Figure]) -> Bool {
        switch item {
        case .token: return wordHashes.contains(hash)
        case .figure(let index): return figureSlots.contains { $0.accepts(figures[index]) }
        }
    }
}
