import Foundation
import Yams

/// The rules loaded from rule files, and every problem found in those files.
public struct RuleSet: Sendable {
    public var rules: [Rule] = []
    public var diagnostics: [Diagnostic] = []
    public var files: [String] = []
    /// The hash of every rule file read and of the tables they read, path and bytes, in order:
    /// what the rules were made from.
    public var sourceHash = ContentHash()

    public init() {}
}

/// Reads YAML rule files into rules, reporting each mistake at its line and column.
///
/// A rule with a mistake is reported and left out; the other rules still load.
public enum RuleLoader {
    /// Loads every `.yml`/`.yaml` file under the given files and folders, in path order.
    ///
    /// A file larger than `limits.maximumRuleFileBytes` is reported and not read.
    public static func load(paths: [String], limits: Limits = .standard) -> RuleSet {
        var set = RuleSet()
        var files: [String] = []
        for path in paths {
            switch FileWalker.kind(of: path) {
            case .file:
                files.append(path)
            case .directory:
                files.append(contentsOf: FileWalker.files(under: path, extensions: ["yml", "yaml"]))
            case .missing:
                set.diagnostics.append(Diagnostic(path: path, message: "no such rule file or folder", help: "pass --rules with a YAML file or a folder of them"))
            }
        }
        var seen: [String: (String, SourceLocation)] = [:]
        for file in files {
            // Read as reports are: the size checked before anything is read.
            let text: String
            switch ReportFile.read(file, limit: limits.maximumRuleFileBytes) {
            case .tooLarge(let size):
                set.diagnostics.append(Diagnostic(
                    path: file, message: "the rule file is \(size.byteCountDescription), larger than the \(limits.maximumRuleFileBytes.byteCountDescription) factlint reads in one rule file",
                    help: "split the rules into several files"
                ))
                continue
            case .unreadable:
                set.diagnostics.append(Diagnostic(path: file, message: "cannot read the rule file", help: "check that it exists and is readable"))
                continue
            case .bytes(let bytes):
                text = String(decoding: bytes, as: UTF8.self)
                set.sourceHash.combine(file)
                set.sourceHash.combine(bytes)
            }
            let (rules, diagnostics, tablesHash) = read(yaml: text, path: file, limits: limits)
            // A reference table changes what the rules find as much as the rule file does.
            set.sourceHash.combine(tablesHash)
            set.files.append(file)
            // Split only when a duplicate needs its line, and once per file.
            let lines = SplitLines()
            set.diagnostics.append(contentsOf: diagnostics)
            for rule in rules {
                if let (otherPath, otherLocation) = seen[rule.id] {
                    set.diagnostics.append(Diagnostic(
                        path: rule.path, location: rule.location,
                        message: "rule id '\(rule.id)' is already used at \(otherPath):\(otherLocation)",
                        help: "give every rule its own id",
                        sourceLine: lines.line(rule.location.line, of: text)
                    ))
                    continue
                }
                seen[rule.id] = (rule.path, rule.location)
                set.rules.append(rule)
            }
        }
        return set
    }

    /// Loads the rules of one YAML text.
    public static func load(yaml: String, path: String, limits: Limits = .standard) -> ([Rule], [Diagnostic]) {
        let (rules, diagnostics, _) = read(yaml: yaml, path: path, limits: limits)
        return (rules, diagnostics)
    }

    /// The rules of one YAML text, its mistakes, and the hash of the tables its rules read.
    static func read(yaml: String, path: String, limits: Limits) -> (rules: [Rule], diagnostics: [Diagnostic], tablesHash: ContentHash) {
        var reader = RuleReader(path: path, text: yaml, limits: limits)
        let rules = reader.readFile()
        return (rules, reader.diagnostics, reader.tablesHash)
    }
}
