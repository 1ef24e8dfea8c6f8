import Foundation

/// Findings recorded on a day, so a team can adopt factlint on old reports and fail only on
/// new findings.
///
/// A finding is matched by its rule, its file, the text of the sentence it is in and the text
/// of every figure it rests on — not by line numbers — so it still matches after lines are
/// inserted above it. Each recorded finding matches at most one finding of a later run.
public struct Baseline: Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var rule: String
        public var path: String
        public var sentence: String
        public var figures: [String]
    }

    public private(set) var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The entry a finding would be recorded as.
    public static func entry(for finding: Finding, source: SourceFile) -> Entry {
        let sentence = finding.primary.sentence.map { source.text($0) } ?? source.text(source.lineRange(finding.primary.span.start.line))
        let figures = ([finding.primary] + finding.related).map { source.text($0.span.bytes) }
        return Entry(rule: finding.ruleID, path: finding.path, sentence: Baseline.normalised(sentence), figures: figures.map(Baseline.normalised))
    }

    /// The entry of a finding made once every report is read (across reports), from the lines it
    /// quotes: its line stands for its sentence, as the reports' text is no longer at hand.
    public static func entry(for finding: Finding, quoting: (String, Int) -> QuotedLine?) -> Entry {
        func text(_ span: SourceSpan) -> String {
            guard let line = quoting(span.path, span.start.line) else { return "" }
            let bytes = Array(line.text.utf8)
            let lower = span.bytes.lowerBound - line.start
            let upper = min(span.bytes.upperBound - line.start, bytes.count)
            guard lower >= 0, lower <= upper else { return "" }
            return String(decoding: bytes[lower..<upper], as: UTF8.self)
        }
        let sentence = quoting(finding.primary.span.path, finding.primary.span.start.line)?.text ?? ""
        let figures = ([finding.primary] + finding.related).map { text($0.span) }
        return Entry(rule: finding.ruleID, path: finding.path, sentence: Baseline.normalised(sentence), figures: figures.map(Baseline.normalised))
    }

    /// Whitespace runs as one space, so rewrapping a paragraph does not break the match.
    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }).joined(separator: " ")
    }

    /// Records the findings of a run.
    public init(reports: [DocumentReport]) {
        entries = reports.flatMap(Baseline.entries(of:))
    }

    /// The entry of each of a report's findings, in order, as the baseline matches them.
    public static func entries(of report: DocumentReport) -> [Entry] {
        report.findings.map { entry(for: $0, source: report.source) }
    }

    /// The findings of a report that the baseline does not hold; each entry absorbs one finding.
    public func newFindings(in report: DocumentReport, using remaining: inout [Entry: Int]) -> [Finding] {
        newFindings(report.findings, entries: Baseline.entries(of: report), using: &remaining)
    }

    /// The findings that the baseline does not hold, given the entry each is recorded as:
    /// `entries(of:)` where the report's text is at hand (a run, a shard's output), else
    /// `entry(for:quoting:)` (findings across reports).
    /// A finding without an entry is new.
    public func newFindings(_ findings: [Finding], entries: [Entry], using remaining: inout [Entry: Int]) -> [Finding] {
        findings.indices.compactMap { index in
            index < entries.count && Baseline.absorbs(entries[index], using: &remaining) ? nil : findings[index]
        }
    }

    /// Whether a recorded match of the entry is left, using it up if so.
    static func absorbs(_ entry: Entry, using remaining: inout [Entry: Int]) -> Bool {
        guard let count = remaining[entry], count > 0 else { return false }
        remaining[entry] = count - 1
        return true
    }

    /// How many times each entry may still match.
    public var counts: [Entry: Int] {
        entries.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    // MARK: - Files

    struct File: Codable {
        var version: Int
        var findings: [Entry]
    }

    /// Reads a baseline file written by `write(to:)`.
    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(path: path, message: "cannot read the baseline", help: "write one with --write-baseline, or check the path")
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            guard file.version == 1 else {
                throw Diagnostic(path: path, message: "baseline version \(file.version) is not one this factlint reads", help: "write the baseline again with --write-baseline")
            }
            return Baseline(entries: file.findings)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(path: path, message: "the baseline is not valid: \(error.localizedDescription)", help: "write it again with --write-baseline")
        }
    }

    /// Writes the baseline atomically, in a stable order, as JSON people can review in a diff.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let sorted = entries.sorted { ($0.path, $0.rule, $0.sentence, $0.figures.joined(separator: "\u{1F}")) < ($1.path, $1.rule, $1.sentence, $1.figures.joined(separator: "\u{1F}")) }
        let data = try encoder.encode(File(version: 1, findings: sorted))
        try AtomicFile.write(String(decoding: data, as: UTF8.self) + "\n", to: path, what: "the baseline")
    }
}
