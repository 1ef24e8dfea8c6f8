import Foundation

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
    /// When present, only report files matching one of these patterns are linted.
    public var include: [String]?
    /// Report files matching one of these patterns are not linted.
    public var exclude: [String] = []
    /// Gaps small enough to let pass, for every rule.
    public var tolerance: Tolerance?
    /// The baseline file used when `--baseline` is not given.
    public var baseline: String?
    /// Settings for the reports matching some patterns, applied in order after the rest.
    public var overrides: [Override] = []
    /// The caps on reports and rule files, the standard ones unless `limits:` raises them.
    public var limits = Limits.standard
    /// Every rule id the file names, for `diagnostics(forRuleIDs:)`.
    public var ruleReferences: [RuleReference] = []
    /// The text of the file, for the caret snippets of later diagnostics.
    var text = ""

    /// The hash of the file's path and text: what every setting was read from.
    public var sourceHash: ContentHash {
        var hash = ContentHash()
        hash.combine(file ?? "")
        hash.combine(text)
        return hash
    }

    public init() {}

    /// The folder patterns are taken from: the configuration file's, else the working directory.
    public var folder: String {
        guard let file else { return "." }
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Whether `include` and `exclude` let a report file be linted.
    public func selects(_ path: String) -> Bool {
        if let include, !include.contains(where: { matches($0, path) }) { return false }
        return !exclude.contains { matches($0, path) }
    }

    /// The overrides whose `files` patterns match a report, in the order the file gives them.
    public func overrides(for path: String) -> [Int] {
        overrides.indices.filter { index in overrides[index].files.contains { matches($0, path) } }
    }

    /// Whether a pattern of this file matches a report path.
    ///
    /// Patterns are taken from the configuration's folder; one without a `/` matches the file's
    /// name in any folder, as in `.gitignore`.
    func matches(_ pattern: String, _ path: String) -> Bool {
        let relative = Configuration.relative(path, to: folder)
        let anchored = pattern.contains("/") ? (pattern.hasPrefix("/") ? String(pattern.dropFirst()) : pattern) : "**/" + pattern
        let cleaned = anchored.hasPrefix("./") ? String(anchored.dropFirst(2)) : anchored
        return ReportPaths.matches(cleaned, relative)
    }

    /// `path` relative to `folder` when it lies below it, else `path` made absolute.
    static func relative(_ path: String, to folder: String) -> String {
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }

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
            if let tolerance { rule.tolerance = tolerance }
            return rule
        }
    }

    /// The rules that run on one report: `applied(to:)`, then each matching override in order.
    ///
    /// An override's `enable` turns on rules the top level disabled; its `disable` turns rules off.
    public func applied(to rules: [Rule], forOverrides indices: [Int]) -> [Rule] {
        var running = Set(applied(to: rules).map(\.id))
        var severities = severity
        var tolerances: [String: Tolerance] = [:]
        for index in indices {
            let override = overrides[index]
            if let enable = override.enable { running.formUnion(enable) }
            running.subtract(override.disable)
            severities.merge(override.severity) { $1 }
            if let tolerance = override.tolerance {
                for rule in rules { tolerances[rule.id] = tolerance }
            }
        }
        return rules.compactMap { rule in
            guard running.contains(rule.id) else { return nil }
            var rule = rule
            if let severity = severities[rule.id] { rule.severity = severity }
            if let tolerance = tolerances[rule.id] ?? tolerance { rule.tolerance = tolerance }
            return rule
        }
    }
}

extension Configuration {
    /// Settings for the reports some patterns match (`overrides:` in `.factlint.yml`).
    public struct Override: Sendable {
        /// Patterns, taken from the configuration's folder.
        public var files: [String] = []
        /// Rule ids turned on for these reports, even if the top level turned them off.
        public var enable: [String]?
        public var disable: [String] = []
        public var severity: [String: Severity] = [:]
        public var tolerance: Tolerance?

        public init() {}
    }
}
