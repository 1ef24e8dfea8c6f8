import FactlintFigures

/// A compiled template: a pattern over a sentence's words and figures.
///
/// Words match case-insensitively (a trailing `*` matches a prefix: `convict*`),
/// `(a|b c)` is a choice, `[words]` is optional, `...` skips up to eight words (`...3`
/// up to three) within the clause, and `{name:type}` captures a figure, a name, words,
/// or one of a list of words (`{verb:convicted|prosecuted}`). A template compiles once;
/// matching a sentence visits each (instruction, position) pair at most once.
public final class Template: Sendable {
    public struct Slot: Sendable, Equatable {
        public var name: String
        public var type: SlotType
    }

    enum Instruction: Sendable {
        case word([UInt8], prefix: Bool)
        /// A whole word, by the hash of its lowercase bytes: compared without touching bytes.
        case wordHash(UInt64)
        /// One of several whole words, by their hashes.
        case wordSet([UInt64])
        case punctuation(PunctuationClass)
        case slot(Int)
        case gap(Int)
        case split(Int, Int)
        case jump(Int)
        case match
    }

    /// The template as the rule author wrote it.
    public let source: String
    public let slots: [Slot]
    /// The slots' names, in order.
    let slotNames: [String]
    let program: [Instruction]
    /// Items every match must contain, by their `itemHash`: at least one of each group. The
    /// sentence index finds a template's candidate sentences through its rarest group.
    let requiredGroups: [[UInt64]]
    /// The hashes of the words a `{x:a|b}` slot accepts, by slot; nil for other slots.
    let choiceHashes: [[UInt64]?]
    /// The program as the matcher runs it: flat instructions and the tables they refer to.
    let lowered: LoweredProgram

    /// Compiles a template.
    ///
    /// - Throws: `TemplateError` with the offset (in characters) of the mistake.
    public init(_ source: String) throws {
        var parser = TemplateParser(source: source)
        let node = try parser.parse()
        var compiler = TemplateCompiler()
        compiler.compile(node)
        compiler.program.append(.match)
        self.source = source
        self.slots = parser.slots
        self.slotNames = parser.slots.map(\.name)
        self.program = compiler.program
        self.requiredGroups = node.requiredGroups(slots: parser.slots)
        self.choiceHashes = parser.slots.map { slot in
            if case .word(let choices?) = slot.type { return choices.map { wordHash($0) } }
            return nil
        }
        self.lowered = LoweredProgram(program: compiler.program, slots: parser.slots, starts: StartFilter(program: compiler.program, slots: parser.slots))
    }

    public func slot(named name: String) -> Slot? {
        slots.first { $0.name == name }
    }
}

/// The FNV-1a hash of bytes as they are: the same on every machine and every run.
func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
}

/// The FNV-1a hash of a word's lowercase bytes, as templates and sentence items compute it.
@inline(__always)
func wordHash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* 0x100_0000_01b3 }
    return hash
}

/// The hash a sentence index gives a punctuation mark: its bytes' hash, set apart from words'.
@inline(__always)
func punctuationHash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    wordHash(bytes) ^ 0x9E37_79B9_7F4A_7C15
}

extension TemplateNode {
    /// Groups of item hashes such that every match holds at least one item of each group.
    ///
    /// A literal word or mark is a group of one; a `{x:a|b}` slot and a choice whose every
    /// option requires something are groups of their alternatives; a figure slot requires a
    /// figure it accepts (`FigureWords`); optional parts, gaps, prefixes and other slots
    /// require nothing.
    func requiredGroups(slots: [Template.Slot]) -> [[UInt64]] {
        switch self {
        case .word(let word, let prefix):
            return prefix ? [] : [[wordHash(word)]]
        case .punctuation(let bytes):
            return [PunctuationClass(bytes).variants.map { punctuationHash($0) }]
        case .slot(let index):
            if case .word(let choices?) = slots[index].type { return [choices.map { wordHash($0) }] }
            if let filter = LoweredProgram.FigureFilter(slots[index].type) { return [filter.indexHashes] }
            return []
        case .gap, .optional:
            return []
        case .sequence(let nodes):
            return nodes.flatMap { $0.requiredGroups(slots: slots) }
        case .choice(let options):
            var alternatives: [UInt64] = []
            for option in options {
                guard let smallest = option.requiredGroups(slots: slots).min(by: { $0.count < $1.count }) else { return [] }
                alternatives += smallest
            }
            return [alternatives]
        }
    }
}

/// Punctuation that matches its typographic variants: a straight quote matches curly ones.
enum PunctuationClass: Sendable, Equatable {
    case quote
    case apostrophe
    case dash
    case exact([UInt8])

    static let quotes: [[UInt8]] = ["\"", "“", "”", "„", "«", "»"].map { Array($0.utf8) }
    static let apostrophes: [[UInt8]] = ["'", "’", "‘"].map { Array($0.utf8) }
    static let dashes: [[UInt8]] = ["-", "–", "—", "‑"].map { Array($0.utf8) }

    init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        self = PunctuationClass.family(of: bytes) ?? .exact(Array(bytes))
    }

    /// The class of a mark that has typographic variants (a quote, an apostrophe, a dash); nil
    /// for any other mark. Allocates nothing.
    static func family<Bytes: Collection>(of bytes: Bytes) -> PunctuationClass? where Bytes.Element == UInt8 {
        guard let first = bytes.first else { return nil }
        switch first {
        case UInt8(ascii: "\""): return bytes.count == 1 ? .quote : nil
        case UInt8(ascii: "'"): return bytes.count == 1 ? .apostrophe : nil
        case UInt8(ascii: "-"): return bytes.count == 1 ? .dash : nil
        case 0xC2, 0xE2:
            if quotes.contains(where: { $0.elementsEqual(bytes) }) { return .quote }
            if apostrophes.contains(where: { $0.elementsEqual(bytes) }) { return .apostrophe }
            if dashes.contains(where: { $0.elementsEqual(bytes) }) { return .dash }
            return nil
        default: return nil
        }
    }

    /// Every spelling the class matches.
    var variants: [[UInt8]] {
        switch self {
        case .quote: return PunctuationClass.quotes
        case .apostrophe: return PunctuationClass.apostrophes
        case .dash: return PunctuationClass.dashes
        case .exact(let bytes): return [bytes]
        }
    }

    func matches<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        switch self {
        case .exact(let expected): return bytes.elementsEqual(expected)
        default: return PunctuationClass.family(of: bytes) == self
        }
    }
}

/// A mistake in a template, at a character offset within it.
public struct TemplateError: Error, Sendable, Equatable {
    public var offset: Int
    public var message: String
}
