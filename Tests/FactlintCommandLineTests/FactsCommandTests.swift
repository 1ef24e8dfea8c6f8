import FactlintTestSupport
import Foundation
import Testing

/// `factlint facts FILE`: every figure read, with its position.
@Suite struct FactsCommandTests {
    static let report = """
        # Orlesia, 2019

        Police opened 22 investigations and charged nineteen suspects.
        Courts convicted 40% of them, under Article 128.

        """

    /// (line, column, text) of figures a rule author expects to see, in document order.
    static let expectedFigures: [(Int, Int, String)] = [
        (3, 15, "22"),
        (3, 45, "nineteen"),
        (4, 18, "40%"),
    ]

    @Test func textListsOneFigurePerLineWithPositionAndQuotedText() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia.md", Self.report)

        let result = try CLI.run(["facts", "orlesia.md"], in: directory.url)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr == "")
        let lines = CLI.lines(result.stdout)
        #expect(lines.allSatisfy { $0.wholeMatch(of: /\d+:\d+\s+".*".*/) != nil }, "stdout:\n\(result.stdout)")
        let listed = lines.compactMap { line -> String? in
            guard let match = line.firstMatch(of: /^(\d+:\d+)\s+"([^"]*)"/) else { return nil }
            return "\(match.1) \(match.2)"
        }
        let expected = Self.expectedFigures.map { "\($0.0):\($0.1) \($0.2)" }
        #expect(listed.filter { expected.contains($0) } == expected, "listed:\n\(listed.joined(separator: "\n"))")
        #expect(!listed.contains { $0.hasSuffix(" 128") }, "\"Article 128\" is not a figure")
    }

    @Test func jsonHasFiguresWithLineColumnTextAndKind() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia.md", Self.report)

        let result = try CLI.run(["facts", "--format", "json", "orlesia.md"], in: directory.url)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let root = try #require(object as? [String: Any], "top level is an object")
        let figures = try #require(root["figures"] as? [[String: Any]], "root: \(root.keys)")
        #expect(!figures.isEmpty)
        for figure in figures {
            #expect(figure["line"] is Int && figure["column"] is Int && figure["text"] is String && figure["kind"] is String, "figure: \(figure)")
        }
        let triples = figures.compactMap { figure -> String? in
            guard let line = figure["line"] as? Int, let column = figure["column"] as? Int, let text = figure["text"] as? String else { return nil }
            return "\(line):\(column) \(text)"
        }
        let expected = Self.expectedFigures.map { "\($0.0):\($0.1) \($0.2)" }
        #expect(triples.filter { expected.contains($0) } == expected, "figures: \(triples)")
        let kinds = Dictionary(figures.compactMap { f in (f["text"] as? String).map { ($0, f["kind"] as? String ?? "") } }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["22"] == "count")
        #expect(kinds["nineteen"] == "count")
        #expect(kinds["40%"] == "percent")
    }

    @Test func textAndJSONListTheSameFigures() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia.md", SampleReport.clean)

        let text = try CLI.run(["facts", "orlesia.md"], in: directory.url)
        let json = try CLI.run(["facts", "--format", "json", "orlesia.md"], in: directory.url)

        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let figures = try #require(root["figures"] as? [[String: Any]])
        #expect(CLI.lines(text.stdout).count == figures.count)
    }

    @Test(arguments: [["facts", "no/such/report.md"], ["facts", "--format", "json", "no/such/report.md"]])
    func missingFileExitsTwoNamingIt(arguments: [String]) throws {
        let result = try CLI.run(arguments)

        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/report.md"), "stderr: \(result.stderr)")
        #expect(!result.stdout.contains("\"text\""), "no figures are listed: \(result.stdout)")
        #expect(!CLI.lines(result.stdout).contains { $0.first?.isNumber == true }, "no figures are listed: \(result.stdout)")
    }

    @Test func missingFileDoesNotStopTheOtherFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("orlesia.md", Self.report)

        let result = try CLI.run(["facts", "missing.md", "orlesia.md"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.md"), "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\"nineteen\""), "the readable report's figures are listed: \(result.stdout)")
    }

    /// Three reports of different lengths, so jobs finish out of order.
    static func writeReports(in directory: TemporaryDirectory) throws {
        try directory.write("a-orlesia.md", Self.report)
        try directory.write("b-veldan.md", String(repeating: "Shelters in Veldan took in 31 women and 12 girls in March 2021. ", count: 60))
        try directory.write("c-short.md", "Inspectors closed 3 agencies.\n")
    }

    @Test(arguments: ["text", "json", "summary"])
    func outputIsTheSameWhateverTheNumberOfJobs(format: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeReports(in: directory)

        let one = try CLI.run(["facts", "--format", format, "--jobs", "1", "."], in: directory.url)
        let two = try CLI.run(["facts", "--format", format, "--jobs", "2", "."], in: directory.url)

        #expect(one.status == 0, "stderr: \(one.stderr)")
        #expect(two.status == 0, "stderr: \(two.stderr)")
        #expect(one.stdout.contains("3"), "stdout: \(one.stdout)")
        #expect(one.stdout == two.stdout)
    }

    @Test func textListsReportsInTheOrderGiven() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeReports(in: directory)

        let result = try CLI.run(["facts", "--jobs", "2", "c-short.md", "a-orlesia.md"], in: directory.url)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = CLI.lines(result.stdout).compactMap { $0.split(separator: ":").first.map(String.init) }
        #expect(files.first == "c-short.md" && files.last == "a-orlesia.md", "stdout: \(result.stdout)")
        #expect(files.contains("a-orlesia.md") && !files.contains("b-veldan.md"))
    }

    @Test func summaryCountsTheFiguresTheJSONLists() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeReports(in: directory)

        let summary = try CLI.run(["facts", "--format", "summary", "."], in: directory.url)
        let json = try CLI.run(["facts", "--format", "json", "."], in: directory.url)

        #expect(summary.status == 0, "stderr: \(summary.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "stdout: \(json.stdout.prefix(300))")
        let reports = try #require(root["files"] as? [[String: Any]], "root: \(root.keys)")
        let figures = reports.flatMap { $0["figures"] as? [[String: Any]] ?? [] }
        let counts = Dictionary(grouping: figures, by: { $0["kind"] as? String ?? "" }).mapValues(\.count)
        #expect(summary.stdout.hasPrefix("3 reports: \(figures.count) figures ("), "stdout: \(summary.stdout)")
        #expect(summary.stdout.contains("\(counts["count"] ?? 0) count"), "stdout: \(summary.stdout); counts: \(counts)")
        #expect(summary.stdout.contains("\(counts["date"] ?? 0) date"), "stdout: \(summary.stdout); counts: \(counts)")
    }

    @Test func readsStandardInput() throws {
        let result = try CommandRunner.run(["facts", "-"], input: "Police opened 22 investigations in 2019.\n")

        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("1:15  \"22\"  count"), "stdout: \(result.stdout)")
    }

    @Test func textThatIsNotUTF8IsReportedAndTheRestListed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bytes: [UInt8] = Array("Raids in Ost".utf8) + [0xFF] + Array("a freed 14 workers.\n".utf8)
        try Data(bytes).write(to: directory.url.appendingPathComponent("latin.md"))

        let result = try CLI.run(["facts", "latin.md"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains("latin.md:1:13: error: the file is not valid UTF-8 (byte 0xFF)"), "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\"14\""), "stdout: \(result.stdout)")
    }

    @Test func aReportOverTheConfiguredSizeIsRefusedAsLintRefusesIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(".factlint.yml", "limits: {report_size: 1KB}\n")
        try directory.write("long.md", String(repeating: "Inspectors visited 4 shelters in the region. ", count: 40))
        try directory.write("short.md", Self.report)

        let result = try CLI.run(["facts", "long.md", "short.md"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains("long.md: error: the file is"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("larger than the 1 KB factlint reads in one report"), "stderr: \(result.stderr)")
        #expect(result.stdout.contains("short.md:3:15"), "the other report is listed: \(result.stdout)")
    }
}
