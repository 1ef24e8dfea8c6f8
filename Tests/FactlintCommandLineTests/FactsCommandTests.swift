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
}
