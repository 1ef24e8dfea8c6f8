import FactlintTestSupport
import Foundation
import Testing

/// How findings are printed, and how `--fail-on` turns them into an exit code.
@Suite struct FindingOutputTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)
        try directory.write("shelters.md", SampleReport.twoHeads)
    }

    func lint(_ arguments: [String]) throws -> CLI.Output {
        try CLI.run(["lint", "--rules", CLI.bundledRules] + arguments, in: directory.url)
    }

    @Test func textFormatPrintsARustcStyleFindingWithCaretsUnderTheFigure() throws {
        defer { directory.remove() }
        let result = try lint(["orlesia-2021.md"])

        #expect(result.status == 1, "an error finding fails the run; stderr: \(result.stderr)")
        #expect(result.stderr == "")
        let lines = result.stdout.components(separatedBy: "\n")
        let header = try #require(lines.first)
        #expect(header.hasPrefix("error: ") && header.hasSuffix(" [sentences-add-up-to-convictions]"), "header: \(header)")
        #expect(header.contains("10") && header.contains("9"), "the message gives the total and the sum: \(header)")
        #expect(lines.count > 1 && lines[1] == " --> orlesia-2021.md:3:8", "location line: \(lines.dropFirst().first ?? "none")")

        let sourceIndex = try #require(lines.firstIndex(of: "3 | " + SampleReport.sentencesShortLine), "the source line is quoted:\n\(result.stdout)")
        let underline = try #require(lines.indices.contains(sourceIndex + 1) ? lines[sourceIndex + 1] : nil)
        #expect(underline.hasPrefix("  | "), "underline line: \(underline)")
        let carets = try #require(underline.firstRange(of: /\^+/), "carets under the figure: \(underline)")
        let caretColumn = underline.distance(from: underline.startIndex, to: carets.lowerBound) - "  | ".count + 1
        #expect(caretColumn == 8, "the carets start under \"10\" (column 8)")
        #expect(underline[carets] == "^^", "two carets, one per character of \"10\"")

        #expect(CLI.lines(result.stdout).last?.hasPrefix("1 report, ") == true, "the summary ends the output")
        #expect(result.stdout.contains(": 1 error, 0 warnings; "))
    }

    @Test func lineFormatPrintsOneLinePerFindingAndTheSummaryOnStderr() throws {
        defer { directory.remove() }
        let text = try lint(["orlesia-2021.md"])
        let result = try lint(["--format", "line", "orlesia-2021.md"])

        #expect(result.status == 1)
        let message = try #require(text.stdout.components(separatedBy: "\n").first?.wholeMatch(of: /error: (.+) \[sentences-add-up-to-convictions\]/)?.1)
        #expect(result.stdout == "orlesia-2021.md:3:8: error: \(message) [sentences-add-up-to-convictions]\n")
        let summary = CLI.lines(result.stderr)
        #expect(summary.count == 1 && summary.first?.hasPrefix("1 report, ") == true, "the summary goes to stderr: \(result.stderr)")
        #expect(result.stderr.contains(": 1 error, 0 warnings; "))
    }

    @Test func failOnNeverPrintsTheSameFindingsAndExitsZero() throws {
        defer { directory.remove() }
        let failing = try lint(["orlesia-2021.md"])
        let result = try lint(["--fail-on", "never", "orlesia-2021.md"])

        #expect(failing.status == 1)
        #expect(result.status == 0)
        #expect(result.stdout == failing.stdout)
        #expect(result.stdout.contains("[sentences-add-up-to-convictions]"))
    }

    @Test func aWarningFailsOnlyWithFailOnWarning() throws {
        defer { directory.remove() }
        let byDefault = try lint(["--format", "line", "shelters.md"])
        let strict = try lint(["--format", "line", "--fail-on", "warning", "shelters.md"])

        let expected = [LineFinding(path: "shelters.md", line: 5, column: 1, severity: "warning", rule: "same-head-of-organisation").position]
        #expect(CLI.lines(byDefault.stdout).compactMap(LineFinding.init(parsing:)).map(\.position) == expected, "stdout: \(byDefault.stdout)")
        #expect(byDefault.status == 0, "a warning does not fail the run by default")
        #expect(strict.stdout == byDefault.stdout)
        #expect(strict.status == 1, "--fail-on warning fails on a warning")
    }

    @Test func failOnErrorIsTheDefault() throws {
        defer { directory.remove() }
        let explicit = try lint(["--fail-on", "error", "shelters.md", "orlesia-2021.md"])
        let implicit = try lint(["shelters.md", "orlesia-2021.md"])

        #expect(explicit.status == 1)
        #expect(implicit.status == explicit.status)
        #expect(implicit.stdout == explicit.stdout)
    }
}
