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
    enum Reach: Equatable {
        case nextLine(Int)
        case lines(ClosedRange<Int>)
        case file
    }

    struct Directive {
        var rules: [String]
        var reach: Reach
        /// Where the directive is written, for findings about the directive itself.
        var span: SourceSpan
        var used = false
    }

    static let unusedRuleID = "unused-suppression"
    static let unknownRuleID = "unknown-rule-in-suppression"

    var directives: [Directive] = []

    init(document: Document) {
        self.init(comments: Suppressions.comments(of: document), source: document.source)
    }

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
            let line = finding.primary.span.start.line
            var silenced = false
            for index in directives.indices where directives[index].rules.contains("all") || directives[index].rules.contains(finding.ruleID) {
                let reaches: Bool
                switch directives[index].reach {
                case .nextLine(let target): reaches = line == target
                case .lines(let range): reaches = range.contains(line)
                case .file: reaches = true
                }
                if reaches {
                    directives[index].used = true
                    silenced = true
                }
            }
            return !silenced
        }
    }

    /// Findings about the directives themselves: unknown rules, and suppressions that silenced nothing.
    func findingsAboutDirectives(knownRules: Set<String>, runningRules: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        for directive in directives {
            let unknown = directive.rules.filter { $0 != "all" && !knownRules.contains($0) }
            for rule in unknown {
                let suggestion = Suggestion.closest(to: rule, among: Array(knownRules)).map { " (did you mean '\($0)'?)" } ?? ""
                findings.append(Finding(
                    ruleID: Suppressions.unknownRuleID, severity: .warning,
                    message: "the suppression names '\(rule)', which no loaded rule defines\(suggestion)",
                    primary: Label(span: directive.span, message: "suppression"), related: []
                ))
            }
            // A suppression of a rule the configuration turned off silences nothing, and that is fine.
            let checksSomething = directive.rules.contains { $0 == "all" || runningRules.contains($0) }
            if !directive.used, checksSomething {
                findings.append(Finding(
                    ruleID: Suppressions.unusedRuleID, severity: .warning,
                    message: "this suppression of \(directive.rules.joined(separator: ", ")) silences no finding; remove it",
                    primary: Label(span: directive.span, message: "suppression"), related: []
                ))
            }
        }
        return findings
    }
}
