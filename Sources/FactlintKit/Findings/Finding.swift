import FactlintFigures

/// A place in a report, with what it contributes to a finding ("total", "part: 4").
public struct Label: Sendable, Hashable, Codable {
    public var span: SourceSpan
    public var message: String
    /// The bytes of the sentence holding the span, so output can show the sentence rather than the whole line.
    public var sentence: Range<Int>?

    public init(span: SourceSpan, message: String, sentence: Range<Int>? = nil) {
        self.span = span
        self.message = message
        self.sentence = sentence
    }
}

/// The numbers behind a finding: what the text states, what the other figures imply, and how far apart they are.
public struct Evidence: Sendable, Hashable, Codable {
    public var stated: Interval
    public var computed: Interval
    /// How far apart the two are; for dates, in days.
    public var gap: Double
    /// Whether the intervals are day numbers rather than quantities.
    public var isDate: Bool

    public init(stated: Interval, computed: Interval, gap: Double, isDate: Bool = false) {
        self.stated = stated
        self.computed = computed
        // Dates are half-open day intervals, [first day, day after the last): the days from the
        // last day of one to the first day of the other are one more than the intervals' distance.
        self.gap = isDate && gap > 0 ? gap + 1 : gap
        self.isDate = isDate
    }

    /// "stated 15, computed 12, gap 3"; dates as ISO dates and a gap in days.
    public var summary: String {
        if isDate {
            let days = Int(gap)
            return "stated \(Evidence.describeDays(stated)), other \(Evidence.describeDays(computed)), \(days) day\(days == 1 ? "" : "s") apart"
        }
        return "stated \(stated), computed \(computed), gap \(Interval.format(gap))"
    }

    static func describeDays(_ interval: Interval) -> String {
        guard interval.lower.isFinite, interval.upper.isFinite else { return interval.description }
        let days = Int(interval.upper) - Int(interval.lower)
        let grain: DateGrain = days <= 1 ? .day : days <= 31 ? .month : days <= 366 ? .year : .day
        return CalendarDate.describe(interval, grain: grain)
    }
}

/// A discrepancy a rule found: where it is, what is wrong, and every figure it rests on.
public struct Finding: Sendable, Hashable, Codable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// The figure the finding is about; its label says what role the figure plays.
    public var primary: Label
    /// Every other figure the rule used, each at its own position.
    public var related: [Label]
    public var evidence: Evidence?

    public init(ruleID: String, severity: Severity, message: String, primary: Label, related: [Label], evidence: Evidence? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.primary = primary
        self.related = related
        self.evidence = evidence
    }

    public var path: String { primary.span.path }

    /// Findings in reading order: by file, position, then rule.
    public static func inReadingOrder(_ left: Finding, _ right: Finding) -> Bool {
        if left.path != right.path { return left.path < right.path }
        if left.primary.span.start != right.primary.span.start { return left.primary.span.start < right.primary.span.start }
        return left.ruleID < right.ruleID
    }
}
