/// What a figure measures.
public enum FigureKind: String, Sendable, CaseIterable, Codable {
    /// A number of things: "19", "nineteen", "1,000".
    case count
    /// A number that is not a count of things: "4.8", an age.
    case number
    /// A position: "first", "21st".
    case ordinal
    /// A share: "70%", "seventy per cent".
    case percent
    /// An amount of money; `unit` holds the currency code.
    case money
    /// A length of time, in months: "six years and six months" is 78.
    case duration
    /// A day, month, year or decade, as day numbers since 1970-01-01.
    case date

    /// The kind's position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .count: return 0
        case .number: return 1
        case .ordinal: return 2
        case .percent: return 3
        case .money: return 4
        case .duration: return 5
        case .date: return 6
        }
    }
}

/// How the written form bounds the value.
public enum Qualifier: String, Sendable, CaseIterable, Codable {
    case exact
    /// "about", "around", "approximately", "some": a band around the value.
    case approximate
    /// "nearly", "almost": close to the value, and not above it.
    case nearly
    /// "over", "more than".
    case moreThan
    /// "at least", "no fewer than".
    case atLeast
    /// "up to", "at most", "no more than".
    case atMost
    /// "fewer than", "less than", "under".
    case lessThan
    /// "between 18 and 30", "18–30", "three to six years".
    case range
}

/// The unit of time a date was written in.
public enum DateGrain: String, Sendable, CaseIterable, Codable {
    case day, month, year, decade
}

/// A figure read from text: its kind, the values it allows, and where it was written.
public struct Figure: Hashable, Sendable {
    // Stored widest first, with positions in 32 bits and the unit's few ASCII bytes packed in
    // one integer: a figure takes 56 bytes and holds no reference, so arrays of figures are
    // copied and freed as plain memory.

    /// The values the written form allows, at its stated precision and qualifier.
    public var value: Interval
    /// The number as written, before the qualifier widened it ("around 50" states 50).
    public var stated: Double
    /// The unit, for comparing; `unit` spells it.
    public var unitCode: UnitCode
    private var tokenBounds: (UInt32, UInt32)
    private var byteBounds: (UInt32, UInt32)
    public var kind: FigureKind
    public var qualifier: Qualifier
    /// For dates, the grain they were written with.
    public var grain: DateGrain?

    /// A currency code for money ("USD", "KZT"); "age" for ages; "months" for durations.
    public var unit: String? { unitCode.text }

    /// The tokens the figure spans, as indices into the token array it was read from.
    public var tokens: Range<Int> {
        get { Int(tokenBounds.0)..<Int(tokenBounds.1) }
        set { tokenBounds = (UInt32(newValue.lowerBound), UInt32(newValue.upperBound)) }
    }

    /// The bytes the figure spans in the text.
    public var bytes: Range<Int> {
        get { Int(byteBounds.0)..<Int(byteBounds.1) }
        set { byteBounds = (UInt32(newValue.lowerBound), UInt32(newValue.upperBound)) }
    }

    public init(
        kind: FigureKind, value: Interval, stated: Double, qualifier: Qualifier = .exact,
        grain: DateGrain? = nil, unit: UnitCode = .none, tokens: Range<Int>, bytes: Range<Int>
    ) {
        self.kind = kind
        self.value = value
        self.stated = stated
        self.qualifier = qualifier
        self.grain = grain
        self.unitCode = unit
        self.tokenBounds = (UInt32(tokens.lowerBound), UInt32(tokens.upperBound))
        self.byteBounds = (UInt32(bytes.lowerBound), UInt32(bytes.upperBound))
    }

    public static func == (left: Figure, right: Figure) -> Bool {
        left.value == right.value && left.stated == right.stated && left.unitCode == right.unitCode && left.tokens == right.tokens
            && left.bytes == right.bytes && left.kind == right.kind && left.qualifier == right.qualifier && left.grain == right.grain
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(stated)
        hasher.combine(unitCode)
        hasher.combine(tokens)
        hasher.combine(bytes)
        hasher.combine(kind)
        hasher.combine(qualifier)
        hasher.combine(grain)
    }

    /// Whether the figure is a year: a date written with year grain.
    public var isYear: Bool { kind == .date && grain == .year }

    /// A short rendering of the value for messages: "19", "[45, 55]", "2008-07".
    public var valueDescription: String {
        if kind == .date { return CalendarDate.describe(value, grain: grain ?? .day) }
        return value.description
    }
}

extension Figure {
    /// A unit of up to 8 ASCII bytes in one integer, first byte lowest: compared without making strings.
    public struct UnitCode: Hashable, Sendable {
        private var bits: UInt64

        /// No unit.
        public static let none = UnitCode(bits: 0)
        public static let age = UnitCode(bits: 0x65_67_61)  // "age"
        /// Durations, all counted in months.
        public static let months = UnitCode(bits: 0x73_68_74_6E_6F_6D)  // "months"

        private init(bits: UInt64) {
            self.bits = bits
        }

        /// The code of a unit; nil when it is longer than 8 bytes or not ASCII (no unit the
        /// recogniser gives is).
        public init?(_ text: String) {
            var bits: UInt64 = 0
            var shift: UInt64 = 0
            for byte in text.utf8 {
                guard shift < 64, byte != 0, byte < 0x80 else { return nil }
                bits |= UInt64(byte) << shift
                shift += 8
            }
            self.bits = bits
        }

        public var text: String? {
            guard bits != 0 else { return nil }
            let count = (UInt64.bitWidth - bits.leadingZeroBitCount + 7) / 8
            return withUnsafeBytes(of: bits.littleEndian) { String(decoding: $0.prefix(count), as: UTF8.self) }
        }
    }
}
