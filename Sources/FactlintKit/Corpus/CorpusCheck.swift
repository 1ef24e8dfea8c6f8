import FactlintFigures

/// Holds the statements of each corpus-scope fact against each other across the reports of a
/// run: "convictions in 2021" given as 84 in one report and 91 in another is a finding that
/// names every place the fact is stated and the value each gives.
public enum CorpusCheck {
    /// What comparing the corpus facts produced.
    public struct Outcome: Sendable {
        public var findings: [Finding] = []
        /// The lines the findings quote, by path and line number.
        public var lines: [String: [Int: QuotedLine]] = [:]
        public var checksRun = 0
    }

    /// The findings about facts stated differently in different reports.
    ///
    /// Statements within one report are left to the rule's own check, which runs per document;
    /// here a fact is reported when two reports disagree on it. The finding is placed at the
    /// first statement that disagrees with a statement made earlier in another report (reports
    /// in the order of the run), and every other statement of the fact is a related place.
    ///
    /// - Parameters:
    ///   - facts: every report's corpus facts, in the order of the run.
    ///   - rules: the rules that ran, for severities, tolerances and messages.
    /// - Complexity: O(n²) in the statements of one fact, O(n) over facts otherwise.
    public static func evaluate(_ facts: [CorpusFact], rules: [Rule]) -> Outcome {
        var outcome = Outcome()
        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Group by rule and key, keeping the order in which facts were first stated.
        var groups: [[CorpusFact]] = []
        var groupIndex: [String: Int] = [:]
        for fact in facts {
            let id = ([fact.rule] + fact.key).joined(separator: "\u{1F}")
            if let index = groupIndex[id] {
                groups[index].append(fact)
            } else {
                groupIndex[id] = groups.count
                groups.append([fact])
            }
        }
        for group in groups {
            guard let rule = rulesByID[group[0].rule], Set(group.map(\.path)).count > 1 else { continue }
            var conflict: (stated: CorpusFact, other: CorpusFact)?
            for (position, fact) in group.enumerated() {
                for earlier in group[..<position] where earlier.path != fact.path {
                    guard let agrees = earlier.agrees(with: fact) else { continue }
                    outcome.checksRun += 1
                    if !agrees, conflict == nil { conflict = (fact, earlier) }
                }
            }
            guard let (stated, other) = conflict else { continue }
            var evidence: Evidence?
            if let statedValue = stated.interval, let otherValue = other.interval {
                evidence = Evidence(stated: statedValue, computed: otherValue, gap: statedValue.gap(to: otherValue), isDate: stated.isDate)
            }
            if rule.tolerates(evidence) { continue }
            let places = group.map { "\($0.text) in \($0.path):\($0.label.span.start.line)" }
            let key = stated.key.joined(separator: ", ")
            var values = stated.bindings
            values.merge([
                "key": key, "value": stated.text, "other": other.text,
                "line": String(other.label.span.start.line), "file": other.path, "places": places.joined(separator: "; "),
            ]) { $1 }
            let fallback = "\(key) is given as \(stated.text) here, but as \(other.text) in \(other.path):\(other.label.span.start.line) (\(places.joined(separator: "; ")))"
            let message = rule.message.map { MessageTemplate.render($0, values: values) } ?? fallback
            var primary = stated.label
            primary.message = "stated as \(stated.text) here"
            let related = group.filter { $0 != stated }.map { fact -> Label in
                var label = fact.label
                label.message = "stated as \(fact.text)"
                return label
            }
            var finding = Finding(ruleID: rule.id, severity: rule.severity, message: message, primary: primary, related: related, evidence: evidence)
            finding.severity = rule.severity(for: evidence)
            outcome.findings.append(finding)
            for fact in group { outcome.lines[fact.path, default: [:]][fact.line.number] = fact.line }
        }
        outcome.findings.sort(by: Finding.inReadingOrder)
        return outcome
    }
}
