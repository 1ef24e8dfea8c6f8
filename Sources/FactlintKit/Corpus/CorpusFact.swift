import FactlintFigures

/// One line of a report, kept so a finding can quote it after the report itself is released
/// (or read back from a shard's output by `factlint merge`).
public struct QuotedLine: Sendable, Hashable, Codable {
    public var path: String
    public var number: Int
    /// The offset of the line's first byte in its file.
    public var start: Int
    public var text: String

    public init(path: String, number: Int, start: Int, text: String) {
        self.path = path
        self.number = number
        self.start = start
        self.text = text
    }

    /// The line of `source` holding `offset`.
    public init(source: SourceFile, offset: Int) {
        self.init(source: source, line: source.location(of: offset).line)
    }

    /// Line `line` of `source`.
    public init(source: SourceFile, line: Int) {
        let range = source.lineRange(line)
        self.init(path: source.path, number: line, start: range.lowerBound, text: source.text(range))
    }

    /// The column (from 1, in Unicode scalars) of a byte offset within the line.
    public func column(of offset: Int) -> Int {
        // Every scalar has one byte that is not a continuation byte (0b10xxxxxx).
        text.utf8.prefix(max(offset - start, 0)).reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
}

/// A statement of a fact by a rule of scope `corpus`, kept after its report is released so it
/// can be held against the statements of the same fact in the other reports of the run.
public struct CorpusFact: Sendable, Hashable, Codable {
    /// The rule that read the statement.
    public var rule: String
    /// The key, one normalised part per key slot ("convicted", "trafficker", "2021").
    public var key: [String]
    /// Which parts of the key are words (as opposed to figures).
    public var keyIsWords: [Bool]
    /// The value when it is a figure: its interval, and whether it is a date (day numbers).
    public var interval: Interval?
    public var isDate: Bool
    /// The value when it is words, normalised.
    public var words: String?
    /// The value as written.
    public var text: String
    /// Where the value is stated, with its sentence.
    public var label: Label
    /// The line the value is on.
    public var line: QuotedLine
    /// The text each slot of the statement's template captured, for the rule's message.
    public var bindings: [String: String]

    public init(rule: String, key: [String], keyIsWords: [Bool], interval: Interval?, isDate: Bool, words: String?, text: String, label: Label, line: QuotedLine, bindings: [String: String]) {
        self.rule = rule
        self.key = key
        self.keyIsWords = keyIsWords
        self.interval = interval
        self.isDate = isDate
        self.words = words
        self.text = text
        self.label = label
        self.line = line
        self.bindings = bindings
    }

    public var path: String { label.span.path }

    /// Whether two statements of one fact agree; nil when they cannot be compared (a figure
    /// against words, a date against a count). Figures agree when their intervals overlap at
    /// the precision written; words when one statement's words hold the other's.
    public func agrees(with other: CorpusFact) -> Bool? {
        if let interval, let otherInterval = other.interval {
            guard isDate == other.isDate else { return nil }
            return interval.overlaps(otherInterval)
        }
        if let words, let otherWords = other.words {
            let a = SameCheck.words(words)
            let b = SameCheck.words(otherWords)
            guard !a.isEmpty, !b.isEmpty else { return nil }
            return a.isSubset(of: b) || b.isSubset(of: a)
        }
        return nil
    }
}
