import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import FactlintTestSupport

@Suite("factlint summary")
struct SummaryCommandTests {
    /// A finding as both `lint --format json` and `summary --format json` locate it.
    struct Located: Hashable, Comparable, CustomStringConvertible {
        var rule: String
        var severity: String
        var message: String
        var path: String
        var line: Int
        var column: Int
        /// Every other figure the finding used: line and column.
        var related: [[Int]]

        static func < (left: Located, right: Located) -> Bool { left.description < right.description }
        var description: String { "\(path):\(line):\(column) \(severity) [\(rule)] \(message) \(related)" }
    }

    static func lintFindings(_ document: JSONDocument) -> [Located] {
        (document["findings"]?.array ?? []).map { finding in
            Located(
                rule: finding["rule"]?.string ?? "", severity: finding["severity"]?.string ?? "", message: finding["message"]?.string ?? "",
                path: finding["path"]?.string ?? "",
                line: finding["span"]?["start"]?["line"]?.integer ?? 0, column: finding["span"]?["start"]?["column"]?.integer ?? 0,
                related: (finding["related"]?.array ?? []).map { [$0["span"]?["start"]?["line"]?.integer ?? 0, $0["span"]?["start"]?["column"]?.integer ?? 0] }
            )
        }
    }

    static func summaryFindings(_ document: JSONDocument) -> [Located] {
        (document["discrepancies"]?.array ?? []).map { row in
            Located(
                rule: row["rule"]?.string ?? "", severity: row["severity"]?.string ?? "", message: row["message"]?.string ?? "",
                path: row["path"]?.string ?? "", line: row["line"]?.integer ?? 0, column: row["column"]?.integer ?? 0,
                related: (row["figures"]?.array ?? []).filter { $0["primary"] != .bool(true) }.map { [$0["line"]?.integer ?? 0, $0["column"]?.integer ?? 0] }
            )
        }
    }

    @Test func onTheSampleReportsTheSummaryListsExactlyLintsFindings() throws {
        let lint = try CLI.run(["lint", "--format", "json"])
        let summary = try CLI.run(["summary", "--format", "json"])
        #expect(lint.status == 1)
        #expect(summary.status == lint.status)
        let linted = try JSONDocument.parse(lint.stdout)
        let summarised = try JSONDocument.parse(summary.stdout)
        let expected = Self.lintFindings(linted)
        // The sample drafts have planted discrepancies (errors and warnings both).
        #expect(expected.contains { $0.severity == "error" } && expected.contains { $0.severity == "warning" })
        #expect(Self.summaryFindings(summarised).sorted() == expected.sorted())
        // The same counts, too.
        #expect(summarised["totals"]?["figures_read"] == linted["summary"]?["figures_read"])
        #expect(summarised["totals"]?["figures_used"] == linted["summary"]?["figures_used"])
        #expect(summarised["totals"]?["findings"]?["error"] == linted["summary"]?["errors"])
        #expect(summarised["totals"]?["findings"]?["warning"] == linted["summary"]?["warnings"])
        #expect(summarised["totals"]?["reports"] == linted["summary"]?["reports"])
        #expect(summarised["rules"] == linted["summary"]?["rules"])
        // And the document is valid against the published schema.
        let schemaText = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Tests/Schemas/summary-v1.schema.json"), encoding: .utf8)
        #expect(JSONSchemaSubset(schema: try JSONDocument.parse(schemaText)).violations(of: summarised) == [])
    }

    @Test func theRowsAreSortedBySeverityThenByGap() throws {
        let summary = try JSONDocument.parse(CLI.run(["summary", "--format", "json"]).stdout)
        let rows = try #require(summary["discrepancies"]?.array)
        let rank = ["error": 2, "warning": 1, "info": 0]
        let keys = rows.map { (rank[$0["severity"]?.string ?? ""] ?? -1, $0["gap"]?.number ?? -1) }
        for (earlier, later) in zip(keys, keys.dropFirst()) {
            #expect(earlier.0 > later.0 || (earlier.0 == later.0 && earlier.1 >= later.1), "\(earlier) before \(later)")
        }
    }

    /// The entries of the list under the line `heading`, as rows: an entry's first line (at the
    /// margin, split at its first space; continued on lines indented by two) and then each field
    /// ("    Name: value", continued on lines indented by six), wrapped pieces joined as in `textTable`.
    /// A report's entry gives its path and its counts line.
    static func stackedList(after heading: String, in output: String) -> [[String]] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return [] }
        var entries: [[String]] = []
        func join(_ text: String, _ piece: String) -> String {
            text.last.map { "-/.:".contains($0) } == true ? text + piece : text + " " + piece
        }
        for line in lines[(start + 1)...] {
            if line.hasPrefix("      ") {
                entries[entries.count - 1][entries[entries.count - 1].count - 1] = join(entries[entries.count - 1].last ?? "", String(line.dropFirst(6)))
            } else if line.hasPrefix("    ") {
                let field = String(line.dropFirst(4))
                entries[entries.count - 1].append(field.firstIndex(of: ":").map { String(field[field.index($0, offsetBy: 2)...]) } ?? field)
            } else if line.hasPrefix("  ") {
                let last = entries[entries.count - 1].count - 1
                entries[entries.count - 1][last] = join(entries[entries.count - 1][last], String(line.dropFirst(2)))
            } else if line.isEmpty {
                if heading == "Reports" { break }
                continue
            } else if line.hasPrefix("Total:") {
                break
            } else if heading == "Reports" {
                entries.append(["", line])
            } else {
                let space = line.firstIndex(of: " ") ?? line.endIndex
                entries.append([String(line[..<space]), String(line[space...].drop { $0 == " " })])
            }
        }
        // A discrepancy reads as the table's row: severity, where, rule, stated, implied, gap.
        return entries
    }

    /// The rows of the text table whose header starts with `header`, each cell's lines joined
    /// back: without a space after a line ending in a joining mark (`-`, `/`, `.`, `:`), else with one.
    /// A row starts on a line where column `key` (one whose cells never wrap) has text.
    static func textTable(startingWith header: String, key: Int = 0, in output: String) -> [[String]] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard let headerIndex = lines.firstIndex(where: { String($0).hasPrefix(header) }),
              let ruleIndex = lines[headerIndex...].firstIndex(where: { $0.first == "-" }) else { return [] }
        // Each column spans a run of dashes in the rule under the header.
        var columns: [Range<Int>] = []
        var index = 0
        let rule = lines[ruleIndex]
        while index < rule.count {
            if rule[index] == "-" {
                let start = index
                while index < rule.count, rule[index] == "-" { index += 1 }
                columns.append(start..<index)
            } else {
                index += 1
            }
        }
        var rows: [[String]] = []
        for line in lines[(ruleIndex + 1)...] {
            if line.isEmpty { break }
            let pieces = columns.map { range in
                String(line[min(range.lowerBound, line.count)..<min(range.upperBound, line.count)]).trimmingCharacters(in: .whitespaces)
            }
            if !pieces[key].isEmpty || rows.isEmpty {
                rows.append(pieces)
                continue
            }
            for (column, piece) in pieces.enumerated() where !piece.isEmpty {
                let joiner = rows[rows.count - 1][column].last.map { "-/.:".contains($0) } == true ? "" : " "
                rows[rows.count - 1][column] += (rows[rows.count - 1][column].isEmpty ? "" : joiner) + piece
            }
        }
        return rows
    }

    @Test(arguments: [80, 200])
    func theTextTableFitsTheColumnsAndNamesEveryFinding(columns: Int) throws {
        let result = try CommandRunner.run(["summary"], environment: ["COLUMNS": String(columns)])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        for line in lines {
            #expect(line.unicodeScalars.count <= columns, "\(line.unicodeScalars.count): \(line)")
        }
        // Read back, the table (or, too narrow for one, the list) holds each finding lint reports,
        // at the same place, with the JSON's values.
        let stacked = !result.stdout.contains("Severity ")
        #expect(stacked == (columns == 80), "a table at 200 columns; at 80, where paths would break, a list")
        let rows = stacked ? Self.stackedList(after: "Discrepancies", in: result.stdout) : Self.textTable(startingWith: "Severity", in: result.stdout)
        let lint = try JSONDocument.parse(CLI.run(["lint", "--format", "json"]).stdout)
        let counts = try #require(lint["summary"])
        let total = "Total: \(counts["reports"]?.integer ?? 0) reports, \(counts["errors"]?.integer ?? 0) errors, \(counts["warnings"]?.integer ?? 0) warnings;"
        #expect(result.stdout.replacingOccurrences(of: "\n", with: " ").contains(total))
        let expected = Self.lintFindings(lint).map { [$0.severity, "\($0.path):\($0.line)", $0.rule] }
        #expect(rows.map { Array($0.prefix(3)) }.sorted { $0.description < $1.description } == expected.sorted { $0.description < $1.description })
        let json = try JSONDocument.parse(CLI.run(["summary", "--format", "json"]).stdout)
        let discrepancies = try #require(json["discrepancies"]?.array)
        #expect(rows.count == discrepancies.count)
        for (row, discrepancy) in zip(rows, discrepancies) {
            #expect(row[3] == discrepancy["stated"]?.string)
            #expect(row[4] == (discrepancy["implied"]?.string == "" ? "–" : discrepancy["implied"]?.string))
            #expect(row[5] == discrepancy["gap_text"]?.string)
        }
        // The reports' table (or list) names every report, whole.
        #expect(result.stdout.contains("Report ") != stacked)
        let reports = stacked ? Self.stackedList(after: "Reports", in: result.stdout).map { [$0[1]] }
            : Self.textTable(startingWith: "Report ", key: 1, in: result.stdout)
        #expect(reports.map(\.first) == json["reports"]?.array?.map { $0["path"]?.string })
    }

    @Test func markdownHasARowPerFindingInTheSummarysOrder() throws {
        let result = try CLI.run(["summary", "--format", "markdown"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "### Discrepancies"))
        let rows = Array(lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2))
        let json = try JSONDocument.parse(CLI.run(["summary", "--format", "json"]).stdout)
        let discrepancies = try #require(json["discrepancies"]?.array)
        #expect(rows.count == discrepancies.count)
        for (row, discrepancy) in zip(rows, discrepancies) {
            let start = "| \(discrepancy["severity"]?.string ?? "") | \(discrepancy["path"]?.string ?? ""):\(discrepancy["line"]?.integer ?? 0) | \(discrepancy["rule"]?.string ?? "") |"
            #expect(row.hasPrefix(start))
        }
    }

    @Test func htmlGoesToTheOutputFileAsOneWellFormedPage() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("summary.html").path
        let result = try CLI.run(["summary", "--format", "html", "--output", file])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let data = try #require(FileManager.default.contents(atPath: file))
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let lint = try JSONDocument.parse(CLI.run(["lint", "--format", "json"]).stdout)
        #expect(html.components(separatedBy: "<li class=\"error\">").count - 1 == lint["summary"]?["errors"]?.integer)
        #expect(html.components(separatedBy: "<li class=\"warning\">").count - 1 == lint["summary"]?["warnings"]?.integer)
        // No file is left beside it from the atomic write.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["summary.html"])
    }

    @Test func exitCodesFollowFailOnAndInputProblems() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clean = try directory.write("clean.md", "Courts convicted 3 offenders. Two were sentenced to prison; one was sentenced to a fine.\n")
        let cleanRun = try CLI.run(["summary", "--rules", CLI.bundledRules, clean], in: directory.url)
        #expect(cleanRun.status == 0)
        #expect(cleanRun.stdout.contains("No discrepancies."))
        #expect(try CLI.run(["summary", "--fail-on", "never"]).status == 0)
        let warningsOnly = try CLI.run(["summary", "--fail-on", "error", "Reports/kazakhstan-missing-persons-news.md"])
        #expect(warningsOnly.status == 0)
        #expect(try CLI.run(["summary", "--strict", "Reports/kazakhstan-missing-persons-news.md"]).status == 1)
        let missing = try CLI.run(["summary", "--format", "json", "--rules", CLI.bundledRules, clean, "no-such-report.md"], in: directory.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-report.md"))
        let document = try JSONDocument.parse(missing.stdout)
        #expect(document["diagnostics"]?.array?.first?["path"]?.string == "no-such-report.md")
        #expect(try CLI.run(["summary", "--format", "pdf"]).status == 2)
    }

    @Test func anOutputThatCannotBeWrittenIsAnInputProblem() throws {
        let result = try CLI.run(["summary", "--output", "/nonexistent-folder/summary.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write the output"))
    }

    @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
        let result = try CLI.run(["summary", "--format", "json"])
        #expect(!result.stderr.contains("\r"))
        #expect(!result.stderr.contains("linted"))
    }

    @Test func aProgressLineOnATerminalIsClearedAtTheEnd() throws {
        let pty = try PseudoTerminal()
        defer { close(pty.primary) }
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["summary", "--jobs", "2"]
        process.currentDirectoryURL = CommandRunner.packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(fileDescriptor: pty.secondary, closeOnDealloc: false)
        do {
            try process.run()
        } catch {
            close(pty.secondary)
            throw error
        }
        close(pty.secondary)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pty.primary, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let terminal = String(decoding: bytes, as: UTF8.self)
        #expect(terminal.contains("linted 8 of 8 files, "))
        #expect(terminal.hasSuffix("\r\u{1B}[K"), "the line is cleared: \(terminal.debugDescription)")
        // Standard output, a pipe, holds the summary and nothing of the progress line.
        let summary = String(decoding: stdout, as: UTF8.self)
        #expect(summary.hasPrefix("factlint summary: 8 reports"))
        #expect(!summary.contains("linted"))
    }

    @Test func factsComparedAcrossReportsAreListedAsLintListsThem() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("rules.yml", """
        rules:
          - id: convictions-agree-across-reports
            kind: same
            scope: corpus
            severity: error
            template: "the government convicted {n:count} {what:text} in {year:year}"
            key: [document.country, what, year]
            value: n
        """)
        try directory.write("ministry.md", "---\ncountry: Valdoria\n---\nIn its review, the government convicted 19 traffickers in 2007.\n")
        try directory.write("ngo.md", "---\ncountry: Valdoria\n---\nBy our count the government convicted 12 traffickers in 2007.\n")
        let arguments = ["--rules", "rules.yml", "ministry.md", "ngo.md", "--format", "json"]
        let lint = try CLI.run(["lint"] + arguments, in: directory.url)
        let summary = try CLI.run(["summary"] + arguments, in: directory.url)
        #expect(lint.status == 1)
        #expect(summary.status == 1)
        let expected = Self.lintFindings(try JSONDocument.parse(lint.stdout))
        #expect(expected.count == 1)
        let document = try JSONDocument.parse(summary.stdout)
        #expect(Self.summaryFindings(document) == expected)
        let row = try #require(document["discrepancies"]?.array?.first)
        // The figure in the other report is read from the line the finding quotes.
        #expect(row["figures"]?.array?.compactMap { $0["text"]?.string } == ["12", "19"])
        #expect(row["gap"]?.number == 7)
        #expect(document["totals"]?["findings"]?["error"]?.integer == 1)
        #expect(document["reports"]?.array?.compactMap { $0["findings"]?["error"]?.integer } == [0, 1])
        // In the page, the figures are marked in both reports.
        let page = try CLI.run(["summary", "--rules", "rules.yml", "ministry.md", "ngo.md", "--format", "html"], in: directory.url)
        #expect(page.stdout.contains(#"<mark class="fig error primary" id="r1-h1""#))
        #expect(page.stdout.contains(#"<mark class="fig error" id="r0-h1""#))
        // The report without a finding of its own is open too, as it holds a marked figure.
        #expect(page.stdout.components(separatedBy: #"<details open="open">"#).count - 1 == 2)
    }
}
