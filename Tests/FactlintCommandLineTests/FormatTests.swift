import FactlintTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `factlint lint --format …` and `--output`: every machine format, end to end, on a report whose
/// finding carries quotes, `<`, `&`, `|`, `%` and brackets, in a file whose name has `:` and `,`.
@Suite struct FormatTests {
    let directory: TemporaryDirectory

    /// Two coordinators named for one task force: one error at 6:20, "stated first" at 3:1.
    static let report = """
        # Velmora: the anti-trafficking task force, 2023

        Inspector Dalia Kressel, coordinator of the "Safe Harbour" task force, told us that
        labour inspections had doubled since 2021 <script>alert(1)</script>.

        Later in the year, Officer Brann Holt, coordinator of the "Safe Harbour" task force,
        said that the unit had referred most victims to shelters.

        """

    static let cleanReport = """
        # Velmora: shelters

        The two shelters housed 14 women in 2023.

        """

    /// A rule of the test's own, so the message is known exactly and holds characters each syntax must escape.
    static let rules = """
        rules:
          - id: one-coordinator-per-task-force
            kind: same
            summary: A task force has one coordinator within a report.
            rationale: Two coordinators named for one task force means one name is wrong, or that the post changed hands unsaid.
            link: https://example.org/factlint/rules#one-coordinator
            severity: error
            scope: document
            template:
              - "{person:name} , [the] {role:coordinator|head} of [the] {unit:name}"
            key: [role, unit]
            value: person
            message: "{unit} has \\"{person}\\" as coordinator here | but {other} on line {line} <100% & [sure]>"

        """

    static let path = "velmora: task force, 2023.md"
    static let rule = "one-coordinator-per-task-force"
    static let message = #""Safe Harbour" has "Officer Brann Holt" as coordinator here | but Inspector Dalia Kressel on line 3 <100% & [sure]>"#
    static let formats = ["text", "line", "json", "sarif", "github", "junit", "checkstyle", "markdown"]

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("rules.yml", FormatTests.rules)
        try directory.write(FormatTests.path, FormatTests.report)
        try directory.write("clean.md", FormatTests.cleanReport)
    }

    func lint(_ format: String, _ arguments: [String] = [path, "clean.md"]) throws -> CLI.Output {
        try CLI.run(["lint", "--rules", "rules.yml", "--format", format] + arguments, in: directory.url)
    }

    func expectSummaryOnStderr(_ result: CLI.Output, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(CLI.lines(result.stderr) == ["2 reports, 1 rule: 1 error, 0 warnings; 6 figures read, 0 used by a rule (0%)"],
                "the summary, alone, goes to stderr", sourceLocation: sourceLocation)
    }

    // MARK: - JSON

    @Test func jsonHasTheVersionTheFindingWithSpansAndTheSummary() throws {
        defer { directory.remove() }
        let result = try lint("json")

        #expect(result.status == 1)
        expectSummaryOnStderr(result)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "stdout: \(result.stdout)")
        #expect(root["version"] as? Int == 1)
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding["rule"] as? String == FormatTests.rule)
        #expect(finding["severity"] as? String == "error")
        #expect(finding["message"] as? String == FormatTests.message)
        #expect(finding["path"] as? String == FormatTests.path)
        #expect(finding["evidence"] is NSNull, "a same rule has no numbers to compare")
        let span = try #require(finding["span"] as? [String: [String: Int]])
        #expect(span["start"] == ["line": 6, "column": 20, "offset": 223])
        #expect(span["end"] == ["line": 6, "column": 38, "offset": 241])
        let related = try #require(finding["related"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related.first?["message"] as? String == "stated first here")
        let relatedSpan = try #require(related.first?["span"] as? [String: [String: Int]])
        #expect(relatedSpan["start"] == ["line": 3, "column": 1, "offset": 50])
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary == ["reports": 2, "rules": 1, "errors": 1, "warnings": 0, "infos": 0, "figures_read": 6, "figures_used": 0])
        #expect((root["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func jsonEvidenceGivesBothIntervalsAndTheGap() throws {
        defer { directory.remove() }
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)
        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "json", "orlesia-2021.md"], in: directory.url)

        #expect(result.status == 1, "stderr: \(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let finding = try #require((root["findings"] as? [[String: Any]])?.first, "stdout: \(result.stdout)")
        let evidence = try #require(finding["evidence"] as? [String: Any])
        let stated = try #require(evidence["stated"] as? [String: Any])
        let computed = try #require(evidence["computed"] as? [String: Any])
        // "Of the 10 convicted, four … five …": 10 stated, 9 computed, 1 apart.
        #expect(stated["lower"] as? Double == 10 && stated["upper"] as? Double == 10)
        #expect(stated["lowerClosed"] as? Bool == true && stated["upperClosed"] as? Bool == true)
        #expect(computed["lower"] as? Double == 9 && computed["upper"] as? Double == 9)
        #expect(evidence["gap"] as? Double == 1)
    }

    // MARK: - SARIF

    @Test func sarifIsValidAgainstTheSchemaAndDescribesTheRules() throws {
        defer { directory.remove() }
        let result = try lint("sarif", ["--output", "out.sarif", FormatTests.path, "clean.md"])

        #expect(result.status == 1)
        #expect(result.stdout == "")
        expectSummaryOnStderr(result)
        let file = directory.url.appendingPathComponent("out.sarif")
        try expectValidSARIF(file)

        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "factlint")
        #expect((driver["version"] as? String)?.isEmpty == false)
        let rule = try #require((driver["rules"] as? [[String: Any]])?.first)
        #expect(rule["id"] as? String == FormatTests.rule)
        #expect((rule["shortDescription"] as? [String: String])?["text"] == "A task force has one coordinator within a report.")
        #expect((rule["fullDescription"] as? [String: String])?["text"]?.hasPrefix("Two coordinators named") == true)
        #expect(rule["helpUri"] as? String == "https://example.org/factlint/rules#one-coordinator")
        #expect((rule["defaultConfiguration"] as? [String: String])?["level"] == "error")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let first = try #require(results.first)
        #expect(first["ruleId"] as? String == FormatTests.rule)
        #expect(first["ruleIndex"] as? Int == 0)
        #expect(first["level"] as? String == "error")
        let escapedMessage = FormatTests.message.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
        #expect((first["message"] as? [String: String])?["text"] == escapedMessage, "brackets are escaped so no viewer reads a link")
        let physical = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: String])?["uri"] == "velmora%3A%20task%20force%2C%202023.md")
        let region = try #require(physical["region"] as? [String: Int])
        #expect(region["startLine"] == 6 && region["startColumn"] == 20 && region["endLine"] == 6 && region["endColumn"] == 38)
        let related = try #require((first["relatedLocations"] as? [[String: Any]])?.first)
        #expect(related["id"] as? Int == 1)
        #expect((related["message"] as? [String: String])?["text"] == "stated first here")
        #expect(((related["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])?["startLine"] == 3)
    }

    @Test func sarifOfARunWithABadRuleFileIsStillValid() throws {
        defer { directory.remove() }
        try directory.write("broken.yml", "rules:\n  - id: no kind\n")
        let result = try CLI.run(["lint", "--rules", "rules.yml", "--rules", "broken.yml", "--format", "sarif", "--output", "out.sarif", FormatTests.path],
                                 in: directory.url)

        #expect(result.status == 2, "a rule-file mistake is exit 2 whatever the format")
        let file = directory.url.appendingPathComponent("out.sarif")
        try expectValidSARIF(file)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let invocation = try #require(((log["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect((invocation["toolExecutionNotifications"] as? [Any])?.isEmpty == false)
    }

    /// Validates a SARIF file against the official 2.1.0 schema with Python's jsonschema.
    func expectValidSARIF(_ file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let probe = try FormatTests.python(["-c", "import jsonschema"])
        guard probe.status == 0 else {
            Issue.record("""
                the SARIF test needs Python's jsonschema module to validate against the official schema: \
                run `python3 -m pip install jsonschema` (\(probe.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))
                """, sourceLocation: sourceLocation)
            return
        }
        let schema = CommandRunner.sharedDirectory.appendingPathComponent("schemas/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path) else {
            Issue.record("the official SARIF schema is missing at \(schema.path)", sourceLocation: sourceLocation)
            return
        }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(open(sys.argv[2]))
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
            for error in errors[:5]:
                print("/".join(map(str, error.path)) + ": " + error.message)
            sys.exit(1 if errors else 0)
            """
        let validation = try FormatTests.python(["-c", script, schema.path, file.path])
        #expect(validation.status == 0, "the SARIF log breaks the schema:\n\(validation.stdout)\(validation.stderr)", sourceLocation: sourceLocation)
    }

    static func python(_ arguments: [String]) throws -> CLI.Output {
        let result = try CommandRunner.runProgram(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments,
            in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), environment: ProcessInfo.processInfo.environment
        )
        return CLI.Output(stdout: result.stdout, stderr: result.stderr, status: result.status)
    }

    // MARK: - GitHub

    @Test func githubPrintsOneEscapedWorkflowCommandPerFinding() throws {
        defer { directory.remove() }
        let result = try lint("github")

        #expect(result.status == 1)
        expectSummaryOnStderr(result)
        // `%` in the message, and `:` and `,` in the file property, are percent-encoded; quotes, `<`, `&` and `|` are not syntax.
        let expected = "::error file=velmora%3A task force%2C 2023.md,line=6,col=20,endLine=6,endColumn=38,title=one-coordinator-per-task-force::"
            + #""Safe Harbour" has "Officer Brann Holt" as coordinator here | but Inspector Dalia Kressel on line 3 <100%25 & [sure]>"#
        #expect(result.stdout == expected + "\n")
    }

    // MARK: - JUnit

    #if canImport(FoundationXML) || os(macOS)
    @Test func junitHasASuitePerReportAndAFailurePerFinding() throws {
        defer { directory.remove() }
        let result = try lint("junit")

        #expect(result.status == 1)
        expectSummaryOnStderr(result)
        expectWellFormedXML(result.stdout)
        let document = try XMLDocument(data: Data(result.stdout.utf8))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite").compactMap { $0 as? XMLElement }
        #expect(suites.compactMap { $0.attribute(forName: "name")?.stringValue } == [FormatTests.path, "clean.md"])
        #expect(suites.first?.attribute(forName: "failures")?.stringValue == "1")
        let failures = try document.nodes(forXPath: "/testsuites/testsuite[1]/testcase[@name='\(FormatTests.rule)']/failure").compactMap { $0 as? XMLElement }
        #expect(failures.count == 1)
        #expect(failures.first?.attribute(forName: "message")?.stringValue == FormatTests.message)
        #expect(failures.first?.attribute(forName: "type")?.stringValue == "error")
        #expect(failures.first?.stringValue?.contains("note: stated first here at \(FormatTests.path):3:1") == true, "failure text: \(failures.first?.stringValue ?? "none")")
        let cleanCases = try document.nodes(forXPath: "/testsuites/testsuite[2]/testcase").compactMap { $0 as? XMLElement }
        #expect(cleanCases.map { $0.attribute(forName: "name")?.stringValue } == [FormatTests.rule], "a clean report's rules pass")
        #expect(cleanCases.first?.children == nil || cleanCases.first?.children?.isEmpty == true)
    }

    // MARK: - Checkstyle

    @Test func checkstyleHasAFilePerReportAndAnErrorPerFinding() throws {
        defer { directory.remove() }
        let result = try lint("checkstyle")

        #expect(result.status == 1)
        expectSummaryOnStderr(result)
        expectWellFormedXML(result.stdout)
        let document = try XMLDocument(data: Data(result.stdout.utf8))
        let files = try document.nodes(forXPath: "/checkstyle/file").compactMap { $0 as? XMLElement }
        #expect(files.compactMap { $0.attribute(forName: "name")?.stringValue } == [FormatTests.path, "clean.md"])
        let errors = try document.nodes(forXPath: "/checkstyle/file/error").compactMap { $0 as? XMLElement }
        #expect(errors.count == 1)
        let attributes = Dictionary(uniqueKeysWithValues: (errors.first?.attributes ?? []).compactMap { node in
            node.name.flatMap { name in node.stringValue.map { (name, $0) } }
        })
        #expect(attributes == ["line": "6", "column": "20", "severity": "error", "message": FormatTests.message, "source": FormatTests.rule])
    }
    #endif

    /// Parses with XMLParser, which stops at the first error where XMLDocument may recover.
    func expectWellFormedXML(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let parser = XMLParser(data: Data(text.utf8))
        let parsed = parser.parse()
        #expect(parsed, "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)\n\(text)",
                sourceLocation: sourceLocation)
    }

    // MARK: - Markdown

    @Test func markdownTableRowsParseBackToTheFinding() throws {
        defer { directory.remove() }
        let result = try lint("markdown")

        #expect(result.status == 1)
        expectSummaryOnStderr(result)
        let lines = CLI.lines(result.stdout)
        #expect(lines.first == "**factlint**: 1 error, 0 warnings in 2 reports.")
        let header = try #require(lines.firstIndex(of: "| Severity | Location | Message | Rule |"), "stdout: \(result.stdout)")
        #expect(lines.indices.contains(header + 1) && lines[header + 1] == "| --- | --- | --- | --- |")
        let rows = lines[(header + 2)...].filter { $0.hasPrefix("|") }.map(MarkdownTable.cells(ofRow:))
        #expect(rows == [["error", "\(FormatTests.path):6:20", FormatTests.message, FormatTests.rule]])
        #expect(!result.stdout.replacingOccurrences(of: "\\<", with: "").contains("<"), "no bare `<` reaches the comment, where it could open an HTML tag")
    }

    // MARK: - Output file and exit codes

    @Test(arguments: formats)
    func outputWritesTheFileAndNothingOnStdout(format: String) throws {
        defer { directory.remove() }
        let printed = try lint(format)
        let written = try lint(format, ["--output", "findings.out", FormatTests.path, "clean.md"])

        #expect(written.status == printed.status)
        #expect(written.stdout == "", "with --output nothing goes to stdout")
        let file = directory.url.appendingPathComponent("findings.out")
        let contents = try String(contentsOf: file, encoding: .utf8)
        #expect(contents == printed.stdout, "the file holds what stdout would have")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.contains(".factlint-") }
        #expect(leftovers.isEmpty, "no temporary file is left behind: \(leftovers)")
    }

    @Test func outputReplacesAnOldFileWhole() throws {
        defer { directory.remove() }
        let old = String(repeating: "an older, much longer output\n", count: 500)
        try directory.write("findings.json", old)
        let result = try lint("json", ["--output", "findings.json", "clean.md"])

        #expect(result.status == 0)
        let contents = try String(contentsOf: directory.url.appendingPathComponent("findings.json"), encoding: .utf8)
        #expect(!contents.contains("older"), "no trace of the old file")
        #expect((try JSONSerialization.jsonObject(with: Data(contents.utf8)) as? [String: Any])?["version"] as? Int == 1)
    }

    /// JSON is written whole, JUnit piece by piece as it is rendered: both fail the same way.
    @Test(arguments: ["json", "junit"])
    func anOutputThatCannotBeWrittenIsExitTwoAndLeavesWhatWasThere(format: String) throws {
        defer { directory.remove() }
        // A folder where the file should go: the rename fails, and the folder and its contents stay.
        try directory.write("results/kept.txt", "kept\n")
        let intoFolder = try lint(format, ["--output", "results", FormatTests.path])
        let missingFolder = try lint(format, ["--output", "no-such-folder/findings.json", FormatTests.path])

        #expect(intoFolder.status == 2)
        #expect(intoFolder.stderr.contains("results: error: cannot write the output"), "stderr: \(intoFolder.stderr)")
        #expect(try String(contentsOf: directory.url.appendingPathComponent("results/kept.txt"), encoding: .utf8) == "kept\n")
        #expect(missingFolder.status == 2)
        #expect(missingFolder.stderr.contains("no-such-folder/findings.json: error: cannot write the output"), "stderr: \(missingFolder.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.contains(".factlint-") }
        #expect(leftovers.isEmpty, "no temporary file is left behind: \(leftovers)")
    }

    @Test(arguments: formats)
    func exitCodesDoNotDependOnTheFormat(format: String) throws {
        defer { directory.remove() }
        let findings = try lint(format)
        let clean = try lint(format, ["clean.md"])
        let never = try lint(format, ["--fail-on", "never", FormatTests.path])
        let missing = try lint(format, ["no-such-report.md"])

        #expect(findings.status == 1)
        #expect(clean.status == 0)
        #expect(never.status == 0)
        #expect(missing.status == 2)
    }

    @Test(arguments: formats.filter { $0 != "text" })
    func machineFormatsAreNeverColouredEvenOnATerminal(format: String) throws {
        defer { directory.remove() }
        let result = try CLI.runOnTerminal(["lint", "--rules", "rules.yml", "--format", format, FormatTests.path], in: directory.url, noColor: false)

        #expect(result.status == 1)
        #expect(!CLI.hasANSIEscape(result.terminal), "output: \(result.terminal)")
    }
}
