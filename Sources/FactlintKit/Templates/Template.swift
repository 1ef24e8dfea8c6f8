import FactlintFigures

/// A compiled template: a pattern over a sentence's words and figures.
///
/// Words match case-insensitively (a trailing `*` matches a prefix: `convict*`),
/// `(a|b c)` is a choice, `[words]` is optional, `...` skips up to eight words (`...3`
/// up to three) within the clause, and `{name:type}` captures a figure, a name, words,
/// or one of a list of words (`{verb:convicted|prosecuted}`). A template compiles once;
/// matching a sentence visits each (instruction, position) pair at most once.
public struct Template: Sendable {
    public struct Slot: Sendable, Equatable {
        public var name: String
        public var type: SlotType
    }

    enum Instruction: Sendable {
        case word([UInt8], prefix: Bool)
        /// A whole word, by the hash of its lowercase bytes: compared without touching bytes.
        case wordHash(UInt64)
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
    let program: [Instruction]
    /// Words every match must contain, for skipping sentences cheaply.
    let requiredWords: [[UInt8]]
    let requiredWordHashes: [UInt64]

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
        self.program = compiler.program
        self.requiredWords = node.requiredWords
        self.requiredWordHashes = node.requiredWords.map { wordHash($0) }
    }

    public func slot(named name: String) -> Slot? {
        slots.first { $0.name == name }
    }
}

/// The FNV-1a hash of a word's lowercase bytes, as templates and sentence items compute it.
@inline(__always)
func wordHash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* 0x100_0000_01b3 }
    return hash
}

/// Punctuation that matches its typographic variants: a straight quote matches curly ones.
enum PunctuationClass: Sendable, Equatable {
    case quote
    case apostrophe
    case dash
    case exact([UInt8])

    init(_ bytes: [UInt8]) {
        switch String(decoding: bytes, as: UTF8.self) {
        case "\"", "“", "”", "„", "«", "»": self = .quote
        case "'", "’", "‘": self = .apostrophe
        case "-", "–", "—", "‑": self = .dash
        default: self = .exact(bytes)
        }
    }

    func matches(_ bytes: ArraySlice<UInt8>) -> Bool {
        switch self {
        case .exact(let expected): return bytes.elementsEqual(expected)
        default: return PunctuationClass(Array(bytes)) == self
        }
    }
}

/// A mistake in a template, at a character offset within it.
public struct TemplateError: Error, Sendable, Equatable {
    public var offset: Int
    public var message: String
}
