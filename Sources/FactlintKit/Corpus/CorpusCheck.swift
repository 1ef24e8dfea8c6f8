import FactlintFigures

/// Holds the statements of each corpus-scope fact against each other across the reports of a
/// run: "convictions in 2021" given as 84 in one report and 91 in another is a finding that
/// names the places the fact is stated and the value each gives.
public enum CorpusCheck {
    /// What comparing the corpus facts produced.
    public struct Outcome: Sendable {
        public var findings: [Finding] = []
        /// The lines the findings quote, by path and line number.
        public var lines: [String: [Int: QuotedLine]] = [:]
        public var checksRun = 0
    }

    /// How many statements of one value a finding names before it counts the rest: an archive
    /// may hold thousands of reports that give the same figure, and the editor needs the few
    /// that differ, not a list of every one that agrees.
    public static let placesPerValue = 5

    /// The findings about facts stated differently in different reports: `CorpusFacts` given
    /// every statement at once.
    ///
    /// - Parameters:
    ///   - facts: every report's corpus facts, in the order of the run.
    ///   - rules: the rules that ran, for severities, tolerances and messages.
    public static func evaluate(_ facts: [CorpusFact], rules: [Rule]) -> Outcome {
        var kept = CorpusFacts()
        kept.add(facts)
        return kept.evaluate(rules: rules)
    }
}

/// The statements of corpus-scope facts across the reports of a run, held against each other
/// as each report's statements arrive, so that what is kept does not grow with the reports that
/// agree: for each value given for a fact, its first `CorpusCheck.placesPerValue` statements
/// and counts, and the first disagreement.
///
/// Statements within one report are left to the rule's own check, which runs per document;
/// here a fact is reported when two reports disagree on it. The finding is placed at the
/// first statement that disagrees with a statement made earlier in another report (reports in
/// the order of the run). Its related places are the other statements of the fact, up to
/// `placesPerValue` for each value given (always with the statement it disagrees with); the
/// message counts the statements left out.
public struct CorpusFacts: Sendable {
    private var groups: [Group] = []
    /// Each group's index, by rule and key.
    private var groupIndex: [String: Int] = [:]

    public init() {}

    /// How many statements are held whole, to be named in a finding; the rest are counted.
    var statementsKept: Int {
        groups.reduce(0) { total, group in
            total + group.values.reduce(0) { $0 + $1.kept.count + ($1.fromOtherReport == nil ? 0 : 1) } + (group.conflict == nil ? 0 : 1)
        }
    }

    /// Takes in statements, in the order of the run.
    ///
    /// - Complexity: O(d) per statement, for the d different values given for its fact so far.
    public mutating func add(_ facts: [CorpusFact]) {
        for fact in facts {
            let id = ([fact.rule] + fact.key).joined(separator: "\u{1F}")
            if let index = groupIndex[id] {
                groups[index].add(fact)
            } else {
                groupIndex[id] = groups.count
                var group = Group(rule: fact.rule)
                group.add(fact)
                groups.append(group)
            }
        }
    }

    /// The findings about facts stated differently in different reports.
    ///
    /// - Parameter rules: the rules that ran, for severities, tolerances and messages.
    public func evaluate(rules: [Rule]) -> CorpusCheck.Outcome {
        var outcome = CorpusCheck.Outcome()
        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for group in groups {
            guard let rule = rulesByID[group.rule] else { continue }
            outcome.checksRun += group.checksRun
            guard let (stated, other) = group.conflict else { continue }
            var evidence: Evidence?
            if let statedValue = stated.fact.interval, let otherValue = other.fact.interval {
                evidence = Evidence(stated: statedValue, computed: otherValue, gap: statedValue.gap(to: otherValue), isDate: stated.fact.isDate)
            }
            if rule.tolerates(evidence) { continue }
            let shown = group.shown
            let places = shown.map { "\($0.fact.text) in \($0.fact.path):\($0.fact.label.span.start.line)" } + group.leftOut(of: shown)
            let key = stated.fact.key.joined(separator: ", ")
            let (otherLine, otherPath) = (other.fact.label.span.start.line, other.fact.path)
            var values = stated.fact.bindings
            values.merge([
                "key": key, "value": stated.fact.text, "other": other.fact.text,
                "line": String(otherLine), "file": otherPath, "places": places.joined(separator: "; "),
            ]) { $1 }
            let fallback = "\(key) is given as \(stated.fact.text) here, but as \(other.fact.text) in \(otherPath):\(otherLine) (\(places.joined(separator: "; ")))"
            let message = rule.message.map { MessageTemplate.render($0, values: values) } ?? fallback
            var primary = stated.fact.label
            primary.message = "stated as \(stated.fact.text) here"
            let related = shown.filter { $0.position != stated.position }.map { statement -> Label in
                var label = statement.fact.label
                label.message = "stated as \(statement.fact.text)"
                return label
            }
            var finding = Finding(ruleID: rule.id, severity: rule.severity, message: message, primary: primary, related: related, evidence: evidence)
            finding.severity = rule.severity(for: evidence)
            outcome.findings.append(finding)
            for statement in shown { outcome.lines[statement.fact.path, default: [:]][statement.fact.line.number] = statement.fact.line }
        }
        outcome.findings.sort(by: Finding.inReadingOrder)
        return outcome
    }

    /// The statements of one fact (one rule, one key), taken one value at a time: two statements
    /// of the same value always agree, so each statement is held against the values stated
    /// before it rather than against every earlier statement.
    struct Group: Sendable {
        /// A value as `CorpusFact.agrees(with:)` reads it.
        struct Value: Hashable, Sendable {
            var interval: Interval?
            var isDate: Bool
            var words: String?
        }

        /// A statement kept to be named in a finding.
        struct Kept: Sendable {
            /// Where it came among the fact's statements.
            let position: Int
            /// Which value it gives, an index into `values`.
            let value: Int
            let fact: CorpusFact
        }

        /// The statements that give one value.
        struct Statements: Sendable {
            /// The first `placesPerValue`, in the order of the run.
            var kept: [Kept] = []
            /// The first from a report other than the first statement's.
            var fromOtherReport: Kept?
            var count = 0
            var countByPath: [String: Int] = [:]
        }

        let rule: String
        /// How many statements the group has taken in.
        private(set) var count = 0
        /// Each value in the order first stated.
        private(set) var values: [Statements] = []
        private var valueIndex: [Value: Int] = [:]
        /// Whether the first statements of two values agree (nil: they cannot be compared), by
        /// `earlier << 32 | later`.
        private var agreement: [Int: Bool?] = [:]
        /// The pairs of statements from different reports that could be compared.
        private(set) var checksRun = 0
        /// The first statement that disagrees with an earlier one from another report, and the
        /// earliest such statement.
        private(set) var conflict: (stated: Kept, other: Kept)?

        init(rule: String) {
            self.rule = rule
        }

        mutating func add(_ fact: CorpusFact) {
            let key = Value(interval: fact.interval, isDate: fact.isDate, words: fact.words)
            let value = valueIndex[key] ?? values.count
            if value == values.count {
                valueIndex[key] = value
                values.append(Statements())
            }
            var earliest: Kept?
            for earlier in values.indices where values[earlier].count > 0 {
                let first = values[earlier].kept[0]
                let pair = earlier << 32 | value
                let agrees: Bool?
                if let known = agreement[pair] {
                    agrees = known
                } else {
                    agrees = first.fact.agrees(with: fact)
                    agreement[pair] = agrees
                }
                guard let agrees else { continue }
                let fromOthers = values[earlier].count - values[earlier].countByPath[fact.path, default: 0]
                guard fromOthers > 0 else { continue }
                checksRun += fromOthers
                if !agrees, conflict == nil {
                    // The earliest statement of that value made in another report.
                    let candidate = first.fact.path != fact.path ? first : values[earlier].fromOtherReport ?? first
                    if earliest.map({ candidate.position < $0.position }) ?? true { earliest = candidate }
                }
            }
            let statement = Kept(position: count, value: value, fact: fact)
            count += 1
            if conflict == nil, let earliest { conflict = (statement, earliest) }
            values[value].count += 1
            values[value].countByPath[fact.path, default: 0] += 1
            if values[value].kept.count < CorpusCheck.placesPerValue { values[value].kept.append(statement) }
            if values[value].fromOtherReport == nil, values[value].kept[0].fact.path != fact.path {
                values[value].fromOtherReport = statement
            }
        }

        /// The statements a finding names, in the order of the run: the first
        /// `placesPerValue` of each value, and the two that disagree.
        var shown: [Kept] {
            var byPosition: [Int: Kept] = [:]
            for statements in values {
                for statement in statements.kept { byPosition[statement.position] = statement }
            }
            if let (stated, other) = conflict {
                byPosition[stated.position] = stated
                byPosition[other.position] = other
            }
            return byPosition.keys.sorted().compactMap { byPosition[$0] }
        }

        /// For each value with statements that `shown` leaves out, how many: "3 more statements of 84".
        func leftOut(of shown: [Kept]) -> [String] {
            var shownCount = [Int](repeating: 0, count: values.count)
            for statement in shown { shownCount[statement.value] += 1 }
            return values.indices.compactMap { value in
                let hidden = values[value].count - shownCount[value]
                guard hidden > 0 else { return nil }
                return "\(hidden) more statement\(hidden == 1 ? "" : "s") of \(values[value].kept[0].fact.text)"
            }
        }
    }
}
