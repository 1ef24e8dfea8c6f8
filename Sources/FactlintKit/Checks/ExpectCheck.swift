import FactlintFigures

/// The escape hatch: an expectation over named facts, evaluated with interval arithmetic.
///
/// Each fact is a template whose figure slot (`value`, or its only figure) gives one value per
/// match. In each scope unit, a fact used on its own must have exactly one value there, and
/// `sum`, `count`, `min`, `max` take all of them. A finding only when the expectation is false
/// for every value the figures allow; a fact missing from the unit leaves it undecided.
public struct ExpectCheck: Check {
    public struct Fact: Sendable {
        public var name: String
        public var templates: [Template]
        public var slot: String
    }

    public var facts: [Fact]
    var expectation: Expression
    public var source: String

    public var templates: [Template] { facts.flatMap(\.templates) }

    public var describedTemplates: [(role: String, source: String)] {
        facts.flatMap { fact in fact.templates.map { (role: fact.name, source: $0.source) } }
    }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        // The figures of each fact in each scope unit.
        var values: [Int: [String: [Int]]] = [:]
        var templateIndex = 0
        for fact in facts {
            for _ in fact.templates {
                for match in context.matches[templateIndex] {
                    guard let (index, _) = context.figure(match[fact.slot]) else { continue }
                    values[context.unit(of: match), default: [:]][fact.name, default: []].append(index)
                }
                templateIndex += 1
            }
        }
        for unit in values.keys.sorted() {
            guard let byFact = values[unit] else { continue }
            var used: [Int] = []
            guard case .compare(let comparison, let left, let right) = expectation,
                  let a = left.interval(in: context.document, figures: { byFact[$0] }, used: &used),
                  let b = right.interval(in: context.document, figures: { byFact[$0] }, used: &used) else { continue }
            outcome.checksRun += 1
            outcome.usedFigures.formUnion(used)
            guard CompareCheck.certainlyFails(a, comparison, b), let primary = used.first else { continue }
            var message = ["left": a.description, "right": b.description, "expect": source]
            for (name, figures) in byFact where figures.count == 1 { message[name] = context.text(of: figures[0]) }
            outcome.findings.append(Finding(
                ruleID: context.rule.id, severity: context.rule.severity,
                message: context.message(message, fallback: "expected \(source), but \(a) is not \(comparison.phrase) \(b)"),
                primary: context.label(primary, "used here"),
                related: used.dropFirst().map { context.label($0, "used here") },
                evidence: Evidence(stated: a, computed: b, gap: a.gap(to: b))
            ))
        }
        return outcome
    }
}
