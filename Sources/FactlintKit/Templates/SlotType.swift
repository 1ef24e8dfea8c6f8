import FactlintFigures

/// What a `{name:type}` slot in a template captures.
public enum SlotType: Sendable, Equatable {
    case count
    /// Any plain number: a count or a decimal.
    case number
    case percent
    case money
    case duration
    /// Any date: a day, a month, a year, a decade or a span of them.
    case date
    /// A date written as a year.
    case year
    /// A proper name: capitalised words ("Nina Balabaeva", "Criminal Police Department") or a quoted name.
    case name
    /// A few words of any kind, up to a comma or the end of the phrase.
    case text
    /// One word; when `choices` is set, one of those words ("{verb:convicted|prosecuted}").
    case word(choices: [[UInt8]]?)

    /// The type names a rule author may write.
    public static let names = ["count", "number", "percent", "money", "duration", "date", "year", "name", "text", "word"]

    init?(name: String) {
        switch name {
        case "count": self = .count
        case "number": self = .number
        case "percent": self = .percent
        case "money": self = .money
        case "duration": self = .duration
        case "date": self = .date
        case "year": self = .year
        case "name": self = .name
        case "text": self = .text
        case "word": self = .word(choices: nil)
        default: return nil
        }
    }

    /// Whether the slot captures a figure (as opposed to words).
    public var capturesFigure: Bool {
        switch self {
        case .count, .number, .percent, .money, .duration, .date, .year: return true
        case .name, .text, .word: return false
        }
    }

    /// Whether a figure can fill the slot.
    func accepts(_ figure: Figure) -> Bool {
        switch self {
        case .count: return figure.kind == .count
        case .number: return figure.kind == .count || (figure.kind == .number && figure.unitCode == .none)
        case .percent: return figure.kind == .percent
        case .money: return figure.kind == .money
        case .duration: return figure.kind == .duration
        case .date: return figure.kind == .date
        case .year: return figure.kind == .date && figure.grain == .year
        case .name, .text, .word: return false
        }
    }
}
