import FactlintFigures

/// Two facts stated apart, joined by a shared key and compared: convictions in 2007 no more
/// than prosecutions in 2007, wherever in the scope each is stated.
public struct KeyedCompareCheck: Check {
    public var left: [Template]
    public var leftSlot: String
    public var right: [Template]
    public var rightSlot: String
    public var keys: [String]
    public var comparison: ComparisonOperator

    public var templates: [Template] { left + right }

    public var describedTemplates: [(role: String, source: String)] {
        left.map { (role: "left", source: $0.source) } + right.map { (role: "right", source: $0.source) }
    }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    /// A finding compares a left match with a right one: a report needs both.
    public var requiredMatches: [Range<Int>] { Self.consecutiveGroups(left.count, right.count) }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        let lefts = context.matches.prefix(left.count).joined()
        // The right matches by scope unit and key, in reading order: a left match meets only its
        // own, so a report with many of both is not compared all against all.
        var rights: [UnitKey: [TemplateMatch]] = [:]
        for rightMatch in context.matches.dropFirst(left.count).joined() {
            guard let key = key(of: rightMatch, context) else { continue }
            rights[UnitKey(unit: context.unit(of: rightMatch), key: key), default: []].append(rightMatch)
        }
        for leftMatch in lefts {
            guard let (leftIndex, leftFigure) = context.figure(leftMatch[leftSlot]), let leftKey = key(of: leftMatch, context) else { continue }
            for rightMatch in rights[UnitKey(unit: context.unit(of: leftMatch), key: leftKey)] ?? [] {
                guard let (rightIndex, rightFigure) = context.figure(rightMatch[rightSlot]), rightIndex != leftIndex,
                      (leftFigure.kind == .date) == (rightFigure.kind == .date) else { continue }
                outcome.checksRun += 1
                outcome.usedFigures.formUnion([leftIndex, rightIndex])
                guard CompareCheck.certainlyFails(leftFigure.value, comparison, rightFigure.value) else { continue }
                let leftText = context.text(of: leftIndex)
                let rightText = context.text(of: rightIndex)
                var values = ["left": leftText, "right": rightText, "op": comparison.rawValue, "key": leftKey.joined(separator: ", ")]
                values[leftSlot] = leftText
                for (name, binding) in leftMatch.bindings where values[name] == nil { values[name] = binding.text }
                let fallback = "\(leftText) should be \(comparison.phrase) \(rightText) for \(leftKey.joined(separator: ", "))"
                outcome.findings.append(Finding(
                    ruleID: context.rule.id, severity: context.rule.severity,
                    message: context.message(values, fallback: fallback),
                    primary: context.label(leftIndex, "left"),
                    related: [context.label(rightIndex, "right")],
                    evidence: Evidence(stated: leftFigure.value, computed: rightFigure.value, gap: leftFigure.value.gap(to: rightFigure.value), isDate: leftFigure.kind == .date)
                ))
            }
        }
        return outcome
    }

    /// The join key of a match: each key slot's figure value or normalised words.
    func key(of match: TemplateMatch, _ context: CheckContext) -> [String]? {
        var parts: [String] = []
        for name in keys {
            guard let binding = match[name] else { return nil }
            if let (_, figure) = context.figure(binding) {
                parts.append(figure.valueDescription)
            } else {
                parts.append(SameCheck.normalisedKey(binding.key))
            }
        }
        return parts
    }
}
