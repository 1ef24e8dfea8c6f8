import FactlintTestSupport
import Foundation
import Testing

/// Adopting factlint on old reports: record today's findings, then fail only on new ones.
@Suite("Baseline on the command line")
struct BaselineCommandTests {
    static let report = """
    # Prosecution in Orlesia, 2021

    Courts convicted 9 traffickers. Of the 9 convicted, four were sentenced to prison and three were sentenced to fines.
    """

    @Test func aBaselineWrittenTodayStillMatchesAfterTenLinesAreInsertedAtTheTop() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia.md", Self.report)
        let rules = CommandRunner.packageRoot.appendingPathComponent("Rules").path

        let record = try CommandRunner.run(["lint", "--rules", rules, "--format", "line", "--write-baseline", "baseline.json", "orlesia.md"], in: directory.url)
        #expect(record.status == 1, "recording still reports today's findings")
        #expect(record.stderr.contains("recorded 1 finding in baseline.json"))

        try directory.write("orlesia.md", String(repeating: "An added paragraph of introduction.\n\n", count: 5) + Self.report)
        let later = try CommandRunner.run(["lint", "--rules", rules, "--format", "line", "--baseline", "baseline.json", "orlesia.md"], in: directory.url)
        #expect(later.status == 0, "stdout: \(later.stdout) stderr: \(later.stderr)")
        #expect(later.stdout.isEmpty)

        try directory.write("orlesia.md", Self.report + "\n\nOf the 6 convicted, four were sentenced to prison and one was sentenced to a fine.\n")
        let added = try CommandRunner.run(["lint", "--rules", rules, "--format", "line", "--baseline", "baseline.json", "orlesia.md"], in: directory.url)
        #expect(added.status == 1)
        #expect(added.stdout.split(separator: "\n").map { String($0.prefix(14)) } == ["orlesia.md:5:8"])
    }

    @Test func aMissingBaselineIsAnInputError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia.md", Self.report)
        let result = try CommandRunner.run(["lint", "--rules", CommandRunner.packageRoot.appendingPathComponent("Rules").path, "--baseline", "none.json", "orlesia.md"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("none.json: error: cannot read the baseline"))
    }
}

/// `--strict` fails on any finding, whatever `--fail-on` or the configuration say.
@Suite("Strict mode")
struct StrictTests {
    @Test func strictFailsOnAWarning() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("rules.yml", """
        rules:
          - id: soft
            kind: sum
            severity: warning
            total: "of the {total:count}"
            part: "{n:count} were sentenced"
        """)
        try directory.write("report.md", "Of the 5 convicted, two were sentenced to prison and two were sentenced to fines.\n")
        let lenient = try CommandRunner.run(["lint", "--rules", "rules.yml", "--format", "line", "report.md"], in: directory.url)
        #expect(lenient.status == 0)
        let strict = try CommandRunner.run(["lint", "--rules", "rules.yml", "--format", "line", "--strict", "report.md"], in: directory.url)
        #expect(strict.status == 1)
        #expect(strict.stdout == lenient.stdout)
    }
}
