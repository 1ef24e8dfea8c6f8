import FactlintFigures
import Foundation

/// What `factlint lint --cache` remembers of each report between runs: the hash of its bytes
/// and what linting it produced, so a report unchanged since is not linted again.
///
/// The whole cache is keyed by the run (`key(for:workingDirectory:)`): the factlint build, the
/// working directory, the configuration, every rule file and the tables the rules read. A cache
/// of another run is ignored whole, and a report is reused only when its bytes hash as they
/// did, so what a run with the cache prints is what a run without it prints. A cache file
/// factlint cannot read, or a line of it, is a miss: the report is linted again and the file
/// rewritten.
///
/// The file has a header line, then one line per report, in path order:
/// `check TAB figures-read TAB figures-used TAB checks-run TAB json TAB path`, where `json` holds
/// the report's findings, corpus facts, held suppressions and diagnostics, and is empty for a
/// report that has none (most of them), so reading the cache costs little. `check` is the hash
/// of the report's bytes and of the rest of the line: a line damaged since it was written, or
/// another report's, does not pass for this one.
public struct LintCache: Sendable {
    /// The version of the file format.
    public static let format = 1
    /// The file's name when `--cache-location` does not give one.
    public static let defaultFileName = ".factlint-cache"

    /// The run the entries were made in.
    public let key: ContentHash
    /// The cache file's bytes.
    let text: [UInt8]
    /// Where the line remembered for each report lies in `text`, by path.
    let lines: [String: Range<Int>]
    /// Whether `text` is the file of this run and every line of it could be read, so that a run
    /// that changes nothing need not write it.
    let isCurrent: Bool

    /// An empty cache for the run `key`.
    public init(key: ContentHash) {
        self.init(key: key, text: [], lines: [:], isCurrent: false)
    }

    init(key: ContentHash, text: [UInt8], lines: [String: Range<Int>], isCurrent: Bool) {
        self.key = key
        self.text = text
        self.lines = lines
        self.isCurrent = isCurrent
    }

    /// What decides every report's outcome besides its bytes: the factlint build, the working
    /// directory (the configuration's paths and patterns are read from it), the configuration,
    /// and the rule files and tables.
    public static func key(for run: LintRun, workingDirectory: String, build: ContentHash = BuildIdentity.current) -> ContentHash {
        var key = ContentHash()
        key.combine("factlint cache \(format)")
        key.combine(build)
        key.combine(workingDirectory)
        key.combine(run.configuration.sourceHash)
        key.combine(run.ruleSourceHash)
        return key
    }

    /// The first line of a cache file.
    static func header(_ key: ContentHash) -> String {
        "factlint-cache \(format) \(key)\n"
    }

    /// The cache in the file at `path` when it was written for the run `key`; an empty one
    /// when there is no such file, or it was written for another run.
    ///
    /// - Complexity: O(n) in the size of the file; the reports' findings are decoded only when
    ///   a report is found unchanged.
    public static func read(from path: String, key: ContentHash) -> LintCache {
        guard case .bytes(let text) = ReportFile.read(path, limit: Int.max), text.starts(with: header(key).utf8) else { return LintCache(key: key) }
        var lines: [String: Range<Int>] = [:]
        var whole = true
        text.withUnsafeBufferPointer { buffer in
            var start = header(key).utf8.count
            while start < buffer.count {
                let end = ByteText.firstIndex(of: 0x0A, in: buffer, start..<buffer.count) ?? buffer.count
                // The path is the last field: the other fields hold no tab.
                var pathStart = end
                while pathStart > start, buffer[pathStart - 1] != 0x09 { pathStart -= 1 }
                if pathStart > start {
                    lines[String(decoding: UnsafeBufferPointer(rebasing: buffer[pathStart..<end]), as: UTF8.self)] = start..<end
                } else {
                    whole = false
                }
                start = end + 1
            }
        }
        return LintCache(key: key, text: text, lines: lines, isCurrent: whole)
    }

    /// The `check` field of a line: the hash of the report's bytes, then of the rest of the line.
    static func check(_ hash: ContentHash, rest: some Sequence<UInt8>) -> ContentHash {
        var check = hash
        check.combine(Array(rest))
        return check
    }

    /// What linting the report at `path` produced, when its bytes hash as they did when it was
    /// remembered; nil otherwise. The outcome's report holds `bytes` as its source.
    public func outcome(path: String, bytes: [UInt8], hash: ContentHash) -> LintOutcome? {
        guard let range = lines[path] else { return nil }
        let line = text[range]
        let fields = line.split(separator: 0x09, maxSplits: 5, omittingEmptySubsequences: false)
        // Paths that are equal as Swift strings may differ in their bytes (é composed or not).
        guard fields.count == 6, fields[5].elementsEqual(path.utf8),
              ContentHash(hex: String(decoding: fields[0], as: UTF8.self)) == LintCache.check(hash, rest: line[fields[1].startIndex...]),
              let figuresRead = LintCache.integer(fields[1]), let figuresUsed = LintCache.integer(fields[2]),
              let checksRun = LintCache.integer(fields[3]) else { return nil }
        var remembered = Remembered()
        if !fields[4].isEmpty {
            guard let decoded = try? JSONLine.decoder().decode(Remembered.self, from: Data(fields[4])) else { return nil }
            remembered = decoded
        }
        let source = SourceFile(path: path, bytes: bytes)
        // Only a line written on purpose gets past the check; even so, it may not point outside the report.
        guard remembered.fits(source) else { return nil }
        var report = DocumentReport(
            source: source, findings: remembered.findings ?? [], figuresRead: figuresRead,
            figuresUsed: figuresUsed, checksRun: checksRun, facts: remembered.facts ?? []
        )
        report.heldSuppressions = remembered.suppressions ?? []
        var outcome = LintOutcome(path: path, report: report, diagnostics: remembered.diagnostics ?? [])
        outcome.cacheLine = String(decoding: line, as: UTF8.self)
        return outcome
    }

    /// A count of at most 12 decimal digits, far more figures than a report can hold, so that
    /// sums and shares of counts cannot overflow; nil for anything else.
    static func integer(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 12 else { return nil }
        var value = 0
        for digit in digits {
            guard ByteText.isDigit(digit) else { return nil }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }

    /// The line that remembers a report's outcome; nil for a report that was not linted, or
    /// whose path a line cannot hold.
    static func line(for outcome: LintOutcome, hash: ContentHash) -> String? {
        guard let report = outcome.report, !outcome.path.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return nil }
        var json = ""
        if !(report.findings.isEmpty && report.facts.isEmpty && report.heldSuppressions.isEmpty && outcome.diagnostics.isEmpty) {
            // Each part left out when empty.
            let remembered = Remembered(
                findings: report.findings.isEmpty ? nil : report.findings, facts: report.facts.isEmpty ? nil : report.facts,
                suppressions: report.heldSuppressions.isEmpty ? nil : report.heldSuppressions,
                diagnostics: outcome.diagnostics.isEmpty ? nil : outcome.diagnostics
            )
            guard let data = try? JSONLine.encoder().encode(remembered) else { return nil }
            json = String(decoding: data, as: UTF8.self)
        }
        let rest = "\(report.figuresRead)\t\(report.figuresUsed)\t\(report.checksRun)\t\(json)\t\(outcome.path)"
        return "\(check(hash, rest: rest.utf8))\t\(rest)"
    }

    /// Writes the cache of a run whose reports' lines are `lines`, keeping what this cache
    /// remembers of reports the run did not lint that are still there, atomically. When that is
    /// what the file already holds, it is left alone.
    ///
    /// - Parameter exists: whether a report not linted in this run still exists.
    public func write(_ lines: [(path: String, line: String)], to path: String, exists: (String) -> Bool) throws(Diagnostic) {
        var merged: [(path: String, line: String)] = []
        var changed = !isCurrent
        var linted: Set<String> = []
        for (reportPath, line) in lines {
            linted.insert(reportPath)
            merged.append((reportPath, line))
            if !changed, let range = self.lines[reportPath], text[range].elementsEqual(line.utf8) { continue }
            changed = true
        }
        for (reportPath, range) in self.lines where !linted.contains(reportPath) {
            guard exists(reportPath) else {
                changed = true
                continue
            }
            merged.append((reportPath, String(decoding: text[range], as: UTF8.self)))
        }
        guard changed else { return }
        merged.sort { FileWalker.precedes($0.path, $1.path) }
        var output = LintCache.header(key)
        for entry in merged {
            output += entry.line
            output += "\n"
        }
        try AtomicFile.write(output, to: path, what: "the cache")
    }

    /// What a line's JSON field holds, each part left out when empty.
    struct Remembered: Codable {
        var findings: [Finding]?
        var facts: [CorpusFact]?
        var suppressions: [SuppressionDirective]?
        var diagnostics: [Diagnostic]?

        /// Whether every span and sentence lies within the report, on one of its lines.
        func fits(_ source: SourceFile) -> Bool {
            let bytes = 0...source.bytes.count
            let lines = 1...source.lineStarts.count
            func fits(_ span: SourceSpan) -> Bool {
                bytes.contains(span.bytes.lowerBound) && bytes.contains(span.bytes.upperBound) && span.path == source.path
                    && lines.contains(span.start.line) && lines.contains(span.end.line)
            }
            func fits(_ label: Label) -> Bool {
                fits(label.span) && label.sentence.map { bytes.contains($0.lowerBound) && bytes.contains($0.upperBound) } != false
            }
            return (findings ?? []).allSatisfy { fits($0.primary) && $0.related.allSatisfy(fits) }
                && (facts ?? []).allSatisfy { fits($0.label) && lines.contains($0.line.number) }
                && (suppressions ?? []).allSatisfy { fits($0.span) }
        }
    }
}
