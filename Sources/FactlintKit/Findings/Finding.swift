import FactlintFigures

/// A place in a report, with what it contributes to a finding ("total", "part: 4").
public struct Label: Sendable, Hashable {
    public var span: SourceSpan
    public var message: String

    public init(span: SourceSpan, message: String) {
        self.span = span
        self.message = message
    }
}

/// The numbers behind a finding: what the text states, what the other figures imply, and how far apart they are.
public struct Evidence: Sendable, Hashable {
    public var stated: Interval
    public var computed: Interval
    public var gap: Double

    public init(stated: Interval, computed: Interval, gap: Double) {
        self.stated = stated
        self.computed = computed
        self.gap = gap
    }
}

/// A discrepancy a rule found: where it is, what is wrong, and every figure it rests on.
public struct Finding: Sendable, Hashable {
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
