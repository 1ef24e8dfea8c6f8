import FactlintFigures

/// One finding as a row of the summary: where, which rule, what the text states, what the
/// other figures imply, and the gap between them.
public struct Discrepancy: Sendable {
    /// The ids of the findings that are about suppression comments rather than figures.
    static let suppressionRuleIDs: Set<String> = [Suppressions.unusedRuleID, Suppressions.unknownRuleID]

    public var finding: Finding
    /// The index of the report in the run, and of the finding in the report's reading order.
    public var report: Int
    public var index: Int
    /// What the text states: the primary figure as written ("15"), with its role ("total").
    public var stated: String
    /// What the other figures imply: the computed value and how ("12 (2 + 6 + 4)"), or the
    /// other statements of the fact ("Elsa Varonen, line 18"); empty when nothing else is involved.
    public var implied: String
    /// How far apart the two are ("3", "195 days"); nil when the finding has no evidence.
    public var gap: Double?
    public var gapText: String
    /// The computation behind the finding, a line at a time, built from its labels and evidence:
    /// "2 + 6 + 4 = 12, but the total is 15".
    public var computation: [String]
    /// The text of each figure the finding names: the primary one first, then each related one.
    public var figureTexts: [String]

    public var severity: Severity { finding.severity }
    public var path: String { finding.path }
    public var location: SourceLocation { finding.primary.span.start }
    public var isDate: Bool { finding.evidence?.isDate ?? false }

    /// The row for a finding of the report in `source`.
    public init(finding: Finding, source: SourceFile, report: Int, index: Int) {
        self.init(finding: finding, report: report, index: index) { label in
            label.span.path == source.path ? source.text(label.span.bytes) : nil
        }
    }

    /// The row for a finding whose figures `text` reads: the words a label marks, or nil when
    /// they cannot be read (then the label's role stands for them).
    public init(finding: Finding, report: Int, index: Int, text read: (Label) -> String?) {
        self.finding = finding
        self.report = report
        self.index = index
        func text(_ label: Label) -> String {
            read(label)?.collapsingWhitespace() ?? label.message
        }
        let primaryText = text(finding.primary)
        let relatedTexts = finding.related.map(text)
        figureTexts = [primaryText] + relatedTexts
        let primaryLine = finding.primary.span.start.line
        let primaryPath = finding.primary.span.path
        func place(_ label: Label) -> String {
            if label.span.path != primaryPath { return "\(label.span.path):\(label.span.start.line)" }
            return label.span.start.line == primaryLine ? "same line" : "line \(label.span.start.line)"
        }

        guard let evidence = finding.evidence else {
            // A suppression comment, or a fact stated twice: show the words, not numbers.
            if finding.related.isEmpty {
                stated = Discrepancy.suppressionRuleIDs.contains(finding.ruleID) ? primaryText : "\(primaryText) (\(finding.primary.message))"
                implied = ""
                computation = [finding.message]
            } else {
                stated = "\(primaryText) (\(finding.primary.message))"
                implied = zip(finding.related, relatedTexts).map { "\($1) (\($0.message), \(place($0)))" }.joined(separator: "; ")
                computation = Discrepancy.capped(["\(finding.primary.message): \(primaryText)"]
                    + zip(finding.related, relatedTexts).map { "\($0.message): \($1) (\(place($0)))" })
            }
            gap = nil
            gapText = "–"
            return
        }

        gap = evidence.gap.isFinite ? evidence.gap : nil
        if evidence.isDate {
            let days = Int(evidence.gap)
            gapText = evidence.gap.isFinite ? "\(days) day\(days == 1 ? "" : "s")" : "–"
            stated = "\(primaryText) (\(finding.primary.message))"
            let others = zip(finding.related, relatedTexts).map { "\($1) (\($0.message), \(place($0)))" }
            implied = others.isEmpty ? Evidence.describeDays(evidence.computed) : others.joined(separator: "; ")
            // Each date as written and as a calendar date, so the order can be checked at a glance.
            let otherDate = finding.related.count == 1 ? "\(Evidence.describeDays(evidence.computed)), " : ""
            computation = Discrepancy.capped(["\(finding.primary.message): \(primaryText) (\(Evidence.describeDays(evidence.stated)))"]
                + zip(finding.related, relatedTexts).map { "\($0.message): \($1) (\(otherDate)\(place($0)))" })
                + ["\(days) day\(days == 1 ? "" : "s") apart"]
            return
        }

        gapText = evidence.gap.isFinite ? Interval.format(evidence.gap) : "–"
        let computed = evidence.computed.description
        stated = "\(primaryText) (\(finding.primary.message))"
        // Parts summed to a total: the sum written out, as an editor would check it by hand.
        let roles = Set(finding.related.map(\.message))
        if finding.related.count >= 2, roles.count == 1 {
            let sum = SumText.written(relatedTexts.map { Discrepancy.numeral($0) })
            implied = "\(computed) (\(sum))"
            computation = ["\(sum) = \(computed), but the \(finding.primary.message) is \(primaryText) (gap \(gapText))"]
        } else if finding.related.isEmpty {
            implied = computed
            computation = ["the text states \(primaryText) (\(evidence.stated)), but the figures imply \(computed) (gap \(gapText))"]
        } else {
            let others = zip(finding.related, relatedTexts).map { "\($1) (\($0.message))" }.joined(separator: ", ")
            implied = computed == relatedTexts.first && finding.related.count == 1 ? "\(computed) (\(finding.related[0].message))" : "\(computed) from \(others)"
            computation = Discrepancy.capped(["\(finding.primary.message): \(primaryText)"]
                + zip(finding.related, relatedTexts).map { "\($0.message): \($1) (\(place($0)))" })
                + ["stated \(evidence.stated), computed \(computed), gap \(gapText)"]
        }
    }

    /// The first lines of a computation that names every figure, and how many more there are:
    /// a summary repeats a finding's computation at each of its figures.
    static func capped(_ lines: [String]) -> [String] {
        guard lines.count > SumText.longest else { return lines }
        return Array(lines.prefix(SumText.longest - 1)) + ["… and \(lines.count - SumText.longest + 1) more"]
    }

    /// A part as a numeral when it is an exact number in words ("twenty-three" → "23"), as the
    /// checks write their sums; else as written ("about 40", "over 100").
    static func numeral(_ text: String) -> String {
        let figures = FigureRecognizer().figures(in: text)
        guard figures.count == 1, let figure = figures.first, figure.value.isExact, figure.bytes == 0..<text.utf8.count else { return text }
        return Interval.format(figure.stated)
    }

    /// Worst severity first, then the largest gap (findings without one after those with one),
    /// then reading order, so equal rows keep a stable place.
    public static func worstFirst(_ left: Discrepancy, _ right: Discrepancy) -> Bool {
        if left.severity != right.severity { return left.severity > right.severity }
        switch (left.gap, right.gap) {
        case let (l?, r?) where l != r: return l > r
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if left.report != right.report { return left.report < right.report }
        if left.location != right.location { return left.location < right.location }
        return left.index < right.index
    }
}
