import Foundation

/// One line of `factlint facts --format jsonl`: what a shard of a run found, for
/// `factlint merge` to print as one run over all the files would.
///
/// The first line (`kind: run`) says which run this is; then come the problems with the inputs
/// (`kind: diagnostic`) and one line per report (`kind: document`) with its place among all the
/// files of the run, its counts, figures, findings, corpus facts and the lines its findings quote.
public struct ShardRecord: Codable, Sendable {
    /// The version of this format; `merge` refuses lines of another version.
    /// (2: a report's line holds the baseline entry of each of its findings.)
    public static let version = 2

    public var kind: String
    // kind "run"
    public var version: Int?
    /// How many files the whole run has, across all shards.
    public var files: Int?
    public var rules: Int?
    public var shard: String?
    // kind "diagnostic"
    public var diagnostic: Diagnostic?
    // kind "document"
    /// The report's place among all the files of the run.
    public var index: Int?
    public var path: String?
    /// Whether the report could be read and linted; its diagnostics say why not.
    public var linted: Bool?
    public var figuresRead: Int?
    public var figuresUsed: Int?
    public var checksRun: Int?
    public var findings: [Finding]?
    /// The entry each finding would be recorded as in a baseline, in the order of `findings`:
    /// worked out here, where the report's sentences are at hand, for `merge --baseline`.
    public var baseline: [Baseline.Entry]?
    public var facts: [CorpusFact]?
    public var lines: [QuotedLine]?
    public var diagnostics: [Diagnostic]?
    public var figures: [FigureListing.Entry]?
    /// The report's suppressions that may silence a finding across reports.
    public var suppressions: [SuppressionDirective]?

    public init(kind: String) {
        self.kind = kind
    }

    /// The first line of a shard's output.
    public static func run(files: Int, rules: Int, shard: Shard?) -> ShardRecord {
        var record = ShardRecord(kind: "run")
        record.version = version
        record.files = files
        record.rules = rules
        record.shard = shard?.description
        return record
    }

    public static func problem(_ diagnostic: Diagnostic) -> ShardRecord {
        var record = ShardRecord(kind: "diagnostic")
        record.diagnostic = diagnostic
        return record
    }

    /// A report's line: what linting it produced, and every line its findings quote.
    public static func document(index: Int, outcome: LintOutcome) -> ShardRecord {
        var record = ShardRecord(kind: "document")
        record.index = index
        record.path = outcome.path
        record.diagnostics = outcome.diagnostics
        record.linted = outcome.report != nil
        if let report = outcome.report {
            record.figuresRead = report.figuresRead
            record.figuresUsed = report.figuresUsed
            record.checksRun = report.checksRun
            record.findings = report.findings
            record.baseline = report.findings.isEmpty ? nil : Baseline.entries(of: report)
            record.facts = report.facts
            record.figures = report.figures
            record.suppressions = report.heldSuppressions.isEmpty ? nil : report.heldSuppressions
            var quoted: [Int: QuotedLine] = [:]
            let spans = report.findings.flatMap { [$0.primary.span] + $0.related.map(\.span) } + report.heldSuppressions.map(\.span)
            for span in spans where span.path == report.source.path && quoted[span.start.line] == nil {
                quoted[span.start.line] = QuotedLine(source: report.source, line: span.start.line)
            }
            record.lines = quoted.keys.sorted().compactMap { quoted[$0] }
        }
        return record
    }

    /// The report this line stands for, its text left out; nil for a report that was not linted.
    public var report: DocumentReport? {
        guard kind == "document", linted == true, let path else { return nil }
        var report = DocumentReport(
            source: SourceFile(path: path, bytes: []), findings: findings ?? [], figuresRead: figuresRead ?? 0,
            figuresUsed: figuresUsed ?? 0, checksRun: checksRun ?? 0, facts: facts ?? [], figures: figures
        )
        report.heldSuppressions = suppressions ?? []
        return report
    }

    /// The line as JSON, on one line.
    public func encoded() throws -> String {
        String(decoding: try JSONLine.encoder().encode(self), as: UTF8.self)
    }

    /// Reads a line of shard output.
    ///
    /// - Parameter keepingFigures: false leaves out the report's figures, which `merge` does not
    ///   use and which are nearly all of a line's bytes: the member is cut from the text before
    ///   the JSON is decoded, rather than decoded and dropped.
    public static func decode(_ line: String, keepingFigures: Bool = true) throws -> ShardRecord {
        var data = Data(line.utf8)
        if !keepingFigures, let cut = ShardRecord.figuresMember(in: Array(data)) { data.removeSubrange(cut) }
        return try JSONLine.decoder().decode(ShardRecord.self, from: data)
    }

    /// Where the object's own `"figures": …` member is, with one comma beside it, so that
    /// removing the range leaves the rest of the object as it was; nil when the line has no
    /// such member or is not JSON this can follow (the decoder then reads it whole, and says
    /// what is wrong).
    static func figuresMember(in bytes: [UInt8]) -> Range<Int>? {
        let key = Array("\"figures\"".utf8)
        let (quote, backslash, colon, comma) = (UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: ":"), UInt8(ascii: ","))
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        // The index just past the string that opens at `start`.
        func endOfString(_ start: Int) -> Int? {
            var index = start + 1
            while index < bytes.count {
                if bytes[index] == backslash {
                    index += 2
                } else if bytes[index] == quote {
                    return index + 1
                } else {
                    index += 1
                }
            }
            return nil
        }
        // The index just past the value that starts at `start`: a string, an array or object
        // (nested values and strings skipped whole), or a bare number, literal up to its end.
        func endOfValue(_ start: Int) -> Int? {
            guard start < bytes.count else { return nil }
            if bytes[start] == quote { return endOfString(start) }
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case quote:
                    guard let end = endOfString(index) else { return nil }
                    index = end
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if depth == 0 { return index }
                    depth -= 1
                    if depth == 0 { return index + 1 }
                case comma where depth == 0:
                    return index
                default:
                    break
                }
                index += 1
            }
            return depth == 0 ? index : nil
        }
        func skipSpace(_ start: Int) -> Int {
            var index = start
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            return index
        }
        var index = skipSpace(0)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        // Member by member: a key, a colon, a value, then a comma or the end of the object.
        var commaBefore: Int?
        while true {
            index = skipSpace(index)
            guard index < bytes.count, bytes[index] == quote, let keyEnd = endOfString(index) else { return nil }
            let keyStart = index
            index = skipSpace(keyEnd)
            guard index < bytes.count, bytes[index] == colon else { return nil }
            guard let valueEnd = endOfValue(skipSpace(index + 1)) else { return nil }
            index = skipSpace(valueEnd)
            guard index < bytes.count else { return nil }
            let commaAfter = bytes[index] == comma ? index : nil
            if bytes[keyStart..<keyEnd].elementsEqual(key) {
                // With the comma after it; the last member, with the comma before it.
                if let commaAfter { return keyStart..<(commaAfter + 1) }
                return (commaBefore ?? keyStart)..<valueEnd
            }
            guard let commaAfter else { return nil }
            commaBefore = commaAfter
            index = commaAfter + 1
        }
    }
}
