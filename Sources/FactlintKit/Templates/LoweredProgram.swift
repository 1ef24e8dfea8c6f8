import FactlintFigures

/// A template's program in the form the matcher runs: instructions of plain integers, with
/// the words, marks and choices they test in side tables, so a step copies no array and
/// touches no reference count.
struct LoweredProgram: Sendable {
    enum Code: UInt8, Sendable {
        case match
        /// Go on at `a`.
        case jump
        /// Try `a`, then `b`.
        case split
        /// The item's hash is `hash`.
        case wordHash
        /// The item's hash is in set `a`.
        case wordIn
        /// A word starting with `prefixes[a]`.
        case wordPrefix
        /// A mark whose hash is one of set `a` (see `setHashes`).
        case mark
        /// Skip up to `a` items.
        case gap
        /// Slot `a` takes one figure of kind `FigureFilter(rawValue: b)`.
        case figureSlot
        /// Slot `a` takes one word whose hash is one of set `b`.
        case choiceSlot
        /// Slot `a` takes any one word.
        case wordSlot
        /// Slot `a` takes a name.
        case nameSlot
        /// Slot `a` takes a few words; greedily when `b` is 1 (the slot ends the template).
        case textSlot
    }

    /// The figures a figure slot accepts (`SlotType.accepts`).
    enum FigureFilter: Int32, Sendable {
        case count, number, percent, money, duration, date, year

        init?(_ type: SlotType) {
            switch type {
            case .count: self = .count
            case .number: self = .number
            case .percent: self = .percent
            case .money: self = .money
            case .duration: self = .duration
            case .date: self = .date
            case .year: self = .year
            case .name, .text, .word: return nil
            }
        }

        /// The words the sentence index lists a figure under, one of which every figure the
        /// filter accepts is listed under: so a template whose figure slot must match is tried
        /// only on sentences holding such a figure. They are hashes of text no token can be.
        var indexHashes: [UInt64] {
            switch self {
            case .count: return [FigureWords.count]
            case .number: return [FigureWords.count, FigureWords.numberWithoutUnit]
            case .percent: return [FigureWords.percent]
            case .money: return [FigureWords.money]
            case .duration: return [FigureWords.duration]
            case .date: return [FigureWords.date]
            case .year: return [FigureWords.year]
            }
        }

        @inline(__always)
        func accepts(_ figure: UnsafePointer<Figure>) -> Bool {
            let kind = figure.pointee.kind
            switch self {
            case .count: return kind == .count
            case .number: return kind == .count || (kind == .number && figure.pointee.unitCode == .none)
            case .percent: return kind == .percent
            case .money: return kind == .money
            case .duration: return kind == .duration
            case .date: return kind == .date
            case .year: return kind == .date && figure.pointee.grain == .year
            }
        }
    }

    struct Op: Sendable {
        var code: Code
        var a: Int32 = 0
        var b: Int32 = 0
        var hash: UInt64 = 0
    }

    let ops: [Op]
    let prefixes: [[UInt8]]
    /// Sets of hashes, one after another: the variants of a mark, the words of a choice slot.
    /// Set `n` is `setHashes[setBounds[n]..<setBounds[n + 1]]`.
    let setHashes: [UInt64]
    let setBounds: [Int32]
    /// What a match can begin with (`StartFilter`), as plain values a search keeps, so that
    /// looking for starts reference-counts nothing.
    struct Starts: Sendable {
        /// Nothing to test: a match may begin anywhere.
        var anywhere = true
        /// The set (of `setHashes`) of the first words' and marks' hashes.
        var set: Int32 = 0
        /// One bit per `hash & 63` of that set.
        var hashBits: UInt64 = 0
        /// Traits of which a first item needs one.
        var traits: ItemTraits = []
        /// One bit per `FigureFilter` a first slot accepts.
        var figures: UInt8 = 0
    }

    let starts: Starts

    init(program: [Template.Instruction], slots: [Template.Slot], starts: StartFilter?) {
        var ops: [Op] = []
        var prefixes: [[UInt8]] = []
        var hashSets: [[UInt64]] = []
        for (pc, instruction) in program.enumerated() {
            switch instruction {
            case .match:
                ops.append(Op(code: .match))
            case .jump(let target):
                ops.append(Op(code: .jump, a: Int32(target)))
            case .split(let first, let second):
                ops.append(Op(code: .split, a: Int32(first), b: Int32(second)))
            case .wordHash(let hash):
                ops.append(Op(code: .wordHash, hash: hash))
            case .wordSet(let hashes):
                ops.append(Op(code: .wordIn, a: Int32(hashSets.count)))
                hashSets.append(hashes)
            case .word(let word, _):
                // Whole words are compiled to hashes; only prefixes reach here.
                ops.append(Op(code: .wordPrefix, a: Int32(prefixes.count)))
                prefixes.append(word)
            case .punctuation(let mark):
                ops.append(Op(code: .mark, a: Int32(hashSets.count)))
                hashSets.append(mark.variants.map { punctuationHash($0) })
            case .gap(let limit):
                ops.append(Op(code: .gap, a: Int32(limit)))
            case .slot(let index):
                let type = slots[index].type
                if let filter = FigureFilter(type) {
                    ops.append(Op(code: .figureSlot, a: Int32(index), b: filter.rawValue))
                } else if case .word(let choices?) = type {
                    ops.append(Op(code: .choiceSlot, a: Int32(index), b: Int32(hashSets.count)))
                    hashSets.append(choices.map { wordHash($0) })
                } else if case .word = type {
                    ops.append(Op(code: .wordSlot, a: Int32(index)))
                } else if case .name = type {
                    ops.append(Op(code: .nameSlot, a: Int32(index)))
                } else {
                    let endsTemplate: Bool
                    if pc + 1 < program.count, case .match = program[pc + 1] { endsTemplate = true } else { endsTemplate = false }
                    ops.append(Op(code: .textSlot, a: Int32(index), b: endsTemplate ? 1 : 0))
                }
            }
        }
        if let starts {
            self.starts = Starts(
                anywhere: false, set: Int32(hashSets.count), hashBits: starts.hashBits, traits: starts.traits,
                figures: starts.figureSlots.reduce(0) { $0 | UInt8(1) << UInt8($1.rawValue) }
            )
            hashSets.append(starts.hashes)
        } else {
            self.starts = Starts()
        }
        self.ops = ops
        self.prefixes = prefixes
        self.setHashes = hashSets.flatMap { $0 }
        var bounds: [Int32] = [0]
        for set in hashSets { bounds.append(bounds[bounds.count - 1] + Int32(set.count)) }
        self.setBounds = bounds
    }
}

/// The words a sentence index lists figures under (`FigureFilter.indexHashes`): hashes of text
/// with a control character, which no word or mark token holds.
enum FigureWords {
    static let count = wordHash("\u{1}figure count".utf8)
    static let numberWithoutUnit = wordHash("\u{1}figure number without unit".utf8)
    static let percent = wordHash("\u{1}figure percent".utf8)
    static let money = wordHash("\u{1}figure money".utf8)
    static let duration = wordHash("\u{1}figure duration".utf8)
    static let date = wordHash("\u{1}figure date".utf8)
    static let year = wordHash("\u{1}figure year".utf8)

    /// The table entries (`HashNumbering.entry(of:)`) of the words figures are listed under,
    /// looked up once when the numbering is made rather than per figure.
    struct Entries: Sendable {
        let count, numberWithoutUnit, percent, money, duration, date, year: UInt32

        init(_ entry: (UInt64) -> UInt32) {
            count = entry(FigureWords.count)
            numberWithoutUnit = entry(FigureWords.numberWithoutUnit)
            percent = entry(FigureWords.percent)
            money = entry(FigureWords.money)
            duration = entry(FigureWords.duration)
            date = entry(FigureWords.date)
            year = entry(FigureWords.year)
        }

        /// The entries of the words a figure is listed under: its kind's (for the kinds slots
        /// take), and for a date read to the year, the year's too. A number is listed only
        /// without a unit. At most two; 0 for none.
        @inline(__always)
        func of(_ figure: UnsafePointer<Figure>) -> (UInt32, UInt32) {
            switch figure.pointee.kind {
            case .count: return (count, 0)
            case .number: return (figure.pointee.unitCode == .none ? numberWithoutUnit : 0, 0)
            case .percent: return (percent, 0)
            case .money: return (money, 0)
            case .duration: return (duration, 0)
            case .date: return (date, figure.pointee.grain == .year ? year : 0)
            default: return (0, 0)
            }
        }
    }
}
