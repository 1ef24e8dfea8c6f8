import FactlintFigures

/// One figure against another, on numbers or dates: "31 of whom" cannot exceed the 23
/// referred; a law cannot enter into force before it is adopted.
///
/// Each template captures both sides. A side is a slot, or arithmetic over the template's
/// slots (`after - before`, for "from 36 to 47, an increase of 11"), worked out on intervals
/// so that every figure keeps its precision. The check fails only when no values the figures
/// allow satisfy the comparison.
public struct CompareCheck: Check {
    public var pairs: [Template]
    public var left: String
    public var right: String
    public var comparison: ComparisonOperator
    /// The sides read as expressions: a side that is one slot is `.fact(slot)`.
    let leftSide: Expression
    let rightSide: Expression

    /// - Parameters:
    ///   - left: a slot of every template, or arithmetic over their slots (`after - before`).
    ///   - right: the same, for the other side.
    /// - Throws: `ExpressionError` when a side is neither a slot nor arithmetic.
    public init(pairs: [Template], left: String, right: String, comparison: ComparisonOperator) throws {
        self.init(pairs: pairs, left: left, right: right, comparison: comparison,
                  leftSide: try ExpressionParser.parseArithmetic(left), rightSide: try ExpressionParser.parseArithmetic(right))
    }

    /// With the sides read already, as the rule reader does while it checks their slots.
    init(pairs: [Template], left: String, right: String, comparison: ComparisonOperator, leftSide: Expression, rightSide: Expression) {
        self.pairs = pairs
        self.left = left
        self.right = right
        self.comparison = comparison
        self.leftSide = leftSide
        self.rightSide = rightSide
    }

    public var templates: [Template] { pairs }

    public var describedTemplates: [(role: String, source: String)] {
        pairs.map { (role: "template", source: $0.source) }
    }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        // Both sides plain slots: the figures are compared as written, dates with dates.
        let isPlain = leftSide.name != nil && rightSide.name != nil
        for match in context.matches.joined() {
            guard !CompareCheck.startsInsideList(match, context) else { continue }
            func figures(_ name: String) -> [Int]? { context.figure(match[name]).map { [$0.index] } }
            var leftUsed: [Int] = []
            var rightUsed: [Int] = []
            guard let a = leftSide.interval(in: context.document, figures: figures, used: &leftUsed),
                  let b = rightSide.interval(in: context.document, figures: figures, used: &rightUsed),
                  let primary = leftUsed.first ?? rightUsed.first else { continue }
            let used = leftUsed + rightUsed
            // Dates compare with dates, and are never counted with.
            let isDate = context.document.figures[primary].kind == .date
            guard used.allSatisfy({ (context.document.figures[$0].kind == .date) == isDate }), !isDate || isPlain else { continue }
            outcome.checksRun += 1
            outcome.usedFigures.formUnion(used)
            guard CompareCheck.certainlyFails(a, comparison, b) else { continue }
            // A side that is one slot reads as written ("11"); arithmetic as its result ("11", "9 to 13").
            let leftText = leftSide.name != nil ? context.text(of: leftUsed[0]) : a.description
            let rightText = rightSide.name != nil ? context.text(of: rightUsed[0]) : b.description
            var values = ["left": leftText, "right": rightText, "op": comparison.rawValue]
            var slotOf: [Int: String] = [:]
            for (name, capture) in zip(match.names, match.captures) {
                guard let index = capture?.figure, used.contains(index) else { continue }
                values[name] = context.text(of: index)
                slotOf[index] = name
            }
            let fallback = !isPlain ? "\(left) is \(leftText), which should be \(comparison.phrase) \(right), \(rightText)"
                : isDate ? "\(leftText) should not be later than \(rightText)"
                : "\(leftText) should be \(comparison.phrase) \(rightText)"
            outcome.findings.append(Finding(
                ruleID: context.rule.id, severity: context.rule.severity,
                message: context.message(values, fallback: fallback),
                primary: context.label(primary, slotOf[primary] ?? "used here"),
                related: used.filter { $0 != primary }.map { context.label($0, slotOf[$0] ?? "used here") },
                evidence: Evidence(stated: a, computed: b, gap: a.gap(to: b), isDate: isDate)
            ))
        }
        return outcome
    }

    /// Whether a match opens on a figure that is one group of a list: in "110 victims,
    /// including 60 women, an increase from 92", the increase is the 110's, not the 60's.
    static func startsInsideList(_ match: TemplateMatch, _ context: CheckContext) -> Bool {
        let reader = ListReader(document: context.document, sentence: match.sentence, index: context.index)
        let first = match.items.lowerBound
        guard first > 0, reader.amountFigure(first) != nil else { return false }
        if reader.isMark(first - 1, "(") { return true }
        if [ListWord.including, .whom, .which, .them].contains(where: { reader.isWord(first - 1, $0) }) { return true }
        // "…, 50 women and 60 men, an increase from 92": a count after "and" or a comma that follows another count.
        guard reader.isWord(first - 1, .and) || reader.isMark(first - 1, ",") else { return false }
        return (2...5).contains { reader.amountFigure(first - $0) != nil }
    }

    /// Whether no value of `left` and `right` satisfies `left op right`.
    static func certainlyFails(_ left: Interval, _ comparison: ComparisonOperator, _ right: Interval) -> Bool {
        switch comparison {
        case .lessThanOrEqual: return !left.canBeBelow(right, strict: false)
        case .lessThan: return !left.canBeBelow(right, strict: true)
        case .greaterThanOrEqual: return !right.canBeBelow(left, strict: false)
        case .greaterThan: return !right.canBeBelow(left, strict: true)
        case .equal: return !left.overlaps(right)
        case .notEqual: return left.isExact && right.isExact && left == right
        }
    }
}
