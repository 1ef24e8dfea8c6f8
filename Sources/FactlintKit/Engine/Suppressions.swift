import Foundation

/// Suppressions written in a report as HTML comments, which Markdown renderers hide:
///
///     <!-- factlint-disable-next-line RULE[, RULE] -- reason -->
///     <!-- factlint-disable RULE -->  …  <!-- factlint-enable RULE -->
///     <!-- factlint-disable-file RULE -->
///
/// `all` stands for every rule. A suppression that silences nothing, or that names a rule no
/// loaded rule file defines, is itself reported, so stale suppressions do not pile up.
struct Suppressions {
    typealias Directive = SuppressionDirective

    static let unusedRuleID = "unused-suppression"
    static let unknownRuleID = "unknown-rule-in-suppression"

    var directives: [Directive] = []

    /// The HTML comments of a document: each one's text and bytes.
    static func comments(of document: Document) -> [(text: String, bytes: Range<Int>)] {
        document.blocks.filter { $0.kind == .comment }.map { (document.text($0.bytes), $0.bytes) }
    }

    /// The directives of a report's comments, in reading order.
    init(comments: [(text: String, bytes: Range<Int>)], source: SourceFile) {
        var open: [(rule: String, line: Int, span: SourceSpan)] = []
        let lastLine = source.lineCount
        for (text, bytes) in comments {
            guard let start = text.range(of: "<!--"), let end = text.range(of: "-->", range: start.upperBound..<text.endIndex) else { continue }
            var body = String(text[start.upperBound..<end.lowerBound]).trimmingSpaces()
            if let reason = body.range(of: " -- ") { body = String(body[..<reason.lowerBound]) }
            let words = body.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
            guard let command = words.first, command.hasPrefix("factlint-") else { continue }
            let rules = words.dropFirst().joined(separator: " ").split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            let span = source.span(bytes)
            let line = span.end.line
            switch command {
            case "factlint-disable-next-line":
                directives.append(Directive(rules: rules.isEmpty ? ["all"] : rules, reach: .nextLine(Suppressions.nextContentLine(after: line, in: source)), span: span))
            case "factlint-disable-file":
                directives.append(Directive(rules: rules.isEmpty ? ["all"] : rules, reach: .file, span: span))
            case "factlint-disable":
                for rule in rules.isEmpty ? ["all"] : rules { open.append((rule, line, span)) }
            case "factlint-enable":
                let closing = rules.isEmpty ? open.map(\.rule) : rules
                for rule in closing {
                    if let index = open.lastIndex(where: { $0.rule == rule }) {
                        let opened = open.remove(at: index)
                        directives.append(Directive(rules: [rule], reach: .lines(opened.line...max(opened.line, line)), span: opened.span))
                    }
                }
            default:
                continue
            }
        }
        // A "disable" never closed reaches the end of the file.
        for opened in open {
            directives.append(Directive(rules: [opened.rule], reach: .lines(opened.line...max(opened.line, lastLine)), span: opened.span))
        }
    }

    /// The first line after `line` that holds something other than blank space.
    static func nextContentLine(after line: Int, in source: SourceFile) -> Int {
        var next = line + 1
        while next <= source.lineCount {
            let range = source.lineRange(next)
            if source.bytes[range].contains(where: { $0 != 0x20 && $0 != 0x09 }) { return next }
            next += 1
        }
        return next
    }

    /// Drops the findings a directive silences, marking the directives that were used.
    mutating func filter(_ findings: [Finding]) -> [Finding] {
        findings.filter { finding in
            var silenced = false
            for index in directives.indices where directives[index].reaches(finding) {
                directives[index].used = true
                silenced = true
            }
            return !silenced
        }
    }

    /// Findings about the directives themselves: unknown rules, and suppressions that silenced
    /// nothing — except for the directives at `held`, which may yet silence a finding across
    /// reports and are judged when those are known (`HeldSuppressions`).
    func findingsAboutDirectives(knownRules: Set<String>, runningRules: Set<String>, held: Set<Int> = []) -> [Finding] {
        var findings: [Finding] = []
        for (index, directive) in directives.enumerated() {
            let unknown = directive.rules.filter { $0 != "all" && !knownRules.contains($0) }
            for rule in unknown {
                let suggestion = Suggestion.closest(to: rule, among: Array(knownRules)).map { " (did you mean '\($0)'?)" } ?? ""
                findings.append(Finding(
                    ruleID: Suppressions.unknownRuleID, severity: .warning,
                    message: "the suppression names '\(rule)', which no loaded rule defines\(suggestion)",
                    primary: Label(span: directive.span, message: "suppression"), related: []
                ))
            }
            if !held.contains(index), let unused = directive.unusedFinding(runningRules: runningRules) { findings.append(unused) }
        }
        return findings
    }
}

/// One suppression written in a report: the rules it names, the lines it reaches, where it is
/// written, and whether it has silenced a finding yet.
public struct SuppressionDirective: Codable, Hashable, Sendable {
    public enum Reach: Codable, Hashable, Sendable {
        case nextLine(Int)
        case lines(ClosedRange<Int>)
        case file
    }

    public var rules: [String]
    public var reach: Reach
    /// Where the directive is written, for findings about the directive itself.
    public var span: SourceSpan
    public var used = false

    /// Whether the directive covers a finding: it names the finding's rule (or `all`) and reaches its line.
    public func reaches(_ finding: Finding) -> Bool {
        guard rules.contains("all") || rules.contains(finding.ruleID) else { return false }
        let line = finding.primary.span.start.line
        switch reach {
        case .nextLine(let target): return line == target
        case .lines(let range): return range.contains(line)
        case .file: return true
        }
    }

    /// Whether the directive may silence a finding of one of these rules.
    public func names(anyOf rules: Set<String>) -> Bool {
        self.rules.contains { $0 == "all" || rules.contains($0) }
    }

    /// The finding that the directive silences nothing, when it has not and names a rule that ran.
    /// A suppression of a rule the configuration turned off silences nothing, and that is fine.
    public func unusedFinding(runningRules: Set<String>) -> Finding? {
        guard !used, names(anyOf: runningRules) else { return nil }
        return Finding(
            ruleID: Suppressions.unusedRuleID, severity: .warning,
            message: "this suppression of \(rules.joined(separator: ", ")) silences no finding; remove it",
            primary: Label(span: span, message: "suppression"), related: []
        )
    }
}
