import FactlintFigures

/// Events come in date order: a source is archived no earlier than it was published and
/// retrieved no earlier than it was archived; a law takes effect after it is adopted.
///
/// Each event is a template with one date slot. Within a scope unit, every pair of events
/// listed in that order is compared; a finding only when the earlier event's first
/// possible day is after the later event's last.
public struct OrderCheck: Check {
    public struct Event: Sendable {
        public var name: String
        public var template: Template
        public var slot: String
    }

    public var events: [Event]

    public var templates: [Template] { events.map(\.template) }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        // The dates of each event in each scope unit, in text order.
        var dates: [Int: [Int: [Int]]] = [:]
        for (eventIndex, matches) in context.matches.enumerated() {
            for match in matches {
                guard let (figureIndex, figure) = context.figure(match[events[eventIndex].slot]), figure.kind == .date else { continue }
                dates[context.unit(of: match), default: [:]][eventIndex, default: []].append(figureIndex)
            }
        }
        for unit in dates.keys.sorted() {
            guard let byEvent = dates[unit] else { continue }
            for first in events.indices {
                for second in events.indices where second > first {
                    for earlier in byEvent[first] ?? [] {
                        for later in byEvent[second] ?? [] where earlier != later {
                            let a = context.document.figures[earlier]
                            let b = context.document.figures[later]
                            outcome.checksRun += 1
                            outcome.usedFigures.formUnion([earlier, later])
                            guard CompareCheck.certainlyFails(a.value, .lessThanOrEqual, b.value) else { continue }
                            let values = [
                                "first": context.text(of: earlier), "second": context.text(of: later),
                                "first_event": events[first].name, "second_event": events[second].name,
                            ]
                            let fallback = "\(events[first].name) on \(context.text(of: earlier)) comes after \(events[second].name) on \(context.text(of: later))"
                            outcome.findings.append(Finding(
                                ruleID: context.rule.id, severity: context.rule.severity,
                                message: context.message(values, fallback: fallback),
                                primary: context.label(earlier, events[first].name),
                                related: [context.label(later, events[second].name)],
                                evidence: Evidence(stated: a.value, computed: b.value, gap: a.value.gap(to: b.value), isDate: true)
                            ))
                        }
                    }
                }
            }
        }
        return outcome
    }
}
