import Foundation
import Yams

/// Finds and reads `.factlint.yml`, reporting each mistake at its line and column.
public enum ConfigurationLoader {
    /// The name of the configuration file looked for from the working directory upward.
    public static let fileName = ".factlint.yml"

    static let keys = ["paths", "rules", "include", "exclude", "disable", "enable", "severity", "tolerance", "fail_on", "extensions", "baseline", "overrides", "limits"]

    /// The keys of `limits`.
    static let limitKeys = ["report_size", "part_size", "markdown_nesting", "rule_file_size", "yaml_values"]

    /// The keys of one item of `overrides`.
    static let overrideKeys = ["files", "enable", "disable", "severity", "tolerance"]

    /// The configuration file that applies in `directory`: the first `.factlint.yml` in it or a
    /// folder above it, up to the filesystem root.
    ///
    /// - Returns: the file's path, relative (`.factlint.yml`, `../.factlint.yml`) when `directory`
    ///   is the working directory, so messages keep short paths; nil when there is none.
    public static func find(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        var prefix = ""
        let isWorkingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL == folder
        while true {
            let candidate = folder.appendingPathComponent(fileName).path
            if FileWalker.kind(of: candidate) == .file {
                return isWorkingDirectory ? prefix + fileName : candidate
            }
            let parent = folder.deletingLastPathComponent().standardizedFileURL
            if parent.path == folder.path { return nil }
            folder = parent
            prefix += "../"
        }
    }

    /// The configuration from `explicit` (`--config`), else from the file found upward, else the defaults.
    public static func load(explicit: String?) -> (configuration: Configuration, diagnostics: [Diagnostic]) {
        if let explicit {
            guard FileWalker.kind(of: explicit) == .file else {
                return (Configuration(), [Diagnostic(path: explicit, message: "no such configuration file", help: "pass --config with the path of a .factlint.yml file")])
            }
            return load(file: explicit)
        }
        guard let found = find() else { return (Configuration(), []) }
        return load(file: found)
    }

    /// Reads one configuration file.
    public static func load(file path: String) -> (configuration: Configuration, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            var configuration = Configuration()
            configuration.file = path
            return (configuration, [Diagnostic(path: path, message: "cannot read the configuration file", help: "check that you may read it")])
        }
        return load(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    /// Reads a configuration from YAML text; relative paths in it are taken from the folder of `path`.
    public static func load(yaml: String, path: String) -> (configuration: Configuration, diagnostics: [Diagnostic]) {
        var reader = ConfigurationReader(path: path, text: yaml)
        let configuration = reader.read()
        return (configuration, reader.diagnostics)
    }
}

/// Walks the YAML nodes of a configuration file.
struct ConfigurationReader {
    let path: String
    let text: String
    var diagnostics: [Diagnostic] = []

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    mutating func error(_ node: Node?, _ message: String, help: String? = nil) {
        let location = node?.mark.map { SourceLocation(line: $0.line, column: $0.column) }
        diagnostics.append(Diagnostic(
            path: path, location: location, message: message, help: help,
            sourceLine: location.flatMap { RuleReader.line(text, $0.line) }
        ))
    }

    mutating func read() -> Configuration {
        var configuration = Configuration()
        configuration.file = path
        configuration.text = text
        let root: Node?
        do {
            root = try YAMLText.compose(text)
        } catch let failure as YamlError {
            var reader = RuleReader(path: path, text: text)
            reader.reportYAMLError(failure)
            diagnostics += reader.diagnostics
            return configuration
        } catch {
            diagnostics.append(Diagnostic(path: path, message: "cannot parse the configuration file: \(error)"))
            return configuration
        }
        guard let root else { return configuration }
        guard let mapping = root.mapping else {
            error(root, "a configuration file must be a mapping of keys such as 'paths' and 'rules'")
            return configuration
        }
        for (key, value) in mapping {
            let name = key.string ?? ""
            switch name {
            case "paths": configuration.paths = strings(value, name).map(resolved)
            case "rules": configuration.rules = strings(value, name).map(resolved)
            case "disable": configuration.disable = ruleIDs(value, name, into: &configuration)
            case "enable": configuration.enable = ruleIDs(value, name, into: &configuration)
            case "severity": configuration.severity = severities(value, into: &configuration)
            case "fail_on": configuration.failOn = enumValue(value, name, FailLevel.self)
            case "extensions":
                let extensions = strings(value, name).map { ($0.hasPrefix(".") ? String($0.dropFirst()) : $0).lowercased() }
                if !extensions.isEmpty { configuration.extensions = Set(extensions) }
            case "include": configuration.include = patterns(value, name)
            case "exclude": configuration.exclude = patterns(value, name)
            case "tolerance": configuration.tolerance = tolerance(value)
            case "baseline":
                if let file = value.scalar?.string, !file.isEmpty {
                    configuration.baseline = resolved(file)
                } else {
                    error(value, "'baseline' must be the path of a baseline file", help: "write one with `factlint lint --write-baseline FILE`")
                }
            case "overrides": configuration.overrides = overrides(value, into: &configuration)
            case "limits": configuration.limits = limits(value)
            default:
                let suggestion = Suggestion.closest(to: name, among: ConfigurationLoader.keys).map { " (did you mean '\($0)'?)" } ?? ""
                error(key, "unknown key '\(name)' in the configuration\(suggestion)", help: "keys: \(ConfigurationLoader.keys.joined(separator: ", "))")
            }
        }
        return configuration
    }

    /// A path from the file, taken from the file's folder unless it is absolute.
    func resolved(_ relative: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        if relative.hasPrefix("/") || folder.isEmpty { return relative }
        if relative == "." { return folder }
        return (folder as NSString).appendingPathComponent(relative)
    }

    /// A list of text, or one text as a list of one.
    mutating func strings(_ node: Node, _ key: String) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else {
            error(node, "'\(key)' must be a list of text, not a mapping")
            return []
        }
        return sequence.compactMap { item in
            guard let text = item.scalar?.string else {
                error(item, "each item of '\(key)' must be text")
                return nil
            }
            return text
        }
    }

    /// Patterns such as `Reports/drafts/**` or `*.txt`; each is checked as it is read.
    mutating func patterns(_ node: Node, _ key: String) -> [String] {
        let items = node.scalar != nil ? [node] : node.sequence.map(Array.init) ?? []
        if node.mapping != nil { error(node, "'\(key)' must be a list of patterns such as 'Reports/**/*.md', not a mapping") }
        return items.compactMap { item in
            guard let pattern = item.scalar?.string, !pattern.isEmpty else {
                error(item, "each item of '\(key)' must be a pattern such as 'Reports/**/*.md'")
                return nil
            }
            if pattern.filter({ $0 == "[" }).count != pattern.filter({ $0 == "]" }).count {
                error(item, "the pattern '\(pattern)' has an unclosed '['", help: "close the character class, or write '[[]' for a literal '['")
                return nil
            }
            return pattern
        }
    }

    /// `limits: {report_size: 2GB, markdown_nesting: 128, rule_file_size: 32MB, yaml_values: 2000000}`.
    mutating func limits(_ node: Node) -> Limits {
        var limits = Limits.standard
        guard let mapping = node.mapping else {
            error(node, "'limits' must be a mapping such as {report_size: 2GB}", help: "keys: \(ConfigurationLoader.limitKeys.joined(separator: ", "))")
            return limits
        }
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard ConfigurationLoader.limitKeys.contains(name) else {
                let suggestion = Suggestion.closest(to: name, among: ConfigurationLoader.limitKeys).map { " (did you mean '\($0)'?)" } ?? ""
                error(key, "unknown key '\(name)' in 'limits'\(suggestion)", help: "keys: \(ConfigurationLoader.limitKeys.joined(separator: ", "))")
                continue
            }
            let isSize = name.hasSuffix("_size")
            guard let text = value.scalar?.string, let number = isSize ? ConfigurationReader.size(text) : Int(text), number >= 1 else {
                error(value, isSize ? "'\(name)' must be a size such as 500MB, 2GB or a number of bytes" : "'\(name)' must be a whole number of at least 1")
                continue
            }
            switch name {
            case "report_size":
                // Positions in a report are kept in 32 bits, so a report is under 4 GiB.
                guard number <= Limits.largestReportBytes else {
                    error(value, "'report_size' can be at most 4GB (\(Limits.largestReportBytes) bytes)", help: "split larger reports into several files")
                    continue
                }
                limits.maximumReportBytes = number
            case "part_size": limits.reportPartBytes = number
            case "markdown_nesting": limits.maximumMarkdownNesting = number
            case "rule_file_size": limits.maximumRuleFileBytes = number
            default: limits.maximumYAMLNodes = number
            }
        }
        return limits
    }

    /// "500MB", "2GB", "64KB" or a number of bytes; nil for anything else.
    static func size(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        for (suffix, factor) in [("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("B", 1)] where trimmed.hasSuffix(suffix) {
            guard let number = Int(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)) else { return nil }
            return number.multipliedReportingOverflow(by: factor).overflow ? nil : number * factor
        }
        return Int(trimmed)
    }

    /// `tolerance: {gap: 1, relative_gap: 0.01}`: gaps small enough to let pass.
    mutating func tolerance(_ node: Node) -> Tolerance? {
        guard let mapping = node.mapping else {
            error(node, "'tolerance' must be a mapping such as {gap: 1} or {relative_gap: 0.01}")
            return nil
        }
        var tolerance = Tolerance()
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard name == "gap" || name == "relative_gap" else {
                let suggestion = Suggestion.closest(to: name, among: ["gap", "relative_gap"]).map { " (did you mean '\($0)'?)" } ?? ""
                error(key, "unknown key '\(name)' in 'tolerance'\(suggestion)", help: "keys: gap, relative_gap")
                continue
            }
            guard let number = value.scalar.flatMap({ Double($0.string) }), number >= 0, number.isFinite else {
                error(value, "'\(name)' must be a number of at least 0")
                continue
            }
            if name == "gap" { tolerance.gap = number } else { tolerance.relativeGap = number }
        }
        return tolerance.gap == nil && tolerance.relativeGap == nil ? nil : tolerance
    }

    /// `overrides:` — a list of mappings, each with `files` and the settings for those reports.
    mutating func overrides(_ node: Node, into configuration: inout Configuration) -> [Configuration.Override] {
        guard let sequence = node.sequence else {
            error(node, "'overrides' must be a list, each item with 'files' and settings such as 'disable'")
            return []
        }
        return sequence.compactMap { item in
            guard let mapping = item.mapping else {
                error(item, "each item of 'overrides' must be a mapping with 'files' and settings such as 'disable'")
                return nil
            }
            var override = Configuration.Override()
            var hasFiles = false
            for (key, value) in mapping {
                let name = key.string ?? ""
                switch name {
                case "files":
                    override.files = patterns(value, "files")
                    hasFiles = true
                case "enable": override.enable = ruleIDs(value, "overrides.enable", into: &configuration)
                case "disable": override.disable = ruleIDs(value, "overrides.disable", into: &configuration)
                case "severity": override.severity = severities(value, into: &configuration)
                case "tolerance": override.tolerance = tolerance(value)
                default:
                    let suggestion = Suggestion.closest(to: name, among: ConfigurationLoader.overrideKeys).map { " (did you mean '\($0)'?)" } ?? ""
                    error(key, "unknown key '\(name)' in an override\(suggestion)", help: "keys: \(ConfigurationLoader.overrideKeys.joined(separator: ", "))")
                }
            }
            if !hasFiles {
                error(item, "an override needs 'files': the patterns of the reports it applies to", help: "for example: files: ['Reports/drafts/**']")
                return nil
            }
            return override
        }
    }

    mutating func ruleIDs(_ node: Node, _ key: String, into configuration: inout Configuration) -> [String] {
        let items = node.scalar != nil ? [node] : node.sequence.map(Array.init) ?? []
        if node.mapping != nil { error(node, "'\(key)' must be a list of rule ids, not a mapping") }
        return items.compactMap { item in
            guard let id = item.scalar?.string else {
                error(item, "each item of '\(key)' must be a rule id")
                return nil
            }
            configuration.ruleReferences.append(.init(id: id, key: key, location: item.mark.map { SourceLocation(line: $0.line, column: $0.column) }))
            return id
        }
    }

    mutating func severities(_ node: Node, into configuration: inout Configuration) -> [String: Severity] {
        guard let mapping = node.mapping else {
            error(node, "'severity' must be a mapping from rule ids to error, warning or info")
            return [:]
        }
        var result: [String: Severity] = [:]
        for (key, value) in mapping {
            guard let id = key.scalar?.string else {
                error(key, "a key of 'severity' must be a rule id")
                continue
            }
            configuration.ruleReferences.append(.init(id: id, key: "severity", location: key.mark.map { SourceLocation(line: $0.line, column: $0.column) }))
            if let severity = enumValue(value, "severity", Severity.self) { result[id] = severity }
        }
        return result
    }

    mutating func enumValue<Value: RawRepresentable & CaseIterable>(_ node: Node, _ key: String, _ type: Value.Type) -> Value? where Value.RawValue == String {
        guard let text = node.scalar?.string else {
            error(node, "'\(key)' must be text")
            return nil
        }
        if let parsed = Value(rawValue: text) { return parsed }
        let names = Value.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: text, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        error(node, "'\(text)' is not a valid \(key)\(suggestion)", help: "\(key) is one of: \(names.joined(separator: ", "))")
        return nil
    }
}
