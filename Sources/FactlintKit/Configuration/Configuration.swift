/// The lowest severity of finding that fails a run, or `never`.
public enum FailLevel: String, Sendable, CaseIterable {
    case error, warning, info, never

    /// The severity from which a finding fails the run; nil for `never`.
    public var threshold: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .info: return .info
        case .never: return nil
        }
    }
}

/// What a `.factlint.yml` file says: the defaults of a run, each key optional.
///
/// Paths are already resolved against the folder of the file, so they can be used as they are.
public struct Configuration: Sendable {
    /// A rule id named in `disable`, `enable` or `severity`, and where, so an unknown id can be reported.
    public struct RuleReference: Sendable {
        public var id: String
        public var key: String
        public var location: SourceLocation?
    }

    /// The file the configuration was read from; nil when none was found.
    public var file: String?
    /// Report paths, used when none are given on the command line.
    public var paths: [String]?
    /// Rule files or folders, used when `--rules` is not given.
    public var rules: [String]?
    /// Rule ids that do not run.
    public var disable: [String] = []
    /// When present, the only rule ids that run.
    public var enable: [String]?
    /// Severities that replace the rules' own, by rule id.
    public var severity: [String: Severity] = [:]
    /// The lowest severity that fails a run, unless `--fail-on` says otherwise.
    public var failOn: FailLevel?
    /// The extensions of report files found in folders.
    public var extensions: Set<String> = ReportPaths.defaultExtensions
    /// Every rule id the file names, for `diagnostics(forRuleIDs:)`.
    public var ruleReferences: [RuleReference] = []
    /// The text of the file, for the caret snippets of later diagnostics.
    var text = ""

    public init() {}

    /// Diagnostics for each rule id named in the file that no loaded rule has.
    ///
    /// - Parameter known: the ids of the rules loaded.
    public func diagnostics(forRuleIDs known: [String]) -> [Diagnostic] {
        let ids = Set(known)
        return ruleReferences.filter { !ids.contains($0.id) }.map { reference in
            let suggestion = Suggestion.closest(to: reference.id, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            return Diagnostic(
                path: file ?? ".factlint.yml", location: reference.location,
                message: "'\(reference.key)' names rule '\(reference.id)', which no rule file defines\(suggestion)",
                help: "`factlint rules list` shows the ids of the rules loaded",
                sourceLine: reference.location.flatMap { RuleReader.line(text, $0.line) }
            )
        }
    }

    /// The rules that run under this configuration, with their severities overridden.
    ///
    /// `enable` (when present) keeps only the rules it names; `disable` then drops rules.
    public func applied(to rules: [Rule]) -> [Rule] {
        let enabled = enable.map(Set.init)
        let disabled = Set(disable)
        return rules.compactMap { rule in
            if let enabled, !enabled.contains(rule.id) { return nil }
            if disabled.contains(rule.id) { return nil }
            var rule = rule
            if let severity = severity[rule.id] { rule.severity = severity }
            return rule
        }
    }
}
