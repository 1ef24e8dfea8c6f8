import FactlintTestSupport
import Foundation
import Testing

/// Paths that do not exist or cannot be read: a message naming the path, exit 2, and the other files still linted.
@Suite struct InputErrorTests {
    @Test func missingPathExitsTwoNamingIt() throws {
        let result = try CLI.run(["lint", "no/such/file.md"])

        #expect(result.status == 2)
        let message = try #require(CLI.lines(result.stderr).first { $0.contains("no/such/file.md") }, "stderr: \(result.stderr)")
        #expect(message.contains("error"), "message: \(message)")
    }

    @Test func missingPathDoesNotStopTheOtherReports() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)

        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "no/such/file.md", "orlesia-2021.md"], in: directory.url)

        #expect(result.status == 2, "an I/O error wins over findings")
        #expect(result.stderr.contains("no/such/file.md"), "stderr: \(result.stderr)")
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:))
        #expect(findings.map(\.position) == ["orlesia-2021.md:3:8: error [sentences-add-up-to-convictions]"], "stdout: \(result.stdout)")
    }

    @Test func brokenSymlinkGivenAsAPathIsReportedAndTheOtherReportsLinted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("gone.md").path, withDestinationPath: "nowhere/gone.md")

        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "gone.md", "orlesia-2021.md"], in: directory.url)

        #expect(result.status == 2)
        #expect(CLI.lines(result.stderr).contains { $0.hasPrefix("gone.md") && $0.contains("error") }, "stderr: \(result.stderr)")
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:))
        #expect(findings.map(\.position) == ["orlesia-2021.md:3:8: error [sentences-add-up-to-convictions]"], "stdout: \(result.stdout)")
    }

    @Test func brokenSymlinkInsideAFolderIsReportedAndTheOtherReportsLinted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("reports/orlesia-2021.md", SampleReport.sentencesShort)
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("reports/gone.md").path, withDestinationPath: "nowhere/gone.md")

        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "reports"], in: directory.url)

        #expect(result.status == 2, "a report in the folder cannot be read; stderr: \(result.stderr)")
        #expect(result.stderr.contains("reports/gone.md"), "the unreadable report is named; stderr: \(result.stderr)")
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:))
        #expect(findings.map(\.position) == ["reports/orlesia-2021.md:3:8: error [sentences-add-up-to-convictions]"], "stdout: \(result.stdout)")
    }

    @Test func linksInsideAFolderToAReportAndToAFolderAreFollowed() throws {
        // The folder's listing says what most entries are; a link is looked through with `stat`.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("elsewhere/orlesia-2021.md", SampleReport.sentencesShort)
        try directory.write("archive/2020/orlesia-2020.md", SampleReport.sentencesShort)
        try directory.write("reports/notes.txt.bak", "not a report")
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("reports/linked.md").path, withDestinationPath: "../elsewhere/orlesia-2021.md")
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("reports/older").path, withDestinationPath: "../archive")

        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "reports"], in: directory.url)

        #expect(result.status == 1, "stderr: \(result.stderr)")
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:))
        #expect(findings.map(\.position) == [
            "reports/linked.md:3:8: error [sentences-add-up-to-convictions]",
            "reports/older/2020/orlesia-2020.md:3:8: error [sentences-add-up-to-convictions]",
        ], "stdout: \(result.stdout)")
    }

    @Test(.timeLimit(.minutes(1)))
    func symlinkLoopLintsEachReportOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("reports/orlesia-2021.md", SampleReport.sentencesShort)
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("reports/again").path, withDestinationPath: ".")

        let relative = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "reports"], in: directory.url)
        let absolute = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", directory.url.appendingPathComponent("reports").path], in: directory.url)

        for result in [relative, absolute] {
            let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:))
            #expect(findings.count == 1, "the one report is linted once, got \(findings.count) findings:\n\(result.stdout.prefix(600))")
            #expect(result.stderr.contains("1 report, "), "summary: \(result.stderr.suffix(200))")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func symlinkLoopIsReportedAndExitsTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("reports/orlesia-2021.md", SampleReport.sentencesShort)
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("reports/again").path, withDestinationPath: ".")

        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "reports"], in: directory.url)

        // DESIGN.md, "Bad input": a directory loop gets a clear message naming it and the run exits 2.
        #expect(result.status == 2)
        #expect(result.stderr.contains("reports/again"), "stderr: \(result.stderr.suffix(400))")
    }

    @Test func invalidUTF8IsReportedWithItsPositionAndTheOtherReportsLinted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)
        // "caf\u{E9}" in Latin-1: byte 0xE9 at line 3, column 47, is not UTF-8.
        var bytes = Array("# Shelters\n\nThe shelter housed 14 of the 23 victims in caf".utf8)
        bytes += [0xE9]
        bytes += Array(" Lumi.\n".utf8)
        try Data(bytes).write(to: directory.url.appendingPathComponent("latin1.md"))

        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "latin1.md", "orlesia-2021.md"], in: directory.url)

        // DESIGN.md, "Bad input": invalid UTF-8 gets a clear message naming the file and position; exit 2.
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("latin1.md:3:47"), "stderr: \(result.stderr)")
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:))
        #expect(findings.map(\.position).contains("orlesia-2021.md:3:8: error [sentences-add-up-to-convictions]"), "stdout: \(result.stdout)")
    }

    @Test func byteOrderMarkAndCRLFKeepPositionsExact() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = "\u{FEFF}# Norvask shelters\r\n\r\nThe shelter housed 31 of the 23 victims.\r\n"
        try directory.write("windows.md", text)

        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "windows.md"], in: directory.url)

        #expect(result.status == 1, "stderr: \(result.stderr)")
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:))
        #expect(findings.map(\.position) == ["windows.md:3:20: error [part-within-whole]"], "stdout: \(result.stdout)")
    }
}
