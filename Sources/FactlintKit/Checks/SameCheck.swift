import FactlintFigures

/// One fact stated twice agrees: the same key (a year, an organisation) gives the same value.
///
/// Values that are figures agree when their intervals overlap ("around 50" and "over 50"
/// can both be true); names agree when one is part of the other ("Ryl" and "Anna Ryl").
/// When `restatements` are given, only a restatement is compared with the statements, so
/// two independent statements (a total and a subtotal with the same wording) never clash.
public struct SameCheck: Check {
    public var statements: [Template]
    public var restatements: [Template]
    public var keys: [String]
    /// Slots that set two statements apart when both capture them and they differ ("ratified by
    /// Norvask" and "Veridia ratified"), but that a statement may leave out.
    public var optionalKeys: [String] = []
    public var value: String

    public var templates: [Template] { statements + restatements }

    public var describedTemplates: [(role: String, source: String)] {
        statements.map { (role: "template", source: $0.source) } + restatements.map { (role: "restatement", source: $0.source) }
    }

    struct Statement {
        var match: TemplateMatch
        var isRestatement: Bool
        var unit: Int
        /// The key, one part per key slot: a figure's value, or normalised words.
        var parts: [String]
        var isWords: [Bool]
        /// The words of each part that is words (`SameCheck.words`); nil for a figure's part.
        /// Worked out only when the report holds a restatement, the only statement that compares them.
        var partWords: [KeyWords?]
        var binding: Binding
        /// The words of each optional key, nil where the statement does not give it.
        var optionalParts: [KeyWords?]

        var key: String { parts.joined(separator: ", ") }
    }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    /// With restatements, only a restatement is compared: a report without one has nothing to find.
    public var requiredMatches: [Range<Int>] {
        restatements.isEmpty ? [] : [statements.count..<(statements.count + restatements.count)]
    }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        // With restatements in the rule but none in the report, no statement is compared (and,
        // within a report, nothing else is done with them): their keys are not worth working out.
        if missesRequiredMatch(context) { return outcome }
        var all: [Statement] = []
        for (templateIndex, matches) in context.matches.enumerated() {
            for match in matches {
                guard let binding = match[value] else { continue }
                var parts: [String] = []
                var isWords: [Bool] = []
                for key in keys {
                    // "document.country" reads the report's front matter; a report without it states no such fact.
                    if key.hasPrefix("document.") {
                        guard let field = context.document.metadata[String(key.dropFirst("document.".count))] else { break }
                        parts.append(SameCheck.normalisedKey(TemplateMatcher.key(for: field)))
                        isWords.append(true)
                        continue
                    }
                    guard let keyBinding = match[key] else { break }
                    if let (_, figure) = context.figure(keyBinding) {
                        parts.append(figure.valueDescription)
                        isWords.append(false)
                    } else {
                        parts.append(SameCheck.normalisedKey(keyBinding.key))
                        isWords.append(true)
                    }
                }
                guard parts.count == keys.count else { continue }
                let optionalParts = optionalKeys.map { key in match[key].map { SameCheck.words(SameCheck.normalisedKey($0.key)) } }
                all.append(Statement(
                    match: match, isRestatement: templateIndex >= statements.count, unit: context.unit(of: match),
                    parts: parts, isWords: isWords, partWords: [],
                    binding: binding, optionalParts: optionalParts
                ))
            }
        }
        all.sort { $0.binding.bytes.lowerBound < $1.binding.bytes.lowerBound }
        // Only restatements compare keys word by word.
        let restates = all.contains(where: \.isRestatement)
        if restates {
            for index in all.indices {
                all[index].partWords = zip(all[index].parts, all[index].isWords).map { $1 ? SameCheck.words($0) : nil }
            }
        }
        if context.rule.scope == .corpus {
            // Statements, not restatements (which point back within their report), meet the other reports' statements.
            outcome.facts = all.filter { !$0.isRestatement }.map { corpusFact($0, context) }
            for statement in all where !statement.isRestatement {
                if let index = statement.binding.figure { outcome.usedFigures.insert(index) }
            }
        }
        // Earlier statements by unit and key, so finding a statement's reference does not scan
        // every statement before it; a restatement's search stops at the start of its unit,
        // as units never decrease in reading order.
        struct UnitKey: Hashable {
            var unit: Int
            var parts: [String]
        }
        // With restatements in the rule but none in the report, no statement is compared.
        if !restatements.isEmpty, !restates { return outcome }
        var earlier: [UnitKey: [Int]] = [:]
        // Statements by unit and by each word of the key's first words part: a statement a
        // restatement fits shares a word with it, so only those sharing one are tried.
        struct UnitWord: Hashable {
            var unit: Int
            var word: UInt64
        }
        let wordsPart = all.first?.isWords.firstIndex(of: true).flatMap { part in all.allSatisfy { $0.isWords[part] } ? part : nil }
        var statementsWith: [UnitWord: [Int]] = [:]
        for (position, other) in all.enumerated() {
            defer {
                if restatements.isEmpty {
                    earlier[UnitKey(unit: other.unit, parts: other.parts), default: []].append(position)
                } else if !other.isRestatement, let wordsPart, let words = other.partWords[wordsPart] {
                    for word in words.hashes { statementsWith[UnitWord(unit: other.unit, word: word), default: []].append(position) }
                }
            }
            // Without restatements, a statement is held against the first with the same key. With
            // them, a restatement is held against the nearest statement before it whose key it
            // fits ("Of those 21 offenders" refers back to "18 trafficking offenders"), and
            // statements are not compared with each other.
            let reference: Statement?
            if restatements.isEmpty {
                reference = earlier[UnitKey(unit: other.unit, parts: other.parts)]?.lazy.map { all[$0] }.first { SameCheck.optionalKeysFit($0, other) }
            } else {
                func fits(_ statement: Statement) -> Bool {
                    !statement.isRestatement && SameCheck.keysFit(statement, other) && SameCheck.optionalKeysFit(statement, other)
                }
                if !other.isRestatement {
                    reference = nil
                } else if let wordsPart, let words = other.partWords[wordsPart] {
                    // The nearest earlier statement that fits, among those sharing a word.
                    var nearest: Int?
                    for word in words.hashes {
                        for candidate in (statementsWith[UnitWord(unit: other.unit, word: word)] ?? []).reversed() {
                            if let nearest, candidate <= nearest { break }
                            if fits(all[candidate]) {
                                nearest = candidate
                                break
                            }
                        }
                    }
                    reference = nearest.map { all[$0] }
                } else {
                    reference = all[..<position].reversed().prefix { $0.unit == other.unit }.first(where: fits)
                }
            }
            guard let reference, other.binding.bytes != reference.binding.bytes else { continue }
            guard let agrees = agree(reference.binding, other.binding, context) else { continue }
            outcome.checksRun += 1
            for binding in [reference.binding, other.binding] {
                if let index = binding.figure { outcome.usedFigures.insert(index) }
            }
            guard !agrees else { continue }
            let referenceLine = context.document.source.location(of: reference.binding.bytes.lowerBound).line
            var values = ["key": other.key, "other": reference.binding.text, "line": String(referenceLine)]
            for (name, binding) in other.match.bindings { values[name] = binding.text }
            values["value"] = other.binding.text
            let fallback = "\(other.key) is given as \(other.binding.text) here, but as \(reference.binding.text) on line \(referenceLine)"
            outcome.findings.append(Finding(
                ruleID: context.rule.id, severity: context.rule.severity,
                message: context.message(values, fallback: fallback),
                primary: context.label(other.binding, "stated here"),
                related: [context.label(reference.binding, "stated first here")]
            ))
        }
        return outcome
    }

    /// A statement as it is kept for comparing across reports.
    func corpusFact(_ statement: Statement, _ context: CheckContext) -> CorpusFact {
        let figure = context.figure(statement.binding)?.figure
        return CorpusFact(
            rule: context.rule.id, key: statement.parts, keyIsWords: statement.isWords,
            interval: figure?.value, isDate: figure?.kind == .date,
            words: figure == nil ? SameCheck.normalisedKey(statement.binding.key) : nil,
            text: statement.binding.text, label: context.label(statement.binding, "stated here"),
            line: QuotedLine(source: context.document.source, offset: statement.binding.bytes.lowerBound),
            bindings: statement.match.bindings.mapValues(\.text)
        )
    }

    /// Whether two statements can be of one fact as far as their optional keys go: where both
    /// give one, one's words hold the other's ("Veridia" fits "the Republic of Veridia").
    static func optionalKeysFit(_ first: Statement, _ second: Statement) -> Bool {
        zip(first.optionalParts, second.optionalParts).allSatisfy { pair in
            guard let a = pair.0, let b = pair.1, !a.isEmpty, !b.isEmpty else { return true }
            return a.isSubset(of: b) || b.isSubset(of: a)
        }
    }

    /// Whether a restatement's key fits a statement's: figures equal, and words one within the
    /// other ("offenders" fits "trafficking offenders"; "sex traffickers" does not fit "labor traffickers").
    static func keysFit(_ statement: Statement, _ restatement: Statement) -> Bool {
        for index in statement.parts.indices {
            if statement.isWords[index] {
                guard let a = statement.partWords[index], let b = restatement.partWords[index],
                      !a.isEmpty, !b.isEmpty, a.isSubset(of: b) || b.isSubset(of: a) else { return false }
            } else if statement.parts[index] != restatement.parts[index] {
                return false
            }
        }
        return true
    }

    /// Whether two values agree; nil when they cannot be compared (a figure against a name).
    func agree(_ first: Binding, _ second: Binding, _ context: CheckContext) -> Bool? {
        switch (context.figure(first), context.figure(second)) {
        case let (.some((_, a)), .some((_, b))):
            guard (a.kind == .date) == (b.kind == .date) else { return nil }
            return a.value.overlaps(b.value)
        case (.none, .none):
            let a = SameCheck.words(first.key)
            let b = SameCheck.words(second.key)
            guard !a.isEmpty, !b.isEmpty else { return nil }
            return a.isSubset(of: b) || b.isSubset(of: a)
        default:
            return nil
        }
    }

    /// The words of a key, split at spaces and hyphens, less articles.
    static func words(_ key: String) -> KeyWords {
        var key = key
        // Over the bytes in place: splitting the string's view made an array of slices, each
        // hashed through the generic path.
        return key.withUTF8 { bytes in
            let articles = SameCheck.articles
            var hashes: [UInt64] = []
            var start = 0
            while start < bytes.count {
                if bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "-") {
                    start += 1
                    continue
                }
                var end = start + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: "-") { end += 1 }
                let hash = KeyWords.hash(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if !articles.contains(hash) { hashes.append(hash) }
                start = end
            }
            return KeyWords(hashes)
        }
    }

    /// Words a key's words leave out.
    static let articles = ["the", "of", "a", "an"].map { KeyWords.hash($0.utf8) }

    /// A key with a leading article and a plural "s" dropped, so "the traffickers" meets "trafficker".
    static func normalisedKey(_ key: String) -> String {
        var key = key
        return key.withUTF8 { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? asciiNormalisedKey(bytes) : slowNormalisedKey(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// `normalisedKey` of ASCII text, byte by byte: one array, no string per word.
    static func asciiNormalisedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let space = UInt8(ascii: " ")
        let s = UInt8(ascii: "s")
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var start = 0
        var isFirst = true
        while start < bytes.count {
            if bytes[start] == space {
                start += 1
                continue
            }
            var end = start
            while end < bytes.count, bytes[end] != space { end += 1 }
            defer { start = end }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if isFirst {
                isFirst = false
                // "the", "a", "an", compared byte by byte.
                let isArticle = switch word.count {
                case 1: word[0] == UInt8(ascii: "a")
                case 2: word[0] == UInt8(ascii: "a") && word[1] == UInt8(ascii: "n")
                case 3: word[0] == UInt8(ascii: "t") && word[1] == UInt8(ascii: "h") && word[2] == UInt8(ascii: "e")
                default: false
                }
                if isArticle { continue }
            }
            let dropsPlural = word.count > 3 && word.last == s && word[word.count - 2] != s
            if !result.isEmpty { result.append(space) }
            result.append(contentsOf: dropsPlural ? UnsafeBufferPointer(rebasing: word.dropLast()) : word)
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func slowNormalisedKey(_ key: String) -> String {
        var words = key.split(separator: " ").map(String.init)
        if let first = words.first, ["the", "a", "an"].contains(first) { words.removeFirst() }
        return words.map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        }.joined(separator: " ")
    }
}

/// The distinct words of a key, each kept as a 64-bit hash and sorted, so keys are compared
/// word for word without making a string per word. Words are equal as strings are: an ASCII
/// word is hashed by its bytes (FNV-1a), any other by its canonical form (Swift's `Hasher`,
/// the same for equal strings within a run, which is all the comparisons need).
struct KeyWords: Sendable, Equatable {
    /// Sorted, without repeats.
    let hashes: [UInt64]

    init(_ hashes: [UInt64]) {
        var sorted = hashes.sorted()
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        self.hashes = sorted
    }

    var isEmpty: Bool { hashes.isEmpty }

    /// Whether every word of this key is a word of `other`.
    func isSubset(of other: KeyWords) -> Bool {
        var position = 0
        for hash in hashes {
            while position < other.hashes.count, other.hashes[position] < hash { position += 1 }
            guard position < other.hashes.count, other.hashes[position] == hash else { return false }
        }
        return true
    }

    static func hash<Bytes: Collection>(_ word: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        guard word.allSatisfy({ $0 < 0x80 }) else {
            return UInt64(bitPattern: Int64(String(decoding: word, as: UTF8.self).hashValue))
        }
        return fnv1a(word)
    }
}
