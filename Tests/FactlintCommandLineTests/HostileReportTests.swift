import FactlintTestSupport
import Foundation
import Testing

/// Reports from word processors, converters and scrapers, linted end to end: each case checks
/// the message (file and position), the exit code, and that the other report in the same run,
/// `orlesia-2021.md` with its one known finding, was still linted.
///
/// The very large shapes (a 200 MB report, a million figures, lists nested 10,000 deep line by
/// line) are measured by `scripts/bench-hostile`; these tests use inputs of the same shape that
/// run in a moment.
@Suite struct HostileReportTests {
    static let otherFinding = "orlesia-2021.md:3:8: error [sentences-add-up-to-convictions]"

    /// Lints `names` (then `orlesia-2021.md`) in a folder holding `files`, with the bundled rules.
    func lint(_ files: [String: [UInt8]], _ names: [String], extra: [String] = []) throws -> (result: CLI.Output, findings: [String]) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)
        for (name, bytes) in files {
            try Data(bytes).write(to: directory.url.appendingPathComponent(name))
        }
        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line"] + extra + names + ["orlesia-2021.md"], in: directory.url)
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:)).map(\.position)
        return (result, findings)
    }

    @Test func aNULByteIsReportedAtItsPositionAndTheRestIsLinted() throws {
        var bytes = Array("# Shelters\n\nThe shelter housed 31 of the 23 victims.\nA stray ".utf8)
        bytes += [0x00]
        bytes += Array(" byte.\n".utf8)

        let (result, findings) = try lint(["nul.md": bytes], ["nul.md"])

        #expect(result.status == 2, "stderr: \(result.stderr)")
        let message = try #require(CLI.lines(result.stderr).first { $0.hasPrefix("nul.md:4:9: error:") }, "stderr: \(result.stderr)")
        #expect(message.contains("NUL byte"), "message: \(message)")
        // The figures around the NUL byte are still read, and the other report is linted.
        #expect(findings == ["nul.md:3:20: error [part-within-whole]", Self.otherFinding], "stdout: \(result.stdout)")
    }

    @Test func frontMatterThatIsNotYAMLIsReportedAtItsPositionAndTheRestIsLinted() throws {
        let text = "---\ntitle: Shelters: a review\n---\n\n# Shelters\n\nThe shelter housed 31 of the 23 victims.\n"

        let (result, findings) = try lint(["front.md": Array(text.utf8)], ["front.md"])

        #expect(result.status == 2, "stderr: \(result.stderr)")
        let message = try #require(CLI.lines(result.stderr).first { $0.hasPrefix("front.md:2:16: error:") }, "stderr: \(result.stderr)")
        #expect(message.contains("the front matter is not valid YAML"), "message: \(message)")
        #expect(findings == ["front.md:7:20: error [part-within-whole]", Self.otherFinding], "stdout: \(result.stdout)")
    }

    @Test func frontMatterPastTheYAMLCapsIsReportedAndTheRestIsLinted() throws {
        // Nested 100 deep, past the 64 levels a YAML file may nest.
        let nested = (0..<100).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1"
        let text = "---\n\(nested)\n---\n\nThe shelter housed 31 of the 23 victims.\n"

        let (result, findings) = try lint(["deep.md": Array(text.utf8)], ["deep.md"])

        #expect(result.status == 2, "stderr: \(result.stderr)")
        let message = try #require(CLI.lines(result.stderr).first { $0.hasPrefix("deep.md:") && $0.contains("error:") }, "stderr: \(result.stderr)")
        #expect(message.contains("the front matter is past factlint's YAML caps: mappings and sequences nest more than 64 deep"), "message: \(message)")
        #expect(findings == ["deep.md:104:20: error [part-within-whole]", Self.otherFinding], "stdout: \(result.stdout)")
    }

    @Test func aUTF16ReportIsReportedOnceAsNotUTF8() throws {
        // UTF-16 (little-endian, with its byte-order mark): invalid UTF-8 at the first byte, NULs after.
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("# Shelters\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }

        let (result, findings) = try lint(["utf16.md": bytes], ["utf16.md"])

        #expect(result.status == 2)
        #expect(CLI.lines(result.stderr).contains { $0.hasPrefix("utf16.md:1:1: error: the file is not valid UTF-8") }, "stderr: \(result.stderr)")
        #expect(CLI.lines(result.stderr).contains { $0.hasPrefix("utf16.md:1:") && $0.contains("NUL byte") }, "stderr: \(result.stderr)")
        #expect(findings == [Self.otherFinding], "stdout: \(result.stdout)")
    }

    @Test func loneCRLineEndsKeepPositionsExact() throws {
        let text = "# Norvask shelters\r\rThe shelter housed 31 of the 23 victims.\r"

        let (result, findings) = try lint(["classic-mac.md": Array(text.utf8)], ["classic-mac.md"])

        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(findings == ["classic-mac.md:3:20: error [part-within-whole]", Self.otherFinding], "stdout: \(result.stdout)")
    }

    @Test func byteOrderMarkWithLoneCRAndCRLFMixed() throws {
        let text = "\u{FEFF}# Norvask shelters\r\n\rThe shelter\r\nhoused 31 of the 23 victims.\n"

        let (result, findings) = try lint(["mixed.md": Array(text.utf8)], ["mixed.md"])

        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(findings == ["mixed.md:4:8: error [part-within-whole]", Self.otherFinding], "stdout: \(result.stdout)")
    }

    @Test func anEmptyReportIsLintedWithoutComplaint() throws {
        let (result, findings) = try lint(["empty.md": [], "blank.txt": Array("\n\n   \n".utf8)], ["empty.md", "blank.txt"])

        #expect(result.status == 1, "only the other report's finding fails the run; stderr: \(result.stderr)")
        #expect(!result.stderr.contains("empty.md") && !result.stderr.contains("blank.txt"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("3 reports, "), "stderr: \(result.stderr)")
        #expect(findings == [Self.otherFinding], "stdout: \(result.stdout)")
    }

    @Test func aLongLineWithoutANewlineIsLintedToItsEnd() throws {
        // 200 KB on one line and no line break at the end (scripts/bench-hostile measures 10 MB).
        let sentence = "The shelter housed 14 of the 23 victims. "
        let repeats = 200_000 / sentence.utf8.count
        let text = String(repeating: sentence, count: repeats) + "The shelter housed 31 of the 23 victims."

        let (result, findings) = try lint(["one-line.md": Array(text.utf8)], ["one-line.md"])

        #expect(result.status == 1, "stderr: \(result.stderr.prefix(500))")
        let column = repeats * sentence.count + 20
        #expect(findings == ["one-line.md:1:\(column): error [part-within-whole]", Self.otherFinding], "stdout: \(result.stdout.prefix(500))")
    }

    @Test func aNULByteFarIntoALongLineGivesNoSnippet() throws {
        var bytes = Array(String(repeating: "word ", count: 100_000).utf8)
        bytes[200_000] = 0

        let (result, _) = try lint(["long-nul.md": bytes], ["long-nul.md"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("long-nul.md:1:200001: error: the file holds a NUL byte"), "stderr: \(result.stderr.prefix(300))")
        #expect(result.stderr.utf8.count < 2_000, "no snippet of a line that long: \(result.stderr.utf8.count) bytes")
    }

    @Test func aTableOfTwentyThousandRowsIsReadCellByCell() throws {
        // The men's column adds up to 400,000, not the 400,001 its total row gives.
        // scripts/bench-hostile measures 100,000 rows.
        var lines = ["# Victims by region", "", "| Region | Women | Men |", "| --- | ---: | ---: |"]
        for row in 0..<20_000 { lines.append("| Region \(row) | 40 | 20 |") }
        lines.append("| Total | 800000 | 400001 |")
        let text = lines.joined(separator: "\n") + "\n"

        let (result, findings) = try lint(["table.md": Array(text.utf8)], ["table.md"])

        #expect(result.status == 1, "stderr: \(result.stderr.suffix(300))")
        #expect(findings == ["table.md:20005:20: error [table-total-adds-up]", Self.otherFinding], "stdout: \(result.stdout.prefix(500))")
    }

    @Test(arguments: [
        ("lists.md", String(repeating: "- ", count: 10_000) + "31 of the 23 victims\n", 129),
        ("quotes.md", String(repeating: "> ", count: 10_000) + "31 of the 23 victims\n", 129),
        ("both.md", String(repeating: "> - ", count: 5_000) + "31 of the 23 victims\n", 129),
    ])
    func nestingTenThousandDeepIsReportedAtTheLimit(name: String, text: String, column: Int) throws {
        let (result, findings) = try lint([name: Array(text.utf8)], [name])

        #expect(result.status == 2, "stderr: \(result.stderr.prefix(500))")
        let message = try #require(CLI.lines(result.stderr).first { $0.hasPrefix("\(name):1:\(column): error:") }, "stderr: \(result.stderr.prefix(500))")
        #expect(message.contains("nest more than 64 deep"), "message: \(message)")
        // Past the limit the text is a plain paragraph, still read for figures.
        #expect(findings.last == Self.otherFinding, "stdout: \(result.stdout)")
    }

    @Test func listsNestedLineByLineAreReportedOnTheFirstLinePastTheLimit() throws {
        // Each item one line further in, 200 deep (scripts/bench-hostile measures 10,000 deep, 100 MB).
        let text = (0..<200).map { String(repeating: "  ", count: $0) + "- level \($0)\n" }.joined()

        let (result, findings) = try lint(["indented.md": Array(text.utf8)], ["indented.md"])

        #expect(result.status == 2, "stderr: \(result.stderr.prefix(500))")
        #expect(result.stderr.contains("indented.md:65:129: error: lists or block quotes nest more than 64 deep"), "stderr: \(result.stderr.prefix(500))")
        #expect(findings == [Self.otherFinding], "stdout: \(result.stdout)")
    }

    @Test func listsNestedWithinTheLimitAreNotReported() throws {
        let text = (0..<64).map { String(repeating: "  ", count: $0) + "- level \($0)\n" }.joined()

        let (result, findings) = try lint(["indented.md": Array(text.utf8)], ["indented.md"])

        #expect(result.status == 1, "stderr: \(result.stderr.prefix(500))")
        #expect(!result.stderr.contains("indented.md"), "stderr: \(result.stderr.prefix(500))")
        #expect(findings == [Self.otherFinding], "stdout: \(result.stdout)")
    }

    @Test func manyFiguresAreAllRead() throws {
        // 2,000 lines of 6 figures: 12,000 figures (scripts/bench-hostile measures a million).
        let line = "In 2019, 12 of 31 victims, 4.8% of 150, were held for 3 years.\n"
        let text = "# Figures\n\n" + String(repeating: line, count: 2_000)

        let (result, findings) = try lint(["figures.md": Array(text.utf8)], ["figures.md"])

        #expect(result.status == 1, "stderr: \(result.stderr.suffix(300))")
        // Besides the 12,000, the other report holds a few figures of its own.
        let summary = try #require(CLI.lines(result.stderr).last, "stderr: \(result.stderr.suffix(300))")
        let read = try #require(summary.firstMatch(of: /(\d+) figures read/).flatMap { Int($0.1) }, "summary: \(summary)")
        #expect(read >= 12_000 && read < 12_010, "summary: \(summary)")
        #expect(findings.last == Self.otherFinding, "stdout: \(result.stdout.suffix(300))")
    }

    @Test func aLargeReportIsLintedWithEveryFindingInPlace() throws {
        // 1,000 paragraphs, each with one planted error: 1,000 findings, each on its own line.
        let paragraph = "Of the 10 convicted, four were sentenced to six years; five were sentenced to three.\n\n"
        let text = "# A long report\n\n" + String(repeating: paragraph, count: 1_000)

        let (result, findings) = try lint(["long.md": Array(text.utf8)], ["long.md"])

        #expect(result.status == 1)
        let expected = (0..<1_000).map { "long.md:\(3 + 2 * $0):8: error [sentences-add-up-to-convictions]" } + [Self.otherFinding]
        #expect(findings == expected, "first: \(findings.prefix(2)), last: \(findings.suffix(2))")
    }

    @Test func aFolderGivenWhereAReportIsExpectedIsWalked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)
        try directory.write("not-a-report.md/inside.md", SampleReport.partLargerThanWhole)

        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "not-a-report.md", "orlesia-2021.md"], in: directory.url)

        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:)).map(\.position)
        #expect(findings == ["not-a-report.md/inside.md:3:20: error [part-within-whole]", Self.otherFinding], "stdout: \(result.stdout)")
    }
}

/// Files that exist when the run starts but cannot be read: one the user may not read, one
/// deleted while factlint is busy with another, a FIFO.
@Suite struct VanishingReportTests {
    /// Runs factlint with `arguments` in `directory`; as a user without root's privileges when
    /// the tests run as root, so that a file's permissions mean something.
    func runUnprivileged(_ arguments: [String], in directory: URL) throws -> CLI.Output {
        var program = CommandRunner.executable
        var programArguments = arguments
        if geteuid() == 0 {
            let setpriv = "/usr/bin/setpriv"
            try #require(FileManager.default.isExecutableFile(atPath: setpriv), "running as root needs setpriv to drop privileges")
            program = URL(fileURLWithPath: setpriv)
            programArguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CommandRunner.executable.path] + arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let result = try CommandRunner.runProgram(program, programArguments, in: directory, environment: environment)
        return CLI.Output(stdout: result.stdout, stderr: result.stderr, status: result.status)
    }

    @Test func aFileThatMayNotBeReadIsReportedAndTheOthersLinted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)
        let secret = try directory.write("secret.md", SampleReport.partLargerThanWhole)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.url.path)

        let result = try runUnprivileged(["lint", "--rules", CLI.bundledRules, "--format", "line", "secret.md", "orlesia-2021.md"], in: directory.url)

        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(CLI.lines(result.stderr).contains { $0.hasPrefix("secret.md: error: cannot read the file") }, "stderr: \(result.stderr)")
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:)).map(\.position)
        #expect(findings == [HostileReportTests.otherFinding], "stdout: \(result.stdout)")
    }

    @Test(.timeLimit(.minutes(1)))
    func aFileDeletedDuringTheRunIsReportedAndTheOthersLinted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let vanishing = try directory.write("vanishing.md", SampleReport.partLargerThanWhole)
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)

        // factlint checks every path, then reads standard input first (one job, in order). A
        // write larger than a pipe holds returns only once factlint is reading it, so by then
        // "vanishing.md" has been found; the test deletes it before closing standard input.
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["lint", "--jobs", "1", "--rules", CLI.bundledRules, "--format", "line", "-", "vanishing.md", "orlesia-2021.md"]
        process.currentDirectoryURL = directory.url
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let input = Pipe()
        let out = Pipe()
        let err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()

        let filler = Data(String(repeating: "Words without figures fill the pipe. ", count: 10_000).utf8)
        input.fileHandleForWriting.write(filler)
        try FileManager.default.removeItem(atPath: vanishing)
        input.fileHandleForWriting.write(Data("\n\nThe shelter housed 31 of the 23 victims.\n".utf8))
        try input.fileHandleForWriting.close()

        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 2, "stderr: \(stderr)")
        #expect(CLI.lines(stderr).contains { $0.hasPrefix("vanishing.md: error: cannot read the file") }, "stderr: \(stderr)")
        let findings = CLI.lines(stdout).compactMap(LineFinding.init(parsing:)).map(\.position)
        #expect(findings == ["<stdin>:3:20: error [part-within-whole]", HostileReportTests.otherFinding], "stdout: \(stdout)")
    }

    @Test func aFIFOGivenAsAReportIsReportedAndTheOthersLinted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)
        #expect(mkfifo(directory.url.appendingPathComponent("pipe.md").path, 0o644) == 0)

        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "pipe.md", "orlesia-2021.md"], in: directory.url)

        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(CLI.lines(result.stderr).contains { $0.hasPrefix("pipe.md: error: cannot read the file") }, "stderr: \(result.stderr)")
        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:)).map(\.position)
        #expect(findings == [HostileReportTests.otherFinding], "stdout: \(result.stdout)")
    }
}
