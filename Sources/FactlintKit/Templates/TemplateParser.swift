import FactlintFigures

/// The syntax tree of a template.
indirect enum TemplateNode {
    case word([UInt8], prefix: Bool)
    case punctuation([UInt8])
    case slot(Int)
    case gap(Int)
    case sequence([TemplateNode])
    case choice([TemplateNode])
    case optional(TemplateNode)
}

/// Reads template text into a `TemplateNode`, collecting its slots.
///
/// It reads Unicode scalars (comparing `Character`s cost most of the rules' load time) and
/// reports offsets in characters, as a rule author counts them.
struct TemplateParser {
    let source: String
    let scalars: [Unicode.Scalar]
    var position = 0
    var slots: [Template.Slot] = []
    let limits: Limits
    /// How many choices and optional parts enclose the position.
    var depth = 0

    init(source: String, limits: Limits = .standard) {
        self.source = source
        scalars = Array(source.unicodeScalars)
        self.limits = limits
    }

    /// An error at a scalar offset, reported at the character it falls in.
    func error(at offset: Int, _ message: String) -> TemplateError {
        let characters = String(String.UnicodeScalarView(scalars[..<min(offset, scalars.count)])).count
        return TemplateError(offset: characters, message: message)
    }

    mutating func parse() throws -> TemplateNode {
        // A template has no more characters than scalars, so most are not counted.
        if scalars.count > limits.maximumTemplateLength, case let count = source.count, count > limits.maximumTemplateLength {
            throw TemplateError(
                offset: limits.maximumTemplateLength,
                message: "the template is \(count) characters long; factlint reads templates of up to \(limits.maximumTemplateLength)"
            )
        }
        let node = try sequence(until: [])
        if position < scalars.count {
            throw error(at: position, "unexpected '\(scalars[position])'")
        }
        if case .sequence(let nodes) = node, nodes.isEmpty {
            throw TemplateError(offset: 0, message: "the template is empty")
        }
        // A match must cover at least one word: "[a]" or "(a||b)" alone would match nothing.
        if node.canMatchNothing {
            throw TemplateError(offset: 0, message: "the template can match without a single word; give it a word or a slot outside [ ] and empty choices")
        }
        return node
    }

    mutating func sequence(until terminators: [Unicode.Scalar]) throws -> TemplateNode {
        var nodes: [TemplateNode] = []
        while position < scalars.count {
            let character = scalars[position]
            if terminators.contains(character) { break }
            switch character {
            case " ", "\t", "\n":
                position += 1
            case "{":
                nodes.append(try slot())
            case "(":
                let open = position
                try enter(at: open)
                defer { depth -= 1 }
                position += 1
                var options = [try sequence(until: ["|", ")"])]
                while position < scalars.count, scalars[position] == "|" {
                    position += 1
                    options.append(try sequence(until: ["|", ")"]))
                }
                guard position < scalars.count, scalars[position] == ")" else {
                    throw error(at: open, "'(' is never closed; write choices as (a|b)")
                }
                position += 1
                nodes.append(.choice(options))
            case "[":
                let open = position
                try enter(at: open)
                defer { depth -= 1 }
                position += 1
                var options = [try sequence(until: ["|", "]"])]
                while position < scalars.count, scalars[position] == "|" {
                    position += 1
                    options.append(try sequence(until: ["|", "]"]))
                }
                guard position < scalars.count, scalars[position] == "]" else {
                    throw error(at: open, "'[' is never closed; write optional words as [word] or [a|b]")
                }
                position += 1
                nodes.append(.optional(options.count == 1 ? options[0] : .choice(options)))
            case "\\":
                // "\(" is a literal parenthesis, "\[" a literal bracket.
                guard position + 1 < scalars.count else {
                    throw error(at: position, "a '\\' must come before the character it makes literal, as in \\(")
                }
                // The whole character after the backslash, with any marks that combine with it.
                // (A character is a few scalars: 32 are more than enough, and the rest is not copied.)
                let literal = text((position + 1)..<min(position + 33, scalars.count)).first.map(String.init) ?? ""
                nodes.append(.punctuation(Array(literal.utf8)))
                position += 1 + literal.unicodeScalars.count
            case ")", "]", "|", "}":
                throw error(at: position, "unexpected '\(character)'")
            case "." where lookingAt("..."), "…":
                position += character == "…" ? 1 : 3
                var digits = ""
                while position < scalars.count, ("0"..."9").contains(scalars[position]) {
                    digits.unicodeScalars.append(scalars[position])
                    position += 1
                }
                let limit = Int(digits) ?? 8
                guard limit >= 1, limit <= 50 else {
                    throw error(at: position - digits.count, "a gap can skip 1 to 50 words")
                }
                nodes.append(.gap(limit))
            default:
                nodes.append(contentsOf: try literal())
            }
        }
        return .sequence(nodes)
    }

    /// Goes one level into a choice or an optional part, within `limits.maximumTemplateNesting`.
    mutating func enter(at offset: Int) throws {
        depth += 1
        guard depth <= limits.maximumTemplateNesting else {
            throw error(at: offset, "choices and optional parts nest more than \(limits.maximumTemplateNesting) deep")
        }
    }

    /// Whether the template continues with `text` at the position; allocates nothing.
    func lookingAt(_ text: String) -> Bool {
        var index = position
        for expected in text.unicodeScalars {
            guard index < scalars.count, scalars[index] == expected else { return false }
            index += 1
        }
        return true
    }

    /// Whether a character ends a run of literal words.
    static func isSyntax(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "{", "(", "[", ")", "]", "|", "}", "…", "\\": return true
        default: return false
        }
    }

    /// The text of some of the scalars, encoded as UTF-8 first: appending scalars to a string
    /// one by one, or a slice of them at once, cost thousands of instructions a call.
    func text(_ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for scalar in scalars[range] { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func slot() throws -> TemplateNode {
        let open = position
        position += 1
        while position < scalars.count, scalars[position] != "}" { position += 1 }
        let body = text((open + 1)..<position)
        guard position < scalars.count else {
            throw error(at: open, "'{' is never closed; write slots as {name:type}")
        }
        position += 1
        let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map {
            $0.trimmingSpaces()
        }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw error(at: open, "a slot needs a name and a type, as {total:count}")
        }
        let name = parts[0]
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw error(at: open + 1, "slot name '\(name)' may hold only letters, digits and '_'")
        }
        guard !slots.contains(where: { $0.name == name }) else {
            throw error(at: open + 1, "slot '\(name)' appears twice in the template")
        }
        let type: SlotType
        if parts[1].contains("|" as Character) {
            let words = parts[1].split(separator: "|").map { Array($0.trimmingSpaces().lowercased().utf8) }
            guard !words.contains(where: \.isEmpty) else {
                throw error(at: open + 1 + name.unicodeScalars.count + 1, "an empty word in the choice '\(parts[1])'")
            }
            type = .word(choices: words)
        } else if let known = SlotType(name: parts[1]) {
            type = known
        } else {
            let suggestion = Suggestion.closest(to: parts[1], among: SlotType.names).map { " (did you mean '\($0)'?)" } ?? ""
            throw error(at: open + 1 + name.unicodeScalars.count + 1, "unknown slot type '\(parts[1])'\(suggestion); known types: \(SlotType.names.joined(separator: ", "))")
        }
        slots.append(Template.Slot(name: name, type: type))
        return .slot(slots.count - 1)
    }

    /// A run of literal text, read with the same tokenizer as reports so "years’" becomes "years" "’".
    mutating func literal() throws -> [TemplateNode] {
        let start = position
        while position < scalars.count, !TemplateParser.isSyntax(scalars[position]), !lookingAt("...") { position += 1 }
        var text = self.text(start..<position)
        let prefix = text.hasSuffix("*") && text.count > 1
        if prefix { text.removeLast() }
        let bytes = Array(text.utf8)
        let tokens = Tokenizer(markdownInline: false).tokens(bytes)
        var nodes: [TemplateNode] = []
        for (index, token) in tokens.enumerated() {
            let piece = bytes[token.start..<token.end].map(ByteText.lowercased)
            switch token.kind {
            case .word, .number:
                nodes.append(.word(piece, prefix: prefix && index == tokens.count - 1))
            case .punctuation:
                nodes.append(.punctuation(Array(bytes[token.start..<token.end])))
            }
        }
        return nodes
    }
}

/// Turns a `TemplateNode` into a flat program with jumps and splits.
struct TemplateCompiler {
    var program: [Template.Instruction] = []

    mutating func compile(_ node: TemplateNode) {
        switch node {
        case .word(let word, let prefix):
            program.append(prefix ? .word(word, prefix: true) : .wordHash(wordHash(word)))
        case .punctuation(let bytes):
            program.append(.punctuation(PunctuationClass(bytes)))
        case .slot(let index):
            program.append(.slot(index))
        case .gap(let limit):
            program.append(.gap(limit))
        case .sequence(let nodes):
            for node in nodes { compile(node) }
        case .optional(let inner):
            let split = program.count
            program.append(.split(split + 1, 0))
            compile(inner)
            program[split] = .split(split + 1, program.count)
        case .choice(let options):
            // Options tried in order; a run of single words is one test of the item's hash against
            // their set (each matches one word, so their order among themselves does not matter).
            var groups: [[TemplateNode]] = []
            for option in options {
                if option.wholeWord != nil, let last = groups.last?.last, last.wholeWord != nil {
                    groups[groups.count - 1].append(option)
                } else {
                    groups.append([option])
                }
            }
            func compileGroup(_ group: [TemplateNode]) {
                if group.count > 1 {
                    program.append(.wordSet(group.compactMap(\.wholeWord).map { wordHash($0) }))
                } else {
                    self.compile(group[0])
                }
            }
            var jumps: [Int] = []
            for (index, group) in groups.enumerated() {
                if index < groups.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    compileGroup(group)
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    compileGroup(group)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        }
    }
}

extension TemplateNode {
    /// The word, when the node is one whole word (not a prefix), alone or as a sequence of one.
    var wholeWord: [UInt8]? {
        switch self {
        case .word(let word, let prefix): return prefix ? nil : word
        case .sequence(let nodes): return nodes.count == 1 ? nodes[0].wholeWord : nil
        default: return nil
        }
    }

    /// Whether the node can match no words at all.
    var canMatchNothing: Bool {
        switch self {
        case .word, .punctuation, .slot: return false
        case .gap, .optional: return true
        case .sequence(let nodes): return nodes.allSatisfy(\.canMatchNothing)
        case .choice(let options): return options.contains(where: \.canMatchNothing)
        }
    }
}
