import FactlintFigures

/// What happened when one of a rule's examples was linted with that rule alone.
public struct RuleExampleResult: Sendable, Hashable {
    /// How an example turned out.
    public enum Outcome: Sendable, Hashable {
        /// The example behaved as its list says.
        case passed
        /// A valid example gave findings; their messages.
        case foundFindings([String])
        /// A valid example gave no finding, but the rule never compared anything in it, so it shows nothing.
        case neverChecked
        /// An invalid example gave no finding.
        case noFinding
    }

    public var ruleID: String
    /// Whether the example is listed under `valid` (else `invalid`).
    public var isValid: Bool
    public var text: String
    public var outcome: Outcome

    public var passed: Bool { outcome == .passed }

    /// What went wrong, in words: "gave no finding", "gave 1 finding: …"; nil when it passed.
    public var failureDescription: String? {
        switch outcome {
        case .passed:
            return nil
        case .foundFindings(let messages):
            let count = messages.count == 1 ? "1 finding" : "\(messages.count) findings"
            return "gave \(count): \(messages.joined(separator: "; "))"
        case .neverChecked:
            return "was never checked: no template matched or nothing could be compared"
        case .noFinding:
            return "gave no finding"
        }
    }
}

/// The results of running the examples of a set of rules.
public struct RuleExampleReport: Sendable {
    public var results: [RuleExampleResult]
    /// The rules that have at least one example.
    public var rulesWithExamples: Int

    public var passed: Int { results.filter(\.passed).count }
    public var failures: [RuleExampleResult] { results.filter { !$0.passed } }
}

/// Runs the `examples:` of rules: every valid text must be checked by its rule and give no
/// finding; every invalid text must give at least one finding.
///
/// Each rule runs alone, so a finding or a check always belongs to the rule under test.
public struct RuleExampleRunner: Sendable {
    public var recognizer: FigureRecognizer

    public init(recognizer: FigureRecognizer = FigureRecognizer()) {
        self.recognizer = recognizer
    }

    /// The results of every example of every rule, in rule order, valid examples first.
    ///
    /// - Complexity: one lint of each example text with one rule.
    public func run(_ rules: [Rule]) -> RuleExampleReport {
        let results = rules.flatMap(run)
        let withExamples = rules.filter { !$0.examples.valid.isEmpty || !$0.examples.invalid.isEmpty }.count
        return RuleExampleReport(results: results, rulesWithExamples: withExamples)
    }

    /// The results of one rule's examples, valid ones first.
    public func run(_ rule: Rule) -> [RuleExampleResult] {
        let linter = Linter(rules: [rule], recognizer: recognizer)
        let valid = rule.examples.valid.map { result(of: $0, isValid: true, rule: rule, linter: linter) }
        let invalid = rule.examples.invalid.map { result(of: $0, isValid: false, rule: rule, linter: linter) }
        return valid + invalid
    }

    func result(of text: String, isValid: Bool, rule: Rule, linter: Linter) -> RuleExampleResult {
        let document = Document(source: SourceFile(path: "example.md", text: text), recognizer: recognizer)
        let report = linter.lint(document)
        let findings = report.findings.filter { $0.ruleID == rule.id }
        let outcome: RuleExampleResult.Outcome
        if isValid {
            outcome = !findings.isEmpty ? .foundFindings(findings.map(\.message)) : report.checksRun == 0 ? .neverChecked : .passed
        } else {
            outcome = findings.isEmpty ? .noFinding : .passed
        }
        return RuleExampleResult(ruleID: rule.id, isValid: isValid, text: text, outcome: outcome)
    }
}

extension RuleSet {
    /// The loaded rule with this id.
    public func rule(withID id: String) -> Rule? {
        rules.first { $0.id == id }
    }

    /// The loaded rule id closest to a mistyped one, for "did you mean …?".
    public func closestRuleID(to id: String) -> String? {
        Suggestion.closest(to: id, among: rules.map(\.id))
    }
}
