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
        self.pairs = pairs
        self.left = left
        self.right = right
        self.comparison = comparison
        leftSide = try ExpressionParser.parseArithmetic(left)
        rightSide = try ExpressionParser.parseArithmetic(right)
    }

    public var templates: [Template] { pairs }

    public var describedTemplates: [(role: String, source: String)] {
        pairs.map { (role: "template", source: $0.source) }
    }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        for match in context.matches.joined() {
            guard !CompareCheck.startsInsideList(match, context) else { continue }
            if let leftName = leftSide.name, let rightName = rightSide.name {
                compare(leftName, rightName, in: match, context, into: &outcome)
            } else {
                compareArithmetic(in: match, context, into: &outcome)
            }
        }
        return outcome
    }

    /// Two slots, numbers or dates.
    private func compare(_ leftName: String, _ rightName: String, in match: TemplateMatch, _ context: CheckContext, into outcome: inout CheckOutcome) {
        guard let (leftIndex, leftFigure) = context.figure(match[leftName]),
              let (rightIndex, rightFigure) = context.figure(match[rightName]),
              (leftFigure.kind == .date) == (rightFigure.kind == .date) else { return }
        outcome.checksRun += 1
        outcome.usedFigures.formUnion([leftIndex, rightIndex])
        guard CompareCheck.certainlyFails(leftFigure.value, comparison, rightFigure.value) else { return }
        let leftText = context.text(of: leftIndex)
        let rightText = context.text(of: rightIndex)
        var values = ["left": leftText, "right": rightText, "op": comparison.rawValue]
        values[leftName] = leftText
        values[rightName] = rightText
        let fallback = leftFigure.kind == .date
            ? "\(leftText) should not be later than \(rightText)"
            : "\(leftText) should be \(comparison.phrase) \(rightText)"
        outcome.findings.append(Finding(
            ruleID: context.rule.id, severity: context.rule.severity,
            message: context.message(values, fallback: fallback),
            primary: context.label(leftIndex, leftName),
            related: [context.label(rightIndex, rightName)],
            evidence: Evidence(stated: leftFigure.value, computed: rightFigure.value, gap: leftFigure.value.gap(to: rightFigure.value), isDate: leftFigure.kind == .date)
        ))
    }

    /// Arithmetic on one side or both, over figures that are not dates.
    private func compareArithmetic(in match: TemplateMatch, _ context: CheckContext, into outcome: inout CheckOutcome) {
        func figures(_ name: String) -> [Int]? {
            guard let (index, figure) = context.figure(match[name]), figure.kind != .date else { return nil }
            return [index]
        }
        var leftUsed: [Int] = []
        var rightUsed: [Int] = []
        guard let a = leftSide.interval(in: context.document, figures: figures, used: &leftUsed),
              let b = rightSide.interval(in: context.document, figures: figures, used: &rightUsed),
              let primary = leftUsed.first ?? rightUsed.first else { return }
        outcome.checksRun += 1
        outcome.usedFigures.formUnion(leftUsed + rightUsed)
        guard CompareCheck.certainlyFails(a, comparison, b) else { return }
        // A side that is one slot reads as written ("11"); arithmetic as its result ("11", "9 to 13").
        let leftText = leftSide.name != nil ? context.text(of: leftUsed[0]) : a.description
        let rightText = rightSide.name != nil ? context.text(of: rightUsed[0]) : b.description
        var values = ["left": leftText, "right": rightText, "op": comparison.rawValue]
        var slotOf: [Int: String] = [:]
        for (name, capture) in zip(match.names, match.captures) {
            guard let index = capture?.figure else { continue }
            values[name] = context.text(of: index)
            slotOf[index] = name
        }
        let related = (leftUsed + rightUsed).filter { $0 != primary }
        outcome.findings.append(Finding(
            ruleID: context.rule.id, severity: context.rule.severity,
            message: context.message(values, fallback: "\(left) is \(leftText), which should be \(comparison.phrase) \(right), \(rightText)"),
            primary: context.label(primary, slotOf[primary] ?? "used here"),
            related: related.map { context.label($0, slotOf[$0] ?? "used here") },
            evidence: Evidence(stated: a, computed: b, gap: a.gap(to: b))
        ))
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
