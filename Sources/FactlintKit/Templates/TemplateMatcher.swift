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

    /// The template's required groups, numbered as the index numbers words.
    let groups: [[Int]]
    /// The memory the search works in.
    let scratch: SearchScratch

    /// - Parameters:
    ///   - groups: `index.lookedFor.groups(of: template)`, when the caller keeps it.
    ///   - scratch: memory to search in, when the caller reuses it across templates.
    init(template: Template, document: Document, index: SentenceIndex? = nil, groups: [[Int]]? = nil, scratch: SearchScratch? = nil) {
        self.template = template
        self.document = document
        let index = index ?? SentenceIndex(document: document, lookedFor: HashNumbering(templates: [template]))
        self.index = index
        self.groups = groups ?? index.lookedFor.groups(of: template)
        self.scratch = scratch ?? SearchScratch()
    }

    /// All non-overlapping matches in a sentence, leftmost first; none unless the sentence holds
    /// the template's required words.
    func matches(inSentence sentence: Int) -> [TemplateMatch] {
        var listed = Int32(sentence)
        guard index.candidates(groups: groups, scratch: scratch).contains(listed) else { return [] }
        return TemplateMatcher.withBuffers(of: document, index: index) { buffers in
            withUnsafePointer(to: &listed) { listed in
                TemplateMatcher.matches(of: template, in: UnsafeBufferPointer(start: listed, count: 1), document: document, index: index,
                                        buffers: buffers, scratch: scratch)
            }
        }
    }

    /// A document's arrays as searches read them: pointers that `withBuffers` holds valid, taken
    /// once for every template searched in the document rather than once per search (each taking
    /// reference-counts the array).
    struct DocumentBuffers {
        let items: UnsafeBufferPointer<SentenceItems.Item>
        let hashes: UnsafeBufferPointer<UInt64>
        let traits: UnsafeBufferPointer<ItemTraits>
        let figures: UnsafeBufferPointer<Figure>
        let tokens: UnsafeBufferPointer<Token>
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// Runs `body` with the buffers of a document and its index.
    static func withBuffers<Result>(of document: Document, index: SentenceIndex, _ body: (DocumentBuffers) -> Result) -> Result {
        index.items.withUnsafeBufferPointer { items in
            index.hashes.withUnsafeBufferPointer { hashes in
                index.traits.withUnsafeBufferPointer { traits in
                    document.figures.withUnsafeBufferPointer { figures in
                        document.tokens.withUnsafeBufferPointer { tokens in
                            document.source.bytes.withUnsafeBufferPointer { bytes in
                                body(DocumentBuffers(items: items, hashes: hashes, traits: traits, figures: figures, tokens: tokens, bytes: bytes))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The matches of a template in the given sentences of a document, read through `buffers`
    /// (`withBuffers`); each sentence's leftmost first, never overlapping.
    static func matches(
        of template: Template, in sentences: UnsafeBufferPointer<Int32>, document: Document, index: SentenceIndex,
        buffers: DocumentBuffers, scratch: SearchScratch
    ) -> [TemplateMatch] {
        guard !sentences.isEmpty else { return [] }
        var results: [TemplateMatch] = []
        template.lowered.ops.withUnsafeBufferPointer { ops in
            template.lowered.setHashes.withUnsafeBufferPointer { setHashes in
                template.lowered.setBounds.withUnsafeBufferPointer { setBounds in
                    template.lowered.prefixes.withUnsafeBufferPointer { prefixes in
                        var search = Search(
                            starts: template.lowered.starts, ops: ops, setHashes: setHashes, setBounds: setBounds, prefixes: prefixes,
                            slotCount: template.slots.count, buffers: buffers, scratch: scratch
                        )
                        for listed in sentences {
                            let sentence = Int(listed)
                            search.begin(sentence: index.itemRange(of: sentence))
                            var start = 0
                            while let found = search.nextMatch(from: start) {
                                // Room for a match per sentence, once one is found: most searches find none.
                                if results.isEmpty { results.reserveCapacity(sentences.count) }
                                results.append(makeMatch(of: template, document: document, sentence: sentence, search: search, range: found))
                                start = max(found.upperBound, found.lowerBound + 1)
                            }
                        }
                    }
                }
            }
        }
        return results
    }

    static func makeMatch(of template: Template, document: Document, sentence: Int, search: Search, range: Range<Int>) -> TemplateMatch {
        var captures: [Binding?] = []
        captures.reserveCapacity(template.slots.count)
        for (index, slot) in template.slots.enumerated() {
            guard let captured = search.capture(index), !captured.isEmpty else {
                captures.append(nil)
                continue
            }
            let bytes = search.itemBytes(captured.lowerBound).lowerBound..<search.itemBytes(captured.upperBound - 1).upperBound
            var figure: Int?
            if slot.type.capturesFigure, let figureIndex = search.item(captured.lowerBound).figure { figure = figureIndex }
            captures.append(Binding(bytes: bytes, figure: figure, text: document.source.text(bytes)))
        }
        let bytes = search.itemBytes(range.lowerBound).lowerBound..<search.itemBytes(range.upperBound - 1).upperBound
        return TemplateMatch(sentence: sentence, bytes: bytes, items: range, names: template.slotNames, captures: captures)
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

    /// The memory template searches work in, allocated once and reused by every search of a
    /// document (a search used to allocate four buffers of its own).
    final class SearchScratch {
        private(set) var failed: UnsafeMutableBufferPointer<UInt64> = .allocate(capacity: 64)
        private(set) var captureStarts: UnsafeMutableBufferPointer<Int32> = .allocate(capacity: 8)
        private(set) var captureEnds: UnsafeMutableBufferPointer<Int32> = .allocate(capacity: 8)
        private(set) var ends: UnsafeMutableBufferPointer<Int32> = .allocate(capacity: 256)
        /// A template's candidate sentences (`SentenceIndex.candidates(groups:scratch:)`), and
        /// the postings they are merged from.
        private var candidateSentences: UnsafeMutableBufferPointer<Int32> = .allocate(capacity: 64)
        private var listedSentences: UnsafeMutableBufferPointer<Int32> = .allocate(capacity: 64)

        /// Memory for at least `count` candidate sentences; its contents are not kept.
        func candidates(_ count: Int) -> UnsafeMutableBufferPointer<Int32> {
            if candidateSentences.count < count { candidateSentences = SearchScratch.larger(candidateSentences, for: count) }
            return candidateSentences
        }

        /// Memory for at least `count` listed sentences; its contents are not kept.
        func listed(_ count: Int) -> UnsafeMutableBufferPointer<Int32> {
            if listedSentences.count < count { listedSentences = SearchScratch.larger(listedSentences, for: count) }
            return listedSentences
        }

        /// Makes room for a search with `slots` slots and `ends` pending slot ends.
        func reserve(slots: Int, ends count: Int) {
            if captureStarts.count < slots {
                captureStarts = SearchScratch.larger(captureStarts, for: slots)
                captureEnds = SearchScratch.larger(captureEnds, for: slots)
            }
            if ends.count < count { ends = SearchScratch.larger(ends, for: count) }
        }

        /// A failure table of at least `words` words; the old one's contents are not kept.
        func growFailed(to words: Int) -> UnsafeMutableBufferPointer<UInt64> {
            failed = SearchScratch.larger(failed, for: words)
            return failed
        }

        /// A buffer for at least `count` elements, and at least twice as large as `buffer`, which
        /// is freed (its contents are not kept). Only called when the buffer is too small, so
        /// that the buffers are otherwise only read.
        private static func larger<Element>(_ buffer: UnsafeMutableBufferPointer<Element>, for count: Int) -> UnsafeMutableBufferPointer<Element> {
            let capacity = max(count, buffer.count * 2)
            buffer.deallocate()
            return .allocate(capacity: capacity)
        }

        deinit {
            failed.deallocate()
            captureStarts.deallocate()
            captureEnds.deallocate()
            ends.deallocate()
            candidateSentences.deallocate()
            listedSentences.deallocate()
        }
    }

    /// The state of matching one template, reused from sentence to sentence of a document.
    ///
    /// It reads the program and the document through pointers that its caller holds valid
    /// (`matches(of:in:document:index:buffers:scratch:)`), and positions count items from the
    /// start of the current sentence.
    struct Search {
        typealias Op = LoweredProgram.Op
        let starts: LoweredProgram.Starts
        let ops: UnsafeBufferPointer<Op>
        let setHashes: UnsafeBufferPointer<UInt64>
        let setBounds: UnsafeBufferPointer<Int32>
        let prefixes: UnsafeBufferPointer<[UInt8]>
        /// The document's items, hashes, traits, figures, tokens and bytes.
        let document: DocumentBuffers
        /// The current sentence: its first item in the document's items, and how many it has.
        private(set) var base = 0
        private(set) var count = 0
        /// Where the buffers below come from; the caller keeps it for every search of a document.
        private let scratch: SearchScratch
        /// One bit per (instruction, position) pair known to fail; a pair is tried at most once.
        private var failed: UnsafeMutableBufferPointer<UInt64>
        /// Each slot's capture, as positions; -1 when the slot has captured nothing.
        private let captureStarts: UnsafeMutableBufferPointer<Int32>
        private let captureEnds: UnsafeMutableBufferPointer<Int32>
        /// Where the name and text slots being tried may end: each slot pushes its ends, tries
        /// them, and pops them. Slots nest at most once per instruction, 9 ends each.
        private let ends: UnsafeMutableBufferPointer<Int32>
        private var endsTop = 0

        init(
            starts: LoweredProgram.Starts, ops: UnsafeBufferPointer<Op>, setHashes: UnsafeBufferPointer<UInt64>, setBounds: UnsafeBufferPointer<Int32>,
            prefixes: UnsafeBufferPointer<[UInt8]>, slotCount: Int, buffers: DocumentBuffers, scratch: SearchScratch
        ) {
            self.starts = starts
            self.ops = ops
            self.setHashes = setHashes
            self.setBounds = setBounds
            self.prefixes = prefixes
            self.document = buffers
            self.scratch = scratch
            scratch.reserve(slots: slotCount, ends: 9 * (ops.count + 1))
            failed = scratch.failed
            captureStarts = UnsafeMutableBufferPointer(rebasing: scratch.captureStarts[0..<slotCount])
            captureEnds = UnsafeMutableBufferPointer(rebasing: scratch.captureEnds[0..<slotCount])
            ends = scratch.ends
        }

        /// Starts on a sentence, given as the positions of its items: no pair has failed yet.
        mutating func begin(sentence: Range<Int>) {
            base = sentence.lowerBound
            count = sentence.count
            let words = (ops.count * (count + 1) + 63) / 64
            if failed.count < words { failed = scratch.growFailed(to: words) }
            failed.baseAddress!.update(repeating: 0, count: words)
        }

        mutating func clearCaptures() {
            for slot in captureStarts.indices {
                captureStarts[slot] = -1
                captureEnds[slot] = -1
            }
        }

        /// The positions slot `index` captured, if it captured anything.
        func capture(_ index: Int) -> Range<Int>? {
            captureStarts[index] < 0 ? nil : Int(captureStarts[index])..<Int(captureEnds[index])
        }

        /// The item at a position of the current sentence.
        func item(_ position: Int) -> SentenceItems.Item { document.items[base + position] }

        func itemBytes(_ position: Int) -> Range<Int> {
            let item = document.items[base + position]
            if let index = item.figure { return document.figures[index].bytes }
            return document.tokens[item.token ?? 0].bytes
        }

        // Positions are small (a sentence's items, within a document's), so the arithmetic on
        // them below wraps rather than checks for overflow: these run for every item tried.

        @inline(__always)
        private func traits(_ position: Int) -> ItemTraits { document.traits[base &+ position] }

        @inline(__always)
        private func hash(_ position: Int) -> UInt64 { document.hashes[base &+ position] }

        @inline(__always)
        private func inSet(_ set: Int32, _ hash: UInt64) -> Bool {
            for index in Int(setBounds[Int(set)])..<Int(setBounds[Int(set) + 1]) where setHashes[index] == hash { return true }
            return false
        }

        /// The first match in the current sentence that begins at or after `start`.
        mutating func nextMatch(from start: Int) -> Range<Int>? {
            // Only where the template's first instruction can match: a listed word or mark, or a figure a first slot takes.
            for position in start..<max(start, count) {
                if !starts.anywhere, !admitsStart(at: position) { continue }
                clearCaptures()
                if let end = run(pc: 0, position: position) { return position..<end }
            }
            return nil
        }

        /// Whether a match can begin at a position, as far as its first item goes.
        @inline(__always)
        private func admitsStart(at position: Int) -> Bool {
            let itemTraits = traits(position)
            if itemTraits.contains(.figure) {
                guard starts.figures != 0, let figure = document.items[base &+ position].figure else { return false }
                var filters = starts.figures
                while filters != 0 {
                    if LoweredProgram.FigureFilter(rawValue: Int32(filters.trailingZeroBitCount))!.accepts(document.figures.baseAddress! + figure) { return true }
                    filters &= filters - 1
                }
                return false
            }
            let hash = hash(position)
            return !itemTraits.isDisjoint(with: starts.traits) || (starts.hashBits & StartFilter.bit(of: hash) != 0 && inSet(starts.set, hash))
        }

        /// The end of a match of the program from `pc` at `position`, or nil.
        mutating func run(pc: Int, position: Int) -> Int? {
            let state = pc &* (count &+ 1) &+ position
            let (word, bit) = (state >> 6, UInt64(1) << UInt64(state & 63))
            if failed[word] & bit != 0 { return nil }
            if let end = step(pc: pc, position: position) { return end }
            failed[word] |= bit
            return nil
        }

        private mutating func step(pc: Int, position: Int) -> Int? {
            let op = ops[pc]
            switch op.code {
            case .match:
                return position > 0 ? position : nil
            case .jump:
                return run(pc: Int(op.a), position: position)
            case .split:
                return run(pc: Int(op.a), position: position) ?? run(pc: Int(op.b), position: position)
            case .wordHash:
                guard position < count, hash(position) == op.hash else { return nil }
                return run(pc: pc + 1, position: position + 1)
            case .wordIn:
                guard position < count, inSet(op.a, hash(position)) else { return nil }
                return run(pc: pc + 1, position: position + 1)
            case .wordPrefix:
                guard position < count, !traits(position).contains(.punctuation), !traits(position).contains(.figure),
                      let token = document.items[base + position].token,
                      ByteText.hasPrefix(document.bytes, document.tokens[token].bytes, lowercase: prefixes[Int(op.a)]) else { return nil }
                return run(pc: pc + 1, position: position + 1)
            case .mark:
                guard position < count, traits(position).contains(.punctuation), inSet(op.a, hash(position)) else { return nil }
                return run(pc: pc + 1, position: position + 1)
            case .gap:
                var end = position
                while true {
                    if let result = run(pc: pc + 1, position: end) { return result }
                    guard end < count, end - position < Int(op.a), traits(end).contains(.skippable) else { return nil }
                    end += 1
                }
            case .figureSlot:
                guard position < count, let figure = document.items[base + position].figure,
                      LoweredProgram.FigureFilter(rawValue: op.b)!.accepts(document.figures.baseAddress! + figure) else { return nil }
                return capturing(slot: Int(op.a), position..<(position + 1), pc: pc)
            case .choiceSlot:
                guard position < count, traits(position).contains(.word), inSet(op.b, hash(position)) else { return nil }
                return capturing(slot: Int(op.a), position..<(position + 1), pc: pc)
            case .wordSlot:
                guard position < count, traits(position).contains(.word) else { return nil }
                return capturing(slot: Int(op.a), position..<(position + 1), pc: pc)
            case .nameSlot, .textSlot:
                guard position < count else { return nil }
                let first = endsTop
                if op.code == .nameSlot { pushNameEnds(at: position) } else { pushTextEnds(at: position, greedy: op.b == 1) }
                let last = endsTop
                defer { endsTop = first }
                for slotEnd in ends[first..<last] {
                    if let result = capturing(slot: Int(op.a), position..<Int(slotEnd), pc: pc) { return result }
                }
                return nil
            }
        }

        /// Captures `range` in a slot and goes on after it; the capture is undone when that fails.
        @inline(__always)
        private mutating func capturing(slot: Int, _ range: Range<Int>, pc: Int) -> Int? {
            let (savedStart, savedEnd) = (captureStarts[slot], captureEnds[slot])
            captureStarts[slot] = Int32(range.lowerBound)
            captureEnds[slot] = Int32(range.upperBound)
            if let result = run(pc: pc + 1, position: range.upperBound) { return result }
            captureStarts[slot] = savedStart
            captureEnds[slot] = savedEnd
            return nil
        }

        private mutating func push(_ end: Int) {
            ends[endsTop] = Int32(end)
            endsTop += 1
        }

        /// Pushes where a name may end, longest first: a quoted name, or capitalised words with
        /// connectors ("Office to Monitor and Combat") and dashes between them, up to eight words.
        private mutating func pushNameEnds(at position: Int) {
            if traits(position).contains(.quote) {
                var end = position + 1
                while end < count, end - position <= 10 {
                    if traits(end).contains(.quote) {
                        if end > position + 1 { push(end + 1) }
                        return
                    }
                    guard !traits(end).contains(.figure) else { return }
                    end += 1
                }
                return
            }
            let first = traits(position)
            guard first.contains(.capitalized), !first.contains(.nonNameWord) else { return }
            let firstEnd = endsTop
            push(position + 1)
            var end = position + 1
            var words = 1
            while end < count, words < 8 {
                if traits(end).contains(.capitalized) {
                    end += 1
                } else if end + 1 < count, traits(end + 1).contains(.capitalized), !traits(end).isDisjoint(with: [.dash, .nameConnector]) {
                    end += 2
                } else {
                    break
                }
                words += 1
                push(end)
            }
            ends[firstEnd..<endsTop].reverse()
        }

        /// Pushes where a few words may end: every end when not `greedy`, else only the last,
        /// stopping before a word such as "in" or "which".
        private mutating func pushTextEnds(at position: Int, greedy: Bool) {
            var end = position
            var last: Int?
            while end < count, end - position < 8 {
                let itemTraits = traits(end)
                if greedy, end > position, itemTraits.contains(.textStop) { break }
                if !itemTraits.isDisjoint(with: [.word, .number]) {
                    end += 1
                    if greedy { last = end } else { push(end) }
                } else if !itemTraits.isDisjoint(with: [.dash, .apostrophe]), end > position {
                    end += 1
                } else {
                    break
                }
            }
            if let last { push(last) }
        }
    }
}

/// Which items a template's match can begin with, read from the first instructions of its
/// program: so a search is not started at positions where it must fail at once.
struct StartFilter: Sendable {
    /// The hashes of the words and marks a match can begin with.
    var hashes: [UInt64] = []
    /// One bit for each value of `hash & 63` among `hashes`: most items are passed by on one
    /// test, without looking through the list.
    var hashBits: UInt64 = 0
    /// Figures a first slot accepts.
    var figureSlots: [LoweredProgram.FigureFilter] = []
    /// Traits of which an item needs one to begin a match: a name begins with a capital or a
    /// quote, words with a word or a number.
    var traits: ItemTraits = []

    /// nil when a match may begin anywhere: with a gap (or a template that matches nothing).
    init?(program: [Template.Instruction], slots: [Template.Slot]) {
        var pending = [0]
        var seen: Set<Int> = []
        while let pc = pending.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch program[pc] {
            case .wordHash(let hash): hashes.append(hash)
            case .wordSet(let words): hashes += words
            case .punctuation(let mark): hashes += mark.variants.map { punctuationHash($0) }
            case .split(let first, let second): pending += [first, second]
            case .jump(let target): pending.append(target)
            case .slot(let slot):
                let type = slots[slot].type
                if let filter = LoweredProgram.FigureFilter(type) {
                    figureSlots.append(filter)
                } else if case .word(let choices?) = type {
                    hashes += choices.map { wordHash($0) }
                } else if case .word = type {
                    traits.insert(.word)
                } else if type == .name {
                    traits.formUnion([.capitalized, .quote])
                } else {
                    traits.formUnion([.word, .number])
                }
            case .word:
                // A prefix: any word or number may start with it.
                traits.formUnion([.word, .number])
            case .gap, .match: return nil
            }
        }
        for hash in hashes { hashBits |= StartFilter.bit(of: hash) }
    }

    @inline(__always)
    static func bit(of hash: UInt64) -> UInt64 { 1 << (hash & 63) }
}
