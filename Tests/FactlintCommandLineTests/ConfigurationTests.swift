import FactlintTestSupport
import Foundation
import Testing

/// `.factlint.yml`: found from the working directory upward, its keys applied by `lint`, printed
/// by `factlint config`, and written by `factlint init`.
@Suite struct ConfigurationTests {
    /// Two rules, each of which the report below breaks once.
    static let rules = """
        rules:
          - id: cfg-placed-within-identified
            kind: compare
            summary: Victims placed in shelters do not outnumber the victims identified.
            severity: error
            scope: sentence
            template: "identified {identified:count} victims and placed {placed:count}"
            left: placed
            op: "<="
            right: identified
            message: "{placed} victims placed, but only {identified} identified"
          - id: cfg-convicted-within-prosecuted
            kind: compare
            summary: No more suspects are convicted than were prosecuted.
            severity: error
            scope: sentence
            template: "prosecuted {prosecuted:count} suspects and convicted {convicted:count}"
            left: convicted
            op: "<="
            right: prosecuted
            message: "{convicted} convicted, but only {prosecuted} prosecuted"

        """

    /// A report that breaks both rules: 52 placed of 47 identified (line 3), 25 convicted of 21 prosecuted (line 5).
    static let report = """
        # Veldan: the anti-trafficking unit's year, 2023

        Labour inspectors identified 47 victims and placed 52 in shelters run by the ministry.

        In the same year the unit prosecuted 21 suspects and convicted 25 of them.

        """

    /// A folder with the rules in `rules/`, the report in `reports/`, and `.factlint.yml` holding `configuration`.
    static func project(configuration: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("rules/cases.yml", rules)
        try directory.write("reports/veldan-2023.md", report)
        try directory.write(".factlint.yml", configuration)
        return directory
    }

    static let pathsAndRules = """
        paths: [reports]
        rules:
          - rules

        """

    /// The rule ids of the `--format line` findings in `stdout`, with their severities.
    static func findings(_ stdout: String) -> [String] {
        CLI.lines(stdout).compactMap(LineFinding.init(parsing:)).map { "\($0.severity) [\($0.rule)]" }
    }

    @Test func pathsAndRulesComeFromTheConfiguration() throws {
        let directory = try Self.project(configuration: Self.pathsAndRules)
        defer { directory.remove() }

        let result = try CLI.run(["lint"], in: directory.url)

        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("--> reports/veldan-2023.md:3:"))
        #expect(result.stdout.contains("1 report, 2 rules: 2 errors, 0 warnings"))
    }

    @Test func configurationIsFoundFromASubfolderUpward() throws {
        let directory = try Self.project(configuration: Self.pathsAndRules)
        defer { directory.remove() }
        let subfolder = directory.url.appendingPathComponent("drafts/2024")
        try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)

        let result = try CLI.run(["lint", "--format", "line"], in: subfolder)

        #expect(result.status == 1, "stderr: \(result.stderr)")
        let paths = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:)).map(\.path)
        #expect(paths == ["../../reports/veldan-2023.md", "../../reports/veldan-2023.md"])
    }

    @Test func disabledRuleGivesNoFindings() throws {
        let directory = try Self.project(configuration: Self.pathsAndRules + "disable: [cfg-convicted-within-prosecuted]\n")
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)

        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(Self.findings(result.stdout) == ["error [cfg-placed-within-identified]"])
        #expect(result.stderr.contains("1 report, 1 rule: 1 error"))
    }

    @Test func enableRunsOnlyTheRulesItNames() throws {
        let directory = try Self.project(configuration: Self.pathsAndRules + "enable: [cfg-convicted-within-prosecuted]\n")
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)

        #expect(Self.findings(result.stdout) == ["error [cfg-convicted-within-prosecuted]"])
    }

    @Test func severityOverrideChangesThePrintedSeverityAndTheExitCode() throws {
        let directory = try Self.project(configuration: Self.pathsAndRules + """
            severity:
              cfg-placed-within-identified: warning
              cfg-convicted-within-prosecuted: info

            """)
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)

        #expect(result.status == 0, "only errors fail by default; stderr: \(result.stderr)")
        #expect(Self.findings(result.stdout) == ["warning [cfg-placed-within-identified]", "info [cfg-convicted-within-prosecuted]"])
        let failing = try CLI.run(["lint", "--format", "line", "--fail-on", "warning"], in: directory.url)
        #expect(failing.status == 1)
    }

    @Test func failOnNeverExitsZeroAndTheCommandLineOverridesIt() throws {
        let directory = try Self.project(configuration: Self.pathsAndRules + "fail_on: never\n")
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(Self.findings(result.stdout).count == 2)

        let overridden = try CLI.run(["lint", "--format", "line", "--fail-on", "error"], in: directory.url)
        #expect(overridden.status == 1)
    }

    @Test func unknownKeyIsAnErrorWithPositionSuggestionAndCaret() throws {
        let directory = try Self.project(configuration: Self.pathsAndRules + "failon: never\n")
        defer { directory.remove() }

        let result = try CLI.run(["lint"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "nothing is linted with a broken configuration")
        #expect(result.stderr.contains(".factlint.yml:4:1: error: unknown key 'failon' in the configuration (did you mean 'fail_on'?)"))
        #expect(result.stderr.contains("4 | failon: never\n  | ^"))
    }

    @Test(arguments: [
        ("disable: [cfg-placed-within-identifed]\n", ".factlint.yml:4:11: error: 'disable' names rule 'cfg-placed-within-identifed', which no rule file defines (did you mean 'cfg-placed-within-identified'?)"),
        ("fail_on: sometimes\n", ".factlint.yml:4:10: error: 'sometimes' is not a valid fail_on"),
        ("paths:\n  reports: yes\n", ".factlint.yml:5:3: error: 'paths' must be a list of text, not a mapping"),
        ("severity: [cfg-placed-within-identified]\n", ".factlint.yml:4:11: error: 'severity' must be a mapping"),
    ])
    func mistakesInTheConfigurationAreErrorsAtTheirPosition(addition: String, expected: String) throws {
        let configuration = addition.hasPrefix("paths") ? "rules: [rules]\n\n\n" + addition : Self.pathsAndRules + addition
        let directory = try Self.project(configuration: configuration)
        defer { directory.remove() }

        let result = try CLI.run(["lint"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
    }

    @Test func configPrintsTheConfigurationInEffect() throws {
        let directory = try Self.project(configuration: """
            paths: [reports]
            rules:
              - rules
            disable: [cfg-convicted-within-prosecuted]
            severity:
              cfg-placed-within-identified: warning
            fail_on: warning
            extensions: [md, .TXT]

            """)
        defer { directory.remove() }

        let result = try CLI.run(["config"], in: directory.url)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            file: .factlint.yml
            paths:
              - reports
            rules:
              - rules
            include: null  # every report file
            exclude: []
            disable:
              - cfg-convicted-within-prosecuted
            enable: null  # every rule
            severity:
              cfg-placed-within-identified: warning
            tolerance: null
            fail_on: warning
            extensions:
              - md
              - txt
            baseline: null
            limits: {report_size: 1073741824, part_size: 8388608, markdown_nesting: 64, rule_file_size: 16777216, yaml_values: 1000000}
            overrides: []

            """)
    }

    @Test func configWithAGivenFileTakesItsPathsFromItsFolder() throws {
        let directory = try Self.project(configuration: Self.pathsAndRules)
        defer { directory.remove() }
        let elsewhere = try TemporaryDirectory()
        defer { elsewhere.remove() }
        let file = directory.url.appendingPathComponent(".factlint.yml").path

        let result = try CLI.run(["config", "--config", file], in: elsewhere.url)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("paths:\n  - \(directory.url.appendingPathComponent("reports").path)\n"))
        let linted = try CLI.run(["lint", "--config", file, "--format", "line"], in: elsewhere.url)
        #expect(Self.findings(linted.stdout).count == 2, "stderr: \(linted.stderr)")
    }

    @Test func configWithoutAFilePrintsTheDefaults() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let result = try CLI.run(["config"], in: directory.url)

        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("file: none\npaths:\n  - Reports\nrules:\n  - Rules\ninclude: null  # every report file\nexclude: []\ndisable: []\n"))
        #expect(result.stdout.contains("fail_on: error\n"))
    }

    @Test func initWritesAConfigurationAndARuleFileWhoseExamplesPass() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let initialised = try CLI.run(["init"], in: directory.url)
        #expect(initialised.status == 0, "stderr: \(initialised.stderr)")

        let tested = try CLI.run(["rules", "test", "rules/my-rules.yml"], in: directory.url)
        #expect(tested.status == 0, "stdout: \(tested.stdout) stderr: \(tested.stderr)")
        #expect(tested.stdout.contains("2 examples of 1 rule: 2 passed, 0 failed"))

        // The starter configuration loads and points lint at the sample rule.
        try directory.write("reports/tarn.md", "# Tarn, 2023\n\nThe border police identified 18 victims and placed 23 in shelters.\n")
        let linted = try CLI.run(["lint", "--format", "line"], in: directory.url)
        #expect(linted.status == 1, "stderr: \(linted.stderr)")
        #expect(Self.findings(linted.stdout) == ["error [my-placed-within-identified]"])
    }

    @Test func initRefusesToOverwrite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(".factlint.yml", "paths: [mine]\n")

        let result = try CLI.run(["init"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains(".factlint.yml: error: already exists"))
        let kept = try String(contentsOf: directory.url.appendingPathComponent(".factlint.yml"), encoding: .utf8)
        #expect(kept == "paths: [mine]\n")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("rules/my-rules.yml").path))
    }
}
