/// How far apart the facts a rule compares may be: within a sentence … a document, or
/// across every report of a run (`corpus`, for `same` rules).
public enum Scope: String, Sendable, CaseIterable {
    case sentence, paragraph, section, document, corpus
}

/// The kinds of rule factlint evaluates.
public enum RuleKind: String, Sendable, CaseIterable {
    /// Parts add up to a total.
    case sum
    /// One figure against another: a ≤ b, a < b, a = b … on numbers or dates.
    case compare
    /// One fact stated twice agrees.
    case same
    /// A stated share agrees with the counts.
    case percent
    /// A figure lies within bounds, fixed or stated by the report.
    case range
    /// Events come in date order.
    case order
    /// A table's total row adds up.
    case table
    /// An expectation over named facts, the escape hatch.
    case expect
    /// Stated figures agree with a table of official figures.
    case reference
    /// Claims against the sources they cite, and each source's own dates.
    case citation
}

/// A comparison between two figures.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
    case equal = "=="
    case notEqual = "!="

    /// The words for messages: "at most", "less than" …
    public var phrase: String {
        switch self {
        case .lessThan: return "less than"
        case .lessThanOrEqual: return "at most"
        case .greaterThan: return "more than"
        case .greaterThanOrEqual: return "at least"
        case .equal: return "equal to"
        case .notEqual: return "different from"
        }
    }
}

/// A size of discrepancy from which a finding is raised to a severity: an absolute gap, a gap
/// relative to the stated figure, or both (either one reached is enough).
public struct GapThreshold: Sendable, Equatable {
    public var gap: Double?
    public var relativeGap: Double?

    public init(gap: Double? = nil, relativeGap: Double? = nil) {
        self.gap = gap
        self.relativeGap = relativeGap
    }

    /// Whether the evidence of a finding reaches the threshold.
    public func isReached(by evidence: Evidence) -> Bool {
        if let gap, evidence.gap >= gap { return true }
        if let relativeGap {
            let stated = max(abs(evidence.stated.midpoint), .leastNonzeroMagnitude)
            if evidence.gap / stated >= relativeGap { return true }
        }
        return false
    }
}

/// Gaps small enough to let pass: a finding whose gap is at most `gap`, or at most
/// `relativeGap` of the stated figure, is not reported. For dates, gaps are in days.
public struct Tolerance: Sendable, Equatable {
    public var gap: Double?
    public var relativeGap: Double?

    public init(gap: Double? = nil, relativeGap: Double? = nil) {
        self.gap = gap
        self.relativeGap = relativeGap
    }

    /// Whether a finding with this evidence is small enough to let pass.
    public func absorbs(_ evidence: Evidence) -> Bool {
        if let gap, evidence.gap <= gap { return true }
        if let relativeGap {
            let stated = max(abs(evidence.stated.midpoint), .leastNonzeroMagnitude)
            if evidence.gap / stated <= relativeGap { return true }
        }
        return false
    }
}

/// Texts a rule must pass and fail, run by the tests.
public struct RuleExamples: Sendable {
    public var valid: [String] = []
    public var invalid: [String] = []
}

/// A rule as loaded from a rule file.
public struct Rule: Sendable {
    public var id: String
    public var kind: RuleKind
    public var summary: String
    public var rationale: String?
    public var link: String?
    public var severity: Severity
    /// Gaps from which a finding becomes a warning or an error, whatever `severity` says.
    public var warnIf: GapThreshold?
    public var errorIf: GapThreshold?
    /// Gaps let pass without a finding; set by the configuration's `tolerance`.
    public var tolerance: Tolerance?
    public var scope: Scope
    /// The message with `{placeholders}`; nil for the kind's default message.
    public var message: String?
    public var check: any Check
    public var examples: RuleExamples
    /// Where the rule is defined, for messages about the rule itself.
    public var path: String
    public var location: SourceLocation

    /// Whether a finding with this evidence is small enough for the rule's tolerance to let pass.
    public func tolerates(_ evidence: Evidence?) -> Bool {
        guard let tolerance, let evidence else { return false }
        return tolerance.absorbs(evidence)
    }

    /// The severity of a finding with this evidence: raised by `error_if` or `warn_if` when reached.
    public func severity(for evidence: Evidence?) -> Severity {
        guard let evidence else { return severity }
        if let errorIf, errorIf.isReached(by: evidence) { return .error }
        if let warnIf, warnIf.isReached(by: evidence) { return max(.warning, severity) }
        return severity
    }
}
