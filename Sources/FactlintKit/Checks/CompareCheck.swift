import FactlintFigures

/// One figure against another, on numbers or dates: "31 of whom" cannot exceed the 23
/// referred; a law cannot enter into force before it is adopted.
///
/// Each template captures both sides. The check fails only when no values the two figures
/// allow satisfy the comparison.
public struct CompareCheck: Check {
    public var pairs: [Template]
    public var left: String
    public var right: String
    public var comparison: ComparisonOperator

    public var templates: [Template] { pairs }

    public var describedTemplates: [(role: String, source: String)] {
        pairs.map { (role: "template", source: $0.source) }
    }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        for match in context.matches.joined() {
            guard let (leftIndex, leftFigure) = context.figure(match[left]),
                  let (rightIndex, rightFigure) = context.figure(match[right]),
                  (leftFigure.kind == .date) == (rightFigure.kind == .date) else { continue }
            outcome.checksRun += 1
            outcome.usedFigures.formUnion([leftIndex, rightIndex])
            guard CompareCheck.certainlyFails(leftFigure.value, comparison, rightFigure.value) else { continue }
            let leftText = context.text(of: leftIndex)
            let rightText = context.text(of: rightIndex)
            var values = ["left": leftText, "right": rightText, "op": comparison.rawValue]
            values[left] = leftText
            values[right] = rightText
            let fallback = leftFigure.kind == .date
                ? "\(leftText) should not be later than \(rightText)"
                : "\(leftText) should be \(comparison.phrase) \(rightText)"
            outcome.findings.append(Finding(
                ruleID: context.rule.id, severity: context.rule.severity,
                message: context.message(values, fallback: fallback),
                primary: context.label(leftIndex, left),
                related: [context.label(rightIndex, right)],
                evidence: Evidence(stated: leftFigure.value, computed: rightFigure.value, gap: leftFigure.value.gap(to: rightFigure.value), isDate: leftFigure.kind == .date)
            ))
        }
        return outcome
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
