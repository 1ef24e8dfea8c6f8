import FactlintTestSupport
import Foundation
import Testing

/// Patterns as inputs: `*`, `?`, `[…]` and `**`, expanded by factlint when the shell leaves them.
@Suite("Glob inputs")
struct GlobTests {
    static let broken = "Of the 5 convicted, two were sentenced to prison and two were sentenced to fines.\n"

    func lintedPaths(_ pattern: String, in directory: TemporaryDirectory) throws -> (paths: [String], status: Int32, stderr: String) {
        let rules = CommandRunner.packageRoot.appendingPathComponent("Rules").path
        let result = try CommandRunner.run(["lint", "--rules", rules, "--format", "line", pattern], in: directory.url)
        let paths = result.stdout.split(separator: "\n").map { String($0.prefix { $0 != ":" }) }
        return (paths, result.status, result.stderr)
    }

    @Test func patternsSelectTheReportsTheyMatch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("reports/2020/veridia.md", Self.broken)
        try directory.write("reports/2021/veridia.md", Self.broken)
        try directory.write("reports/2021/ostrava.md", Self.broken)
        try directory.write("reports/notes.txt", Self.broken)

        #expect(try lintedPaths("reports/*/veridia.md", in: directory).paths == ["reports/2020/veridia.md", "reports/2021/veridia.md"])
        #expect(try lintedPaths("reports/**/*.md", in: directory).paths == ["reports/2020/veridia.md", "reports/2021/ostrava.md", "reports/2021/veridia.md"])
        #expect(try lintedPaths("reports/202[1]/o*.md", in: directory).paths == ["reports/2021/ostrava.md"])
        #expect(try lintedPaths("reports/**/notes.txt", in: directory).paths == ["reports/notes.txt"])
    }

    @Test func aPatternThatMatchesNothingIsAnInputError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("reports/veridia.md", Self.broken)
        let result = try lintedPaths("reports/*.txt", in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("reports/*.txt: error: no report matches the pattern"))
    }
}
