import FactlintTestSupport
import Foundation
import Testing

/// The rule author's commands: `rules list`, `rules check`, `rules test` and `explain`.
@Suite struct RuleCommandsTests {
    /// Two rules whose examples pass, and one rule without examples.
    static let cleanRules = """
        rules:
          - id: referrals-within-identified
            kind: compare
            summary: Victims referred to shelters do not outnumber the victims identified.
            rationale: >
              A shelter takes in victims the authorities identified, so more referrals
              than identifications means one of the two figures is wrong.
            severity: error
            scope: sentence
            template: "identified {identified:count} victims and referred {referred:count}"
            left: referred
            op: "<="
            right: identified
            message: "{referred} victims referred, but only {identified} identified"
            examples:
              valid:
                - "Labour inspectors identified 42 victims and referred 35 to state shelters."
              invalid:
                - "Labour inspectors identified 42 victims and referred 53 to state shelters."
          - id: raid-arrests-add-up
            kind: sum
            summary: The arrests listed by role account for everyone arrested in a raid.
            severity: warning
            scope: sentence
            total: "arrested {total:count} suspects"
            part: "{n:count} (recruiters|drivers|guards|accountants)"
            examples:
              valid:
                - "Investigators arrested 9 suspects in the Dunmere raid: 4 recruiters, 3 drivers and 2 guards."
              invalid:
                - "Investigators arrested 9 suspects in the Dunmere raid: 4 recruiters, 3 drivers and 4 guards."
          - id: same-task-force-chief
            kind: same
            summary: A task force has one chief within a report.
            severity: warning
            scope: document
            template: "{chief:name}, chief of the {unit:name} task force"
            key: unit
            value: chief

        """

    /// Three mistakes: a misspelt key (line 4), a template that does not close its slot
    /// (line 11), and a message naming no slot (line 21).
    static let brokenRules = """
        rules:
          - id: convictions-within-charged
            kind: compare
            sumary: Convictions do not exceed the people charged.
            template: "charged {charged:count} ... convicted {convicted:count}"
            left: convicted
            op: "<="
            right: charged
          - id: victims-per-shelter
            kind: compare
            template: "{housed:count of the {identified:count} victims"
            left: housed
            op: "<="
            right: identified
          - id: repatriations-within-identified
            kind: compare
            template: "identified {identified:count} ... repatriated {returned:count}"
            left: returned
            op: "<="
            right: identified
            message: "{repatriated} returned home"

        """

    static func writeRules(_ yaml: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("rules.yml", yaml)
        return directory
    }

    // MARK: - rules list

    @Test func listPrintsOneAlignedLinePerBundledRule() throws {
        let result = try CLI.run(["rules", "list"])

        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr == "")
        let lines = CLI.lines(result.stdout)
        #expect(lines.count == (try CLI.bundledRuleCount()), "stdout:\n\(result.stdout)")
        let part = try #require(lines.first { $0.hasPrefix("part-within-whole ") }, "stdout:\n\(result.stdout)")
        #expect(part.split(separator: " ", maxSplits: 4).map(String.init).prefix(4) == ["part-within-whole", "compare", "error", "sentence"])
        #expect(part.contains("is no larger than its whole"), "the summary ends the line: \(part)")
        // Aligned: every line's kind, severity and scope start in the same columns.
        let columns = lines.map { line -> [Int] in
            var starts: [Int] = []
            var previous: Character = "x"
            for (index, character) in line.enumerated() {
                if previous == " ", character != " " { starts.append(index) }
                previous = character
            }
            return Array(starts.prefix(3))
        }
        #expect(Set(columns).count == 1, "columns:\n\(result.stdout)")
    }

    @Test func listAsJSONGivesTheSameRulesAsData() throws {
        let directory = try Self.writeRules(Self.cleanRules)
        defer { directory.remove() }

        let result = try CLI.run(["rules", "list", "--rules", "rules.yml", "--format", "json"], in: directory.url)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "stdout: \(result.stdout)")
        let rules = try #require(root["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == ["referrals-within-identified", "raid-arrests-add-up", "same-task-force-chief"])
        let first = try #require(rules.first)
        #expect(first["kind"] as? String == "compare")
        #expect(first["severity"] as? String == "error")
        #expect(first["scope"] as? String == "sentence")
        #expect(first["summary"] as? String == "Victims referred to shelters do not outnumber the victims identified.")
    }

    // MARK: - rules check

    @Test func checkOnACleanFileSaysOk() throws {
        let directory = try Self.writeRules(Self.cleanRules)
        defer { directory.remove() }

        let result = try CLI.run(["rules", "check", "rules.yml"], in: directory.url)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr == "")
        #expect(result.stdout == "1 rule file, 3 rules: ok\n")
    }

    @Test func checkOnTheBundledRulesCountsEveryFileAndRule() throws {
        let result = try CLI.run(["rules", "check"])

        #expect(result.status == 0, "stderr: \(result.stderr)")
        let count = try CLI.bundledRuleCount()
        #expect(result.stdout.wholeMatch(of: /\d+ rule files, (\d+) rules: ok\n/)?.1 == Substring(String(count)), "stdout: \(result.stdout)")
    }

    @Test func checkOnABrokenFileReportsEachMistakeWithItsPositionAndExitsTwo() throws {
        let directory = try Self.writeRules(Self.brokenRules)
        defer { directory.remove() }

        let result = try CLI.run(["rules", "check", "rules.yml"], in: directory.url)

        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stdout == "1 rule file, 0 rules: 3 errors\n")
        let headers = CLI.lines(result.stderr).filter { $0.hasPrefix("rules.yml:") }
        #expect(headers.count == 3, "stderr:\n\(result.stderr)")
        #expect(headers.contains("rules.yml:4:5: error: unknown key 'sumary' (did you mean 'summary'?)"), "stderr:\n\(result.stderr)")
        #expect(headers.contains { $0.hasPrefix("rules.yml:11:") && $0.contains("in template:") }, "stderr:\n\(result.stderr)")
        #expect(headers.contains { $0.hasPrefix("rules.yml:21:") && $0.contains("'{repatriated}'") }, "stderr:\n\(result.stderr)")
        let lines = result.stderr.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("rules.yml:4:5:") })
        #expect(lines[index...].prefix(4).contains("4 |     sumary: Convictions do not exceed the people charged."))
        #expect(lines[index...].prefix(4).contains("  |     ^"), "a caret under column 5:\n\(result.stderr)")
    }

    @Test func checkReportsADuplicateIdAcrossFiles() throws {
        let directory = try Self.writeRules(Self.cleanRules)
        defer { directory.remove() }
        try directory.write("more/copy.yml", Self.cleanRules)

        let result = try CLI.run(["rules", "check", "--rules", "rules.yml", "more"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stdout == "2 rule files, 3 rules: 3 errors\n", "stderr: \(result.stderr)")
        #expect(result.stderr.contains("more/copy.yml:2:5: error: rule id 'referrals-within-identified' is already used at rules.yml:2:5"), "stderr:\n\(result.stderr)")
    }

    // MARK: - rules test

    @Test func testOnTheBundledRulesPassesEveryExample() throws {
        let result = try CLI.run(["rules", "test"])

        #expect(result.status == 0, "stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)")
        let summary = try #require(result.stdout.firstMatch(of: /(\d+) examples of (\d+) rules: (\d+) passed, 0 failed/), "stdout:\n\(result.stdout)")
        #expect(summary.1 == summary.3, "every example passed")
        #expect((1...(try CLI.bundledRuleCount())).contains(Int(summary.2) ?? 0), "the rules with examples are counted")
        #expect(!result.stdout.contains("FAIL"))
    }

    @Test func testOnCleanRulesCountsOnlyRulesWithExamples() throws {
        let directory = try Self.writeRules(Self.cleanRules)
        defer { directory.remove() }

        let result = try CLI.run(["rules", "test", "rules.yml"], in: directory.url)

        #expect(result.status == 0, "stdout:\n\(result.stdout)")
        #expect(result.stdout == "4 examples of 2 rules: 4 passed, 0 failed\n")
    }

    @Test func anInvalidExampleThatDoesNotFireFailsNamingIt() throws {
        let yaml = Self.cleanRules.replacingOccurrences(
            of: "identified 42 victims and referred 53 to state shelters.",
            with: "identified 42 victims and referred 30 to state shelters, and the rest returned home with support from the regional hotline."
        )
        let directory = try Self.writeRules(yaml)
        defer { directory.remove() }

        let result = try CLI.run(["rules", "test", "--rules", "rules.yml"], in: directory.url)

        #expect(result.status == 1, "stdout:\n\(result.stdout)")
        let failures = CLI.lines(result.stdout).filter { $0.hasPrefix("FAIL ") }
        #expect(failures.count == 1, "stdout:\n\(result.stdout)")
        let failure = try #require(failures.first)
        #expect(failure.hasPrefix("FAIL referrals-within-identified invalid \"Labour inspectors identified 42 victims and referred 30 to"), "\(failure)")
        #expect(failure.contains("…\""), "a long example is shortened: \(failure)")
        #expect(failure.hasSuffix("gave no finding"), "\(failure)")
        #expect(CLI.lines(result.stdout).last == "4 examples of 2 rules: 3 passed, 1 failed")
    }

    @Test func aValidExampleTheRuleNeverChecksFails() throws {
        let yaml = Self.cleanRules.replacingOccurrences(
            of: "Investigators arrested 9 suspects in the Dunmere raid: 4 recruiters, 3 drivers and 2 guards.",
            with: "Investigators detained the crew of a fishing vessel in the Dunmere raid."
        )
        let directory = try Self.writeRules(yaml)
        defer { directory.remove() }

        let result = try CLI.run(["rules", "test", "rules.yml"], in: directory.url)

        #expect(result.status == 1, "stdout:\n\(result.stdout)")
        let failures = CLI.lines(result.stdout).filter { $0.hasPrefix("FAIL ") }
        #expect(failures == [
            "FAIL raid-arrests-add-up valid \"Investigators detained the crew of a fishing vessel in the…\": was never checked: no template matched or nothing could be compared",
        ], "stdout:\n\(result.stdout)")
        #expect(CLI.lines(result.stdout).last == "4 examples of 2 rules: 3 passed, 1 failed")
    }

    @Test func testOnABrokenRuleFileExitsTwo() throws {
        let directory = try Self.writeRules(Self.brokenRules)
        defer { directory.remove() }

        let result = try CLI.run(["rules", "test", "rules.yml"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains("rules.yml:4:5: error: unknown key 'sumary'"), "stderr:\n\(result.stderr)")
        #expect(result.stdout == "0 examples of 0 rules: 0 passed, 0 failed\n")
    }

    // MARK: - explain

    @Test func explainShowsABundledRulesMetadataTemplatesAndExamples() throws {
        let result = try CLI.run(["explain", "sentences-add-up-to-convictions"])

        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines.first == "sentences-add-up-to-convictions")
        #expect(lines.contains("  kind:      sum"), "stdout:\n\(result.stdout)")
        #expect(lines.contains("  severity:  error"))
        #expect(lines.contains("  scope:     sentence"))
        #expect(lines.contains { $0.hasPrefix("  defined:   Rules/") })
        let templates = try #require(lines.firstIndex(of: "Templates:"))
        #expect(lines[templates + 1].hasPrefix("  total:  "), "stdout:\n\(result.stdout)")
        #expect(lines[(templates + 1)...].contains { $0.hasPrefix("  part:   ") && $0.contains("sentenced to") })
        #expect(lines.contains("Message:"))
        let examples = try #require(lines.firstIndex(of: "Examples:"))
        #expect(lines[examples + 1] == "  valid:")
        #expect(lines[examples...].contains("  invalid:"))
        #expect(lines[examples...].contains { $0.hasPrefix("    - ") })
    }

    @Test func explainShowsRationaleAndMessageOfARuleFromAFile() throws {
        let directory = try Self.writeRules(Self.cleanRules)
        defer { directory.remove() }

        let result = try CLI.run(["explain", "referrals-within-identified", "--rules", "rules.yml"], in: directory.url)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines.contains("Victims referred to shelters do not outnumber the victims identified."))
        #expect(lines.contains("A shelter takes in victims the authorities identified, so more referrals than identifications means one of the two figures is wrong."), "folded text on one line:\n\(result.stdout)")
        #expect(lines.contains("  template:  identified {identified:count} victims and referred {referred:count}"))
        #expect(lines.contains("  {referred} victims referred, but only {identified} identified"))
        #expect(lines.contains("    - Labour inspectors identified 42 victims and referred 53 to state shelters."))
    }

    @Test func explainAnUnknownRuleExitsTwoWithASuggestion() throws {
        let result = try CLI.run(["explain", "part-within-hole"])

        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("unknown rule 'part-within-hole' (did you mean 'part-within-whole'?)"), "stderr: \(result.stderr)")
    }

    @Test func explainWithoutARuleIsAUsageError() throws {
        let result = try CLI.run(["explain"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("Usage:") || result.stderr.contains("USAGE:"), "stderr: \(result.stderr)")
    }

    @Test func topLevelHelpListsTheRuleCommands() throws {
        let result = try CLI.run(["rules", "--help"])

        #expect(result.status == 0)
        for name in ["list", "check", "test"] {
            #expect(result.stdout.contains("  \(name) "), "stdout:\n\(result.stdout)")
        }
        #expect(try CLI.run(["--help"]).stdout.contains("explain"))
    }

    @Test func explainKeepsTheLinesOfAnExampleAndLeavesOutAnEmptyTemplateList() throws {
        let result = try CLI.run(["explain", "--rules", CLI.bundledRules, "reference-dates-in-order"])

        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(!lines.contains("Templates:"), "a rule that reads the reference list has no templates to show")
        let first = try #require(lines.firstIndex(of: "    - ## References"))
        #expect(lines[first + 1] == "")
        #expect(lines[first + 2].hasPrefix("      1. ^ \"Annual report 2016\"."))
        #expect(!lines.contains { $0.hasSuffix(" ") }, "no line ends in spaces")
    }
}
