import FactlintTestSupport
import Foundation
import Testing

/// The keys of `.factlint.yml` that pick reports and shape rules per report: `include`,
/// `exclude`, `overrides`, `tolerance` and `baseline`.
@Suite struct ConfigurationPatternTests {
    /// A project with the two rules and the report of `ConfigurationTests` in `reports/`, and
    /// copies of the report in `reports/drafts/` and `reports/archive/`.
    static func project(configuration: String) throws -> TemporaryDirectory {
        let directory = try ConfigurationTests.project(configuration: ConfigurationTests.pathsAndRules + configuration)
        try directory.write("reports/drafts/veldan-2024.md", ConfigurationTests.report)
        try directory.write("reports/archive/veldan-2019.md", ConfigurationTests.report)
        return directory
    }

    /// "path [rule]" for each `--format line` finding.
    static func placed(_ stdout: String) -> [String] {
        CLI.lines(stdout).compactMap(LineFinding.init(parsing:)).map { "\($0.path) \($0.severity) [\($0.rule)]" }
    }

    @Test func excludeLeavesOutTheReportsItMatches() throws {
        let directory = try Self.project(configuration: "exclude: [\"reports/archive/**\"]\n")
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)

        #expect(result.status == 1, "stderr: \(result.stderr)")
        let paths = Set(Self.placed(result.stdout).map { String($0.split(separator: " ")[0]) })
        #expect(paths == ["reports/veldan-2023.md", "reports/drafts/veldan-2024.md"])
        #expect(result.stderr.contains("2 reports"))
    }

    @Test func includeKeepsOnlyTheReportsItMatchesAndANameWithoutASlashMatchesInAnyFolder() throws {
        let directory = try Self.project(configuration: "include: [\"veldan-2019.md\"]\n")
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)

        let paths = Set(Self.placed(result.stdout).map { String($0.split(separator: " ")[0]) })
        #expect(paths == ["reports/archive/veldan-2019.md"], "stdout: \(result.stdout)")
    }

    @Test func aFileNamedOnTheCommandLineIsLintedEvenWhenExcluded() throws {
        let directory = try Self.project(configuration: "exclude: [\"reports/archive/**\"]\n")
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line", "reports/archive/veldan-2019.md"], in: directory.url)

        #expect(result.status == 1)
        #expect(Self.placed(result.stdout).count == 2)
    }

    @Test func overridesApplyOnlyToTheReportsTheyMatch() throws {
        let directory = try Self.project(configuration: """
            overrides:
              - files: ["reports/drafts/**"]
                disable: [cfg-placed-within-identified]
                severity: {cfg-convicted-within-prosecuted: warning}

            """)
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)

        let findings = Self.placed(result.stdout)
        #expect(findings.filter { $0.hasPrefix("reports/drafts/") } == ["reports/drafts/veldan-2024.md warning [cfg-convicted-within-prosecuted]"])
        #expect(findings.filter { $0.hasPrefix("reports/veldan-2023.md") }.sorted() == [
            "reports/veldan-2023.md error [cfg-convicted-within-prosecuted]",
            "reports/veldan-2023.md error [cfg-placed-within-identified]",
        ])
    }

    @Test func anOverrideTurnsBackOnARuleTheTopLevelDisabled() throws {
        let directory = try Self.project(configuration: """
            disable: [cfg-placed-within-identified]
            overrides:
              - files: ["reports/archive/*.md"]
                enable: [cfg-placed-within-identified]

            """)
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)

        let placedFindings = Self.placed(result.stdout).filter { $0.hasSuffix("[cfg-placed-within-identified]") }
        #expect(placedFindings == ["reports/archive/veldan-2019.md error [cfg-placed-within-identified]"])
    }

    /// 52 placed of 47 identified is a gap of 5; 25 convicted of 21 prosecuted a gap of 4.
    @Test(arguments: [
        ("{gap: 4}", ["cfg-placed-within-identified"]),
        ("{gap: 5}", []),
        ("{gap: 3}", ["cfg-convicted-within-prosecuted", "cfg-placed-within-identified"]),
        ("{relative_gap: 0.15}", ["cfg-convicted-within-prosecuted"]),
    ])
    func toleranceLetsSmallGapsPass(tolerance: String, expected: [String]) throws {
        let directory = try Self.project(configuration: "tolerance: \(tolerance)\n")
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line", "reports/veldan-2023.md"], in: directory.url)

        let rules = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:)).map(\.rule).sorted()
        #expect(rules == expected, "stderr: \(result.stderr)")
        #expect(result.status == (expected.isEmpty ? 0 : 1))
    }

    @Test func anOverrideToleranceAppliesToItsReportsOnly() throws {
        let directory = try Self.project(configuration: """
            overrides:
              - files: ["reports/drafts/**"]
                tolerance: {gap: 10}

            """)
        defer { directory.remove() }

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)

        let paths = Self.placed(result.stdout).map { String($0.split(separator: " ")[0]) }
        #expect(!paths.contains("reports/drafts/veldan-2024.md"))
        #expect(paths.filter { $0 == "reports/veldan-2023.md" }.count == 2)
    }

    @Test func theBaselineKeyIsUsedWhenNoBaselineIsGiven() throws {
        let directory = try Self.project(configuration: "baseline: known-findings.json\n")
        defer { directory.remove() }
        let written = try CLI.run(["lint", "--format", "line", "--write-baseline", "known-findings.json"], in: directory.url)
        #expect(written.status == 1)

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)

        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(Self.placed(result.stdout).isEmpty)
    }

    @Test(arguments: [
        ("overrides:\n  - disable: [cfg-placed-within-identified]\n", "an override needs 'files'"),
        ("overrides:\n  - files: [a]\n    severty: {x: error}\n", "unknown key 'severty' in an override (did you mean 'severity'?)"),
        ("overrides: {files: [a]}\n", "'overrides' must be a list"),
        ("tolerance: {gap: -1}\n", "'gap' must be a number of at least 0"),
        ("tolerance: {gaps: 1}\n", "unknown key 'gaps' in 'tolerance' (did you mean 'gap'?)"),
        ("exclude: [\"reports/[ab\"]\n", "the pattern 'reports/[ab' has an unclosed '['"),
        ("overrides:\n  - files: [a]\n    disable: [cfg-placed-within-identifed]\n", "names rule 'cfg-placed-within-identifed', which no rule file defines (did you mean 'cfg-placed-within-identified'?)"),
    ])
    func mistakesAreErrorsAtTheirPosition(addition: String, expected: String) throws {
        let directory = try Self.project(configuration: addition)
        defer { directory.remove() }

        let result = try CLI.run(["lint"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains(".factlint.yml:"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
    }

    @Test func configPrintsTheNewKeys() throws {
        let directory = try Self.project(configuration: """
            exclude: ["reports/archive/**"]
            tolerance: {relative_gap: 0.01}
            baseline: known.json
            overrides:
              - files: ["reports/drafts/**"]
                disable: [cfg-placed-within-identified]

            """)
        defer { directory.remove() }

        let result = try CLI.run(["config"], in: directory.url)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("exclude:\n  - \"reports/archive/**\"\n"))
        #expect(result.stdout.contains("tolerance: {relative_gap: 0.01}\n"))
        #expect(result.stdout.contains("baseline: known.json\n"))
        #expect(result.stdout.contains("overrides:\n  - files: [\"reports/drafts/**\"]\n    disable: [cfg-placed-within-identified]\n"))
    }

    @Test func aReportOverTheConfiguredSizeIsRefusedAndTheOthersAreLinted() throws {
        let directory = try Self.project(configuration: "limits: {report_size: 1KB}\n")
        defer { directory.remove() }
        try directory.write("reports/archive/long.md", String(repeating: "Inspectors visited every shelter in the region. ", count: 40))

        let result = try CLI.run(["lint", "--format", "line"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains("reports/archive/long.md: error: the file is"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("larger than the"))
        #expect(Self.placed(result.stdout).contains { $0.hasPrefix("reports/veldan-2023.md") }, "the other reports are linted")
    }

    @Test func limitsArePrintedAndTheirMistakesAreErrors() throws {
        let directory = try Self.project(configuration: "limits: {part_size: 64MB, markdown_nesting: 128, rule_file_size: 32MB}\n")
        defer { directory.remove() }

        let printed = try CLI.run(["config"], in: directory.url)

        #expect(printed.stdout.contains("part_size: 67108864, markdown_nesting: 128, rule_file_size: 33554432,"), "stdout: \(printed.stdout)")
        for (line, expected) in [
            ("limits: {report_sise: 1GB}\n", "unknown key 'report_sise' in 'limits' (did you mean 'report_size'?)"),
            ("limits: {report_size: lots}\n", "'report_size' must be a size such as 500MB"),
            ("limits: {markdown_nesting: 0}\n", "'markdown_nesting' must be a whole number of at least 1"),
            ("limits: {report_size: 5GB}\n", "'report_size' can be at most 4GB"),
            ("limits: {part_size: none}\n", "'part_size' must be a size such as 500MB"),
        ] {
            try directory.write(".factlint.yml", ConfigurationTests.pathsAndRules + line)
            let result = try CLI.run(["lint"], in: directory.url)
            #expect(result.status == 2)
            #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        }
    }
}
