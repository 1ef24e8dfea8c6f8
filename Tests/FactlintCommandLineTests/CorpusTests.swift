import FactlintTestSupport
import Foundation
import Testing

/// Facts compared across reports (`scope: corpus`), `--shard I/N`, `facts --format jsonl` and
/// `factlint merge`.
@Suite struct CorpusTests {
    /// A corpus rule: the authorities' yearly convictions for a country agree across reports.
    static let rules = """
        rules:
          - id: corpus-convictions-agree
            kind: same
            summary: The convictions of a year are the same in every report on the country.
            severity: error
            scope: corpus
            template:
              - "(the government|the courts) convicted {n:count} {what:text} in {year:year}"
            key: [document.country, what, year]
            value: n
          - id: corpus-convictions-official
            kind: reference
            summary: The convictions of a year match the official figure for the report's country.
            severity: warning
            scope: document
            table: official.csv
            column: convictions
            key: [document.country, year]
            template:
              - "convicted {value:count} ...3 in {year:year}"
          - id: corpus-placed-within-identified
            kind: compare
            summary: Victims placed in shelters do not outnumber the victims identified.
            severity: error
            scope: sentence
            template: "identified {identified:count} victims and placed {placed:count}"
            left: placed
            op: "<="
            right: identified

        """

    static func report(country: String?, title: String, sentence: String) -> String {
        let front = country.map { "---\ncountry: \($0)\n---\n" } ?? ""
        return front + "# \(title)\n\nThis page was written for factlint's tests.\n\n\(sentence)\n"
    }

    /// Three reports on Orlesia (two give 84 convictions in 2021, one gives 91, which the
    /// official table does not hold either), one on Veldan (12), one without a country (91), one
    /// with an ordinary finding, and one dating an event after the source it cites.
    static func corpus() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("rules/corpus.yml", rules)
        try directory.write("rules/official.csv", "country,year,convictions\nOrlesia,2021,84\n")
        try directory.write("reports/g-citation.md", """
            ---
            country: Orlesia
            ---
            # Treaties

            The protocol was ratified by Orlesia in July 2008.[1]

            ## References

            1. ^ "Orlesia". Annual Report 2008. Ministry of Justice (June 4, 2008).

            """)
        try directory.write("reports/a-ministry.md", report(country: "Orlesia", title: "Ministry report", sentence: "In 2021 the government convicted 84 traffickers in 2021, up from 70."))
        try directory.write("reports/b-update.md", report(country: "Orlesia", title: "Mid-year update", sentence: "By its own account the government convicted 84 traffickers in 2021."))
        try directory.write("reports/c-ngo.md", report(country: "Orlesia", title: "Shelter network review", sentence: "Our monitors found that the courts convicted 91 traffickers in 2021."))
        try directory.write("reports/d-veldan.md", report(country: "Veldan", title: "Veldan", sentence: "The government convicted 12 traffickers in 2021."))
        try directory.write("reports/e-unknown.md", report(country: nil, title: "No country", sentence: "The government convicted 91 traffickers in 2021."))
        try directory.write("reports/f-shelters.md", report(country: "Orlesia", title: "Shelters", sentence: "Inspectors identified 47 victims and placed 52 in shelters."))
        return directory
    }

    /// The test's rules and the bundled citation rules.
    static var ruleOptions: [String] { ["--rules", "rules", "--rules", CLI.bundledRules + "/core/citations.yml"] }

    static var lint: [String] { ["lint"] + ruleOptions + ["reports"] }

    @Test func aFactStatedDifferentlyInTwoReportsIsOneFindingNamingEveryPlace() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }

        let line = try CLI.run(Self.lint + ["--format", "line"], in: directory.url)
        let json = try CLI.run(Self.lint + ["--format", "json"], in: directory.url)

        #expect(line.status == 1, "stderr: \(line.stderr)")
        let corpus = CLI.lines(line.stdout).compactMap(LineFinding.init(parsing:)).filter { $0.rule == "corpus-convictions-agree" }
        #expect(corpus.map { "\($0.path):\($0.line):\($0.column)" } == ["reports/c-ngo.md:8:46"])
        let message = try #require(corpus.first?.message)
        #expect(message.contains("91") && message.contains("84"))
        #expect(message.contains("reports/a-ministry.md:8") && message.contains("reports/b-update.md:8"), "message: \(message)")
        #expect(!message.contains("d-veldan") && !message.contains("e-unknown"), "other countries and reports without one are not compared")
        // The JSON output places the finding in its report, with the two other statements related.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let found = try #require(findings.first { $0["rule"] as? String == "corpus-convictions-agree" })
        let related = try #require(found["related"] as? [[String: Any]])
        #expect(related.count == 2)
    }

    @Test func reportsThatAgreeGiveNoFinding() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("reports/c-ngo.md"))

        let result = try CLI.run(Self.lint + ["--format", "line"], in: directory.url)

        #expect(!result.stdout.contains("corpus-convictions-agree"), "stdout: \(result.stdout)")
    }

    @Test func theTextFormatQuotesEveryReportsLine() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }

        let result = try CLI.run(Self.lint, in: directory.url)

        #expect(result.stdout.contains("--> reports/c-ngo.md:8:46"))
        #expect(result.stdout.contains("note: stated as 84 at reports/a-ministry.md:8:"))
        #expect(result.stdout.contains("| In 2021 the government convicted 84 traffickers in 2021, up from 70."))
        #expect(result.stdout.contains("| By its own account the government convicted 84 traffickers in 2021."))
    }

    /// The corpus with a suppression where the finding across reports lands (c-ngo) and one in a
    /// report whose statement agrees with the others (d-veldan), which silences nothing.
    static func corpusWithSuppressions() throws -> TemporaryDirectory {
        let directory = try corpus()
        try directory.write("reports/c-ngo.md", """
            ---
            country: Orlesia
            ---
            # Shelter network review

            <!-- factlint-disable-next-line corpus-convictions-agree -- our count includes convictions later overturned -->
            Our monitors found that the courts convicted 91 traffickers in 2021.

            """)
        try directory.write("reports/d-veldan.md", """
            ---
            country: Veldan
            ---
            # Veldan

            <!-- factlint-disable-next-line corpus-convictions-agree -->
            The government convicted 12 traffickers in 2021.

            """)
        return directory
    }

    @Test func aSuppressionWhereAFindingAcrossReportsLandsSilencesItAndOneThatSilencesNothingIsReported() throws {
        let directory = try Self.corpusWithSuppressions()
        defer { directory.remove() }

        let result = try CLI.run(Self.lint + ["--format", "line"], in: directory.url)

        let findings = CLI.lines(result.stdout).compactMap(LineFinding.init(parsing:))
        #expect(!findings.contains { $0.rule == "corpus-convictions-agree" }, "stdout: \(result.stdout)")
        let unused = findings.filter { $0.rule == "unused-suppression" }
        #expect(unused.map { "\($0.path):\($0.line)" } == ["reports/d-veldan.md:6"], "stdout: \(result.stdout)")
        // The suppression in c-ngo did its work: it is not reported as unused.
        #expect(!findings.contains { $0.path == "reports/c-ngo.md" && $0.rule == "unused-suppression" })
        // The text format quotes the unused suppression's line like any other finding's.
        let text = try CLI.run(Self.lint, in: directory.url)
        #expect(text.stdout.contains("| <!-- factlint-disable-next-line corpus-convictions-agree -->"), "stdout: \(text.stdout)")
    }

    @Test func mergingShardsAppliesTheSuppressionsAsOneRunDoes() throws {
        let directory = try Self.corpusWithSuppressions()
        defer { directory.remove() }
        for shard in 1...2 {
            let result = try CLI.run(["facts", "--format", "jsonl", "--shard", "\(shard)/2", "--output", "shard-\(shard).jsonl", "reports"] + Self.ruleOptions, in: directory.url)
            #expect(result.status == 0, "stderr: \(result.stderr)")
        }
        for format in ["text", "line", "json"] {
            let single = try CLI.run(Self.lint + ["--format", format], in: directory.url)
            let merged = try CLI.run(["merge", "--format", format] + Self.ruleOptions + ["shard-1.jsonl", "shard-2.jsonl"], in: directory.url)
            #expect(merged.stdout == single.stdout, "format \(format)")
            #expect(merged.status == single.status, "format \(format): \(merged.stderr)")
        }
    }

    @Test func aBaselineRecordsFindingsAcrossReportsAndHoldsThemBack() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }

        let written = try CLI.run(Self.lint + ["--write-baseline", "baseline.json"], in: directory.url)
        let adopted = try CLI.run(Self.lint + ["--format", "line", "--baseline", "baseline.json"], in: directory.url)

        #expect(written.status == 1, "stderr: \(written.stderr)")
        let baseline = try String(contentsOf: directory.url.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(baseline.contains("corpus-convictions-agree"), "baseline: \(baseline)")
        #expect(adopted.status == 0, "stdout: \(adopted.stdout)")
        #expect(CLI.lines(adopted.stdout).compactMap(LineFinding.init(parsing:)).isEmpty, "stdout: \(adopted.stdout)")
        let summarised = try CLI.run(["summary", "--format", "json", "--baseline", "baseline.json"] + Self.ruleOptions + ["reports"], in: directory.url)
        #expect(!summarised.stdout.contains("corpus-convictions-agree"), "stdout: \(summarised.stdout)")

        // A new disagreement is a new finding: the NGO's figure changes from 91 to 93.
        try directory.write("reports/c-ngo.md", Self.report(country: "Orlesia", title: "Shelter network review",
                                                           sentence: "Our monitors found that the courts convicted 93 traffickers in 2021."))
        let changed = try CLI.run(Self.lint + ["--format", "line", "--baseline", "baseline.json"], in: directory.url)
        let corpus = CLI.lines(changed.stdout).compactMap(LineFinding.init(parsing:)).filter { $0.rule == "corpus-convictions-agree" }
        #expect(corpus.map { "\($0.path):\($0.line)" } == ["reports/c-ngo.md:8"], "stdout: \(changed.stdout)")
    }

    @Test func everyFileIsInExactlyOneShard() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }
        var seen: [String] = []
        for shard in 1...3 {
            let result = try CLI.run(["facts", "--format", "jsonl", "--shard", "\(shard)/3", "reports"] + Self.ruleOptions, in: directory.url)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            for line in CLI.lines(result.stdout) {
                let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                if record["kind"] as? String == "document" { seen.append(try #require(record["path"] as? String)) }
            }
        }
        #expect(seen.sorted() == ["a-ministry", "b-update", "c-ngo", "d-veldan", "e-unknown", "f-shelters", "g-citation"].map { "reports/\($0).md" })
    }

    @Test(arguments: [1, 2, 3])
    func mergingTheShardsPrintsWhatOneRunPrints(shards: Int) throws {
        let directory = try Self.corpus()
        defer { directory.remove() }
        var outputs: [String] = []
        for shard in 1...shards {
            let name = "shard-\(shard).jsonl"
            let result = try CLI.run(["facts", "--format", "jsonl", "--shard", "\(shard)/\(shards)", "--output", name, "reports"] + Self.ruleOptions, in: directory.url)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            outputs.append(name)
        }
        let found = try CLI.run(Self.lint + ["--format", "line"], in: directory.url)
        let rules = Set(CLI.lines(found.stdout).compactMap(LineFinding.init(parsing:)).map(\.rule))
        #expect(rules == ["corpus-convictions-agree", "corpus-convictions-official", "corpus-placed-within-identified", "claim-after-cited-source"],
                "the corpus disagrees across reports, with the official table and with a cited source's date")
        for format in ["text", "line", "json", "sarif", "junit", "checkstyle", "markdown", "github"] {
            let single = try CLI.run(Self.lint + ["--format", format], in: directory.url)
            let merged = try CLI.run(["merge", "--format", format] + Self.ruleOptions + outputs.reversed(), in: directory.url)
            #expect(merged.stdout == single.stdout, "format \(format), \(shards) shards")
            #expect(merged.status == single.status && single.status == 1, "format \(format): \(merged.stderr)")
        }
    }

    /// Writes what each of two shards found, as `shard-1.jsonl` and `shard-2.jsonl`.
    static func writeShards(in directory: TemporaryDirectory) throws {
        for shard in 1...2 {
            let result = try CLI.run(["facts", "--format", "jsonl", "--shard", "\(shard)/2", "--output", "shard-\(shard).jsonl", "reports"] + ruleOptions, in: directory.url)
            #expect(result.status == 0, "stderr: \(result.stderr)")
        }
    }

    @Test func mergingShardsWithABaselineHoldsBackWhatOneRunWithItHoldsBack() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }
        _ = try CLI.run(Self.lint + ["--write-baseline", "baseline.json"], in: directory.url)
        // New findings after the baseline: the NGO's figure moves from 91 to 93 (a new
        // disagreement across reports) and the shelters place 58 where they placed 52.
        try directory.write("reports/c-ngo.md", Self.report(country: "Orlesia", title: "Shelter network review",
                                                           sentence: "Our monitors found that the courts convicted 93 traffickers in 2021."))
        try directory.write("reports/f-shelters.md", Self.report(country: "Orlesia", title: "Shelters",
                                                                sentence: "Inspectors identified 47 victims and placed 58 in shelters."))
        try Self.writeShards(in: directory)

        let unfiltered = try CLI.run(Self.lint + ["--format", "line"], in: directory.url)
        for format in ["line", "text", "json", "sarif"] {
            let single = try CLI.run(Self.lint + ["--format", format, "--baseline", "baseline.json"], in: directory.url)
            let merged = try CLI.run(["merge", "--format", format, "--baseline", "baseline.json"] + Self.ruleOptions + ["shard-1.jsonl", "shard-2.jsonl"], in: directory.url)
            #expect(merged.stdout == single.stdout, "format \(format)")
            #expect(merged.status == single.status && single.status == 1, "format \(format): \(merged.stderr)")
        }
        let kept = try CLI.run(["merge", "--format", "line", "--baseline", "baseline.json"] + Self.ruleOptions + ["shard-1.jsonl", "shard-2.jsonl"], in: directory.url)
        let findings = CLI.lines(kept.stdout).compactMap(LineFinding.init(parsing:)).map { "\($0.path):\($0.line) \($0.rule)" }
        // 93 is also a new disagreement with the official table; the rest was recorded.
        #expect(findings.sorted() == ["reports/c-ngo.md:8 corpus-convictions-agree", "reports/c-ngo.md:8 corpus-convictions-official",
                                      "reports/f-shelters.md:8 corpus-placed-within-identified"], "only the new findings are left: \(kept.stdout)")
        #expect(CLI.lines(unfiltered.stdout).compactMap(LineFinding.init(parsing:)).count > findings.count, "the baseline held findings back")
    }

    @Test func mergingShardsWritesTheBaselineOneRunWrites() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }
        try Self.writeShards(in: directory)

        let single = try CLI.run(Self.lint + ["--write-baseline", "single.json"], in: directory.url)
        let merged = try CLI.run(["merge", "--write-baseline", "merged.json"] + Self.ruleOptions + ["shard-1.jsonl", "shard-2.jsonl"], in: directory.url)

        #expect(merged.status == single.status && merged.status == 1, "stderr: \(merged.stderr)")
        let written = try String(contentsOf: directory.url.appendingPathComponent("single.json"), encoding: .utf8)
        #expect(try String(contentsOf: directory.url.appendingPathComponent("merged.json"), encoding: .utf8) == written)
        #expect(written.contains("corpus-convictions-agree") && written.contains("corpus-placed-within-identified"), "baseline: \(written)")
        #expect(merged.stderr.contains("recorded 4 findings in merged.json"), "stderr: \(merged.stderr)")
    }

    @Test func theConfiguredBaselineHoldsBackFindingsInAMergeAsInOneRun() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }
        _ = try CLI.run(Self.lint + ["--write-baseline", "baseline.json"], in: directory.url)
        try directory.write(".factlint.yml", "baseline: baseline.json\n")
        try Self.writeShards(in: directory)

        let single = try CLI.run(Self.lint + ["--format", "line"], in: directory.url)
        let merged = try CLI.run(["merge", "--format", "line"] + Self.ruleOptions + ["shard-1.jsonl", "shard-2.jsonl"], in: directory.url)

        #expect(single.status == 0 && single.stdout.isEmpty, "every finding is in the baseline: \(single.stdout)")
        #expect(merged.stdout == single.stdout)
        #expect(merged.status == 0, "stderr: \(merged.stderr)")
    }

    @Test func aMissingShardIsAnError() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }
        _ = try CLI.run(["facts", "--format", "jsonl", "--shard", "1/2", "--output", "one.jsonl", "reports"] + Self.ruleOptions, in: directory.url)

        let result = try CLI.run(["merge", "one.jsonl"] + Self.ruleOptions, in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains("of the 7 reports of the run"), "stderr: \(result.stderr)")
    }

    @Test func aLineThatIsNotAShardRecordIsAnErrorAtItsLine() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }
        _ = try CLI.run(["facts", "--format", "jsonl", "--output", "all.jsonl", "reports"] + Self.ruleOptions, in: directory.url)
        let text = try String(contentsOf: directory.url.appendingPathComponent("all.jsonl"), encoding: .utf8)
        // An empty line (a shard written by hand, or joined with a blank line) counts as a line.
        try directory.write("all.jsonl", text + "\n{not json\n")

        let result = try CLI.run(["merge", "all.jsonl"] + Self.ruleOptions, in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains("all.jsonl:10:1"), "stderr: \(result.stderr)")
        #expect(result.stdout.contains("corpus-convictions-agree"), "the readable lines are still merged")
    }

    @Test(arguments: ["0/2", "3/2", "1", "a/b", "1/0"])
    func aBadShardIsAUsageError(shard: String) throws {
        let directory = try Self.corpus()
        defer { directory.remove() }

        let result = try CLI.run(Self.lint + ["--shard", shard], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains("--shard takes I/N"), "stderr: \(result.stderr)")
    }

    @Test func onlyASameRuleMayHaveScopeCorpus() throws {
        let directory = try Self.corpus()
        defer { directory.remove() }
        try directory.write("rules/corpus.yml", Self.rules.replacingOccurrences(of: "scope: sentence", with: "scope: corpus"))

        let result = try CLI.run(["rules", "check", "rules"], in: directory.url)

        #expect(result.status == 2)
        #expect(result.stderr.contains("only a 'same' rule can have scope corpus"), "stderr: \(result.stderr)")
    }
}
