/// A closed, open or half-open set of real numbers: the values a written figure allows.
///
/// Every figure is an interval, never a bare number: "19" is [19, 19], "4.8%" is
/// [4.75, 4.85], "over 1,000" is (1000, ∞). Checks ask whether intervals can meet,
/// so a finding is raised only when the figures cannot all be true at once.
public struct Interval: Hashable, Sendable, Codable {
    public var lower: Double
    public var upper: Double
    public var lowerIsClosed: Bool
    public var upperIsClosed: Bool

    public init(lower: Double, upper: Double, lowerIsClosed: Bool = true, upperIsClosed: Bool = true) {
        self.lower = lower
        self.upper = upper
        self.lowerIsClosed = lowerIsClosed && lower.isFinite
        self.upperIsClosed = upperIsClosed && upper.isFinite
    }

    /// The interval holding exactly one value.
    public static func exactly(_ value: Double) -> Interval {
        Interval(lower: value, upper: value)
    }

    /// Every real number.
    public static let unbounded = Interval(lower: -.infinity, upper: .infinity)

    public var isExact: Bool { lower == upper && lowerIsClosed && upperIsClosed }

    public var isEmpty: Bool {
        lower > upper || (lower == upper && !(lowerIsClosed && upperIsClosed))
    }

    /// The middle of a bounded interval, else its finite end, else zero.
    public var midpoint: Double {
        switch (lower.isFinite, upper.isFinite) {
        case (true, true): return (lower + upper) / 2
        case (true, false): return lower
        case (false, true): return upper
        case (false, false): return 0
        }
    }

    public func contains(_ value: Double) -> Bool {
        let aboveLower = lowerIsClosed ? value >= lower : value > lower
        let belowUpper = upperIsClosed ? value <= upper : value < upper
        return aboveLower && belowUpper
    }

    /// Whether some value lies in both intervals.
    public func overlaps(_ other: Interval) -> Bool {
        !intersection(other).isEmpty
    }

    public func intersection(_ other: Interval) -> Interval {
        let (lower, lowerIsClosed): (Double, Bool)
        if self.lower > other.lower {
            (lower, lowerIsClosed) = (self.lower, self.lowerIsClosed)
        } else if other.lower > self.lower {
            (lower, lowerIsClosed) = (other.lower, other.lowerIsClosed)
        } else {
            (lower, lowerIsClosed) = (self.lower, self.lowerIsClosed && other.lowerIsClosed)
        }
        let (upper, upperIsClosed): (Double, Bool)
        if self.upper < other.upper {
            (upper, upperIsClosed) = (self.upper, self.upperIsClosed)
        } else if other.upper < self.upper {
            (upper, upperIsClosed) = (other.upper, other.upperIsClosed)
        } else {
            (upper, upperIsClosed) = (self.upper, self.upperIsClosed && other.upperIsClosed)
        }
        return Interval(lower: lower, upper: upper, lowerIsClosed: lowerIsClosed, upperIsClosed: upperIsClosed)
    }

    /// The set of sums `a + b` with `a` in `self` and `b` in `other`.
    public static func + (left: Interval, right: Interval) -> Interval {
        Interval(
            lower: left.lower + right.lower,
            upper: left.upper + right.upper,
            lowerIsClosed: left.lowerIsClosed && right.lowerIsClosed,
            upperIsClosed: left.upperIsClosed && right.upperIsClosed
        )
    }

    /// The distance between two intervals that do not meet; zero when they overlap.
    public func gap(to other: Interval) -> Double {
        if overlaps(other) { return 0 }
        if upper <= other.lower { return other.lower - upper }
        if other.upper <= lower { return lower - other.upper }
        return 0
    }

    /// Whether every value of `self` is below every value of `other` (strictly when `strict`).
    public func isEntirelyBelow(_ other: Interval, strict: Bool) -> Bool {
        if strict {
            return upper < other.lower || (upper == other.lower && !(upperIsClosed && other.lowerIsClosed))
        }
        return upper <= other.lower
    }

    /// Whether some value of `self` is at most (or, when `strict`, below) some value of `other`.
    public func canBeBelow(_ other: Interval, strict: Bool) -> Bool {
        if isEmpty || other.isEmpty { return false }
        if strict {
            return lower < other.upper
        }
        return lower < other.upper || (lower == other.upper && lowerIsClosed && other.upperIsClosed)
    }
}

extension Interval: CustomStringConvertible {
    public var description: String {
        if isExact { return Interval.format(lower) }
        let open = lowerIsClosed ? "[" : "("
        let close = upperIsClosed ? "]" : ")"
        let low = lower.isFinite ? Interval.format(lower) : "-∞"
        let high = upper.isFinite ? Interval.format(upper) : "∞"
        return "\(open)\(low), \(high)\(close)"
    }

    /// Formats a value without a trailing ".0" and with at most four decimals.
    public static func format(_ value: Double) -> String {
        if !value.isFinite { return value > 0 ? "∞" : "-∞" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        var text = String(format4: value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension String {
    /// A decimal rendering with four digits after the point, without Foundation.
    init(format4 value: Double) {
        let scaled = (abs(value) * 10_000).rounded()
        let whole = Int64(scaled / 10_000)
        let fraction = Int64(scaled) % 10_000
        var digits = String(fraction)
        while digits.count < 4 { digits = "0" + digits }
        self = (value < 0 ? "-" : "") + String(whole) + "." + digits
    }
}
