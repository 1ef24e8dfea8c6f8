import FactlintFigures

/// A figure lies within bounds: fixed bounds from the rule (`min`, `max`), or bounds the
/// report itself states ("penalties of two to 12 years’ imprisonment" for each sentence
/// imposed in the same scope).
///
/// Where the scope states several bounds (for adult and for child victims), a value need
/// only fit one of them: their union is the allowed range.
public struct RangeCheck: Check {
    public var values: [Template]
    public var valueSlot: String
    public var bounds: [Template]
    public var boundsSlot: String?
    public var minimum: Double?
    public var maximum: Double?

    public var templates: [Template] { values + bounds }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    /// A value is judged against the bounds stated near it, when the rule reads bounds from the
    /// text: then a report needs both.
    public var requiredMatches: [Range<Int>] {
        boundsSlot == nil ? [] : Self.consecutiveGroups(values.count, bounds.count)
    }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        let valueMatches = context.matches.prefix(values.count).joined()
        let boundMatches = context.matches.dropFirst(values.count).joined()
        // The allowed range in each scope unit: the union of the bounds stated there.
        var allowed: [Int: (interval: Interval, figures: [Int])] = [:]
        if let boundsSlot {
            for match in boundMatches {
                guard let (index, figure) = context.figure(match[boundsSlot]), figure.qualifier != .exact || !figure.value.isExact else { continue }
                let unit = context.unit(of: match)
                var bound = figure.value
                if figure.qualifier == .atMost || figure.qualifier == .lessThan { bound.lower = 0 }
                if let existing = allowed[unit] {
                    let union = Interval(lower: min(existing.interval.lower, bound.lower), upper: max(existing.interval.upper, bound.upper))
                    allowed[unit] = (union, existing.figures + [index])
                } else {
                    allowed[unit] = (bound, [index])
                }
            }
        }
        for match in valueMatches {
            guard let (index, figure) = context.figure(match[valueSlot]) else { continue }
            var range = Interval(lower: minimum ?? -.infinity, upper: maximum ?? .infinity)
            var boundFigures: [Int] = []
            if boundsSlot != nil {
                guard let stated = allowed[context.unit(of: match)] else { continue }
                range = range.intersection(stated.interval)
                boundFigures = stated.figures
            }
            guard !boundFigures.contains(index) else { continue }
            outcome.checksRun += 1
            outcome.usedFigures.insert(index)
            outcome.usedFigures.formUnion(boundFigures)
            // A finding only when every value the figure allows lies outside the range.
            guard !figure.value.overlaps(range) else { continue }
            let boundsText = boundFigures.map { context.text(of: $0) }.joined(separator: ", ")
            let rangeText = boundFigures.isEmpty ? range.description : boundsText
            var values = ["value": context.text(of: index), "bounds": rangeText]
            values[valueSlot] = context.text(of: index)
            let fallback = "\(context.text(of: index)) lies outside \(rangeText)"
            outcome.findings.append(Finding(
                ruleID: context.rule.id, severity: context.rule.severity,
                message: context.message(values, fallback: fallback),
                primary: context.label(index, "value"),
                related: boundFigures.map { context.label($0, "bounds") },
                evidence: Evidence(stated: figure.value, computed: range, gap: figure.value.gap(to: range))
            ))
        }
        return outcome
    }
}
