@testable import FactlintKit
import FactlintTestSupport
import Foundation
import Testing

/// `LintCache`: a line is trusted only for the report bytes it was written for, and never points
/// outside the report.
@Suite struct LintCacheTests {
    static let rules = """
    rules:
      - id: sentences-add-up
        kind: sum
        scope: paragraph
        severity: error
        total: "convicted {total:count} offenders"
        part: "{n:count} [were|was] sentenced"
        message: "the sentences add up to {parts} ({sum}), but {total} offenders were convicted"
    """
    static let report = Array("Courts convicted 19 offenders in 2007. Of them, 4 were sentenced to 10 years and 3 were sentenced to 12 years.\n".utf8)

    /// The outcome of linting `report` and the line that remembers it.
    static func remembered() throws -> (outcome: LintOutcome, line: String) {
        let (rules, diagnostics) = RuleLoader.load(yaml: Self.rules, path: "rules.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let (report, _) = Linter(rules: rules).lint(bytes: Self.report, path: "draft.md")
        let outcome = LintOutcome(path: "draft.md", report: report, diagnostics: [])
        #expect(report?.findings.count == 1, "the report has a finding to remember")
        return (outcome, try #require(LintCache.line(for: outcome, hash: ContentHash(Self.report))))
    }

    /// A cache of one line, read back from a file as a run reads it.
    static func cache(holding line: String) throws -> LintCache {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = ContentHash([7])
        let path = try directory.write("cache", LintCache.header(key) + line + "\n")
        return LintCache.read(from: path, key: key)
    }

    @Test func aLineGivesBackTheOutcomeForTheBytesItWasWrittenFor() throws {
        let (outcome, line) = try Self.remembered()
        let cache = try Self.cache(holding: line)
        let back = try #require(cache.outcome(path: "draft.md", bytes: Self.report, hash: ContentHash(Self.report)))
        #expect(back.report?.findings == outcome.report?.findings)
        #expect(back.report?.figuresRead == outcome.report?.figuresRead)
        #expect(back.report?.figuresUsed == outcome.report?.figuresUsed)

        var changed = Self.report
        changed[17] = UInt8(ascii: "2")
        #expect(cache.outcome(path: "draft.md", bytes: changed, hash: ContentHash(changed)) == nil)
        #expect(cache.outcome(path: "other.md", bytes: Self.report, hash: ContentHash(Self.report)) == nil)
    }

    /// A count, the message and a position of the finding, each changed as damage might.
    @Test(arguments: [("\t6\t3\t", "\t9\t3\t"), ("offenders", "OFFENDERS"), ("\"line\":1", "\"line\":2")])
    func anEditedLineIsNotTrusted(edit: (from: String, to: String)) throws {
        let (_, line) = try Self.remembered()
        #expect(line.contains(edit.from), "\(line)")
        let cache = try Self.cache(holding: line.replacingOccurrences(of: edit.from, with: edit.to))
        #expect(cache.outcome(path: "draft.md", bytes: Self.report, hash: ContentHash(Self.report)) == nil)
    }

    /// The first span's bytes moved before the report's start, and its line past the report's end.
    @Test(arguments: [("\"bytes\":[", "-5,-3"), ("\"line\":", "99")])
    func aLinePointingOutsideTheReportIsNotTrustedEvenWithItsCheck(edit: (field: String, value: String)) throws {
        let (_, line) = try Self.remembered()
        var rest = String(try #require(line.split(separator: "\t", maxSplits: 1).last))
        let field = try #require(rest.range(of: edit.field))
        let valueEnd = try #require(rest[field.upperBound...].firstIndex { $0 == "]" || $0 == "," || $0 == "}" })
        rest.replaceSubrange(field.upperBound..<valueEnd, with: edit.value)
        // The check is worked out anew, as only someone forging the line on purpose would.
        let forged = "\(LintCache.check(ContentHash(Self.report), rest: rest.utf8))\t\(rest)"
        #expect(forged != line)
        let cache = try Self.cache(holding: forged)
        #expect(cache.outcome(path: "draft.md", bytes: Self.report, hash: ContentHash(Self.report)) == nil, "\(forged)")
    }

    @Test func theBuildIdentityIsTheSameForACopyOfTheExecutable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let copy = directory.url.appendingPathComponent("factlint-copy")
        try FileManager.default.copyItem(at: CommandRunner.executable, to: copy)
        let original = BuildIdentity.identity(ofExecutable: CommandRunner.executable.path)
        #expect(BuildIdentity.identity(ofExecutable: copy.path) == original)
        #if os(Linux)
        let buildID = try #require(BuildIdentity.gnuBuildID(ofFile: copy.path), "the linker writes a build ID")
        #expect(buildID.count >= 8)
        #endif
        // A file that is not an executable has no build ID and is known by its size and time.
        let text = try directory.write("notes.txt", "not a program\n")
        #expect(BuildIdentity.gnuBuildID(ofFile: text) == nil)
        #expect(BuildIdentity.identity(ofExecutable: text) != original)
        #expect(BuildIdentity.identity(ofExecutable: directory.url.appendingPathComponent("missing").path) != BuildIdentity.identity(ofExecutable: directory.url.appendingPathComponent("missing").path))
    }
}
