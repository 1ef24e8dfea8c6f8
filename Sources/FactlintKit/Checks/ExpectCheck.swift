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
                  let a = evaluate(left, byFact, context, &used), let b = evaluate(right, byFact, context, &used) else { continue }
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

    /// The interval an expression allows, or nil when it cannot be decided in this unit.
    func evaluate(_ expression: Expression, _ facts: [String: [Int]], _ context: CheckContext, _ used: inout [Int]) -> Interval? {
        switch expression {
        case .number(let value):
            return .exactly(value)
        case .fact(let name, _):
            guard let figures = facts[name], figures.count == 1 else { return nil }
            used.append(figures[0])
            return context.document.figures[figures[0]].value
        case .negate(let inner):
            guard let value = evaluate(inner, facts, context, &used) else { return nil }
            return Interval(lower: -value.upper, upper: -value.lower, lowerIsClosed: value.upperIsClosed, upperIsClosed: value.lowerIsClosed)
        case .binary(let op, let left, let right):
            guard let a = evaluate(left, facts, context, &used), let b = evaluate(right, facts, context, &used) else { return nil }
            return ExpectCheck.apply(op, a, b)
        case .compare:
            return nil
        case .call(let function, let name, _):
            let figures = facts[name] ?? []
            if function == .count { return .exactly(Double(figures.count)) }
            guard !figures.isEmpty else { return nil }
            used.append(contentsOf: figures)
            let intervals = figures.map { context.document.figures[$0].value }
            switch function {
            case .sum: return intervals.reduce(Interval.exactly(0), +)
            case .min: return Interval(lower: intervals.map(\.lower).min() ?? 0, upper: intervals.map(\.upper).min() ?? 0)
            case .max: return Interval(lower: intervals.map(\.lower).max() ?? 0, upper: intervals.map(\.upper).max() ?? 0)
            case .count: return nil
            }
        }
    }

    /// Interval arithmetic; division by an interval that holds zero cannot be decided.
    static func apply(_ op: Expression.Operator, _ a: Interval, _ b: Interval) -> Interval? {
        switch op {
        case .add:
            return a + b
        case .subtract:
            return Interval(lower: a.lower - b.upper, upper: a.upper - b.lower)
        case .multiply:
            let products = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper].filter { !$0.isNaN }
            guard let low = products.min(), let high = products.max() else { return nil }
            return Interval(lower: low, upper: high)
        case .divide:
            guard !b.contains(0), b.lower.isFinite || b.upper.isFinite else { return nil }
            let quotients = [a.lower / b.lower, a.lower / b.upper, a.upper / b.lower, a.upper / b.upper].filter { !$0.isNaN }
            guard let low = quotients.min(), let high = quotients.max() else { return nil }
            return Interval(lower: low, upper: high)
        }
    }
}
