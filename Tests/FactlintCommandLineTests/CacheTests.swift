@testable import FactlintKit
import FactlintTestSupport
import Foundation
import Testing

/// `lint --cache`: a report unchanged since the last run is not linted again, and what the run
/// prints is what a run without the cache prints.
@Suite struct CacheTests {
    /// A folder with the sample reports under `reports/`, the bundled rules copied to `rules/`
    /// (so a test may change one), and a report holding a NUL byte, which has a diagnostic.
    static func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let root = CommandRunner.packageRoot
        for folder in ["Reports", "Rules"] {
            let source = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: source, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["md", "yml", "csv"].contains(url.pathExtension) {
                let relative = String(url.path.dropFirst(source.path.count + 1))
                try directory.write("\(folder.lowercased())/\(relative)", String(contentsOf: url, encoding: .utf8))
            }
        }
        try directory.write("reports/binary.md", "Courts convicted 12 offenders in 2021.\u{0}\n")
        return directory
    }

    static let lint = ["lint", "--rules", "rules", "reports"]

    /// The cache file's text.
    static func cache(_ directory: TemporaryDirectory, _ name: String = ".factlint-cache") throws -> String {
        try String(contentsOf: directory.url.appendingPathComponent(name), encoding: .utf8)
    }

    /// Rewrites the cache so that every finding it remembers says "REMEMBERED" where the rules
    /// would say "listed add up to", each line's check worked out anew for it: a run that
    /// prints the word took the report from the cache.
    static func tamper(_ directory: TemporaryDirectory) throws {
        let text = try cache(directory)
        #expect(text.contains("listed add up to"), "the cache remembers findings: \(text.prefix(300))")
        var lines = text.split(separator: "\n").map(String.init)
        for index in lines.indices.dropFirst() {
            guard let tab = lines[index].firstIndex(of: "\t"), let pathTab = lines[index].lastIndex(of: "\t") else { continue }
            let rest = lines[index][lines[index].index(after: tab)...].replacingOccurrences(of: "listed add up to", with: "REMEMBERED")
            let report = try Data(contentsOf: directory.url.appendingPathComponent(String(lines[index][lines[index].index(after: pathTab)...])))
            lines[index] = "\(LintCache.check(ContentHash([UInt8](report)), rest: rest.utf8))\t\(rest)"
        }
        try directory.write(".factlint-cache", lines.joined(separator: "\n") + "\n")
    }

    @Test(arguments: ["text", "line", "json", "sarif"])
    func aRunWithTheCachePrintsWhatARunWithoutItPrints(format: String) throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let arguments = Self.lint + ["--format", format]

        let plain = try CLI.run(arguments, in: directory.url)
        let first = try CLI.run(arguments + ["--cache", "--jobs", "2"], in: directory.url)
        let second = try CLI.run(arguments + ["--cache", "--jobs", "1"], in: directory.url)

        #expect(plain.status == 2, "the NUL byte fails the run: \(plain.stderr)")
        #expect(plain.stderr.contains("reports/binary.md:1:39: error: the file holds a NUL byte"), "stderr: \(plain.stderr)")
        #expect(!plain.stdout.isEmpty)
        for run in [first, second] {
            #expect(run.stdout == plain.stdout)
            #expect(run.stderr == plain.stderr)
            #expect(run.status == plain.status)
        }
        let cache = try Self.cache(directory)
        #expect(cache.hasPrefix("factlint-cache 1 "))
        // A line per report: the eight samples and the binary one.
        #expect(cache.split(separator: "\n").count == 1 + 9, "\(cache.prefix(500))")
    }

    @Test func anUnchangedReportIsTakenFromTheCacheAndAChangedOneIsLintedAgain() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let arguments = Self.lint + ["--format", "line", "--cache"]
        let plain = try CLI.run(arguments, in: directory.url)
        #expect(plain.stdout.contains("listed add up to"), "stdout: \(plain.stdout)")
        try Self.tamper(directory)

        let remembered = try CLI.run(arguments, in: directory.url)
        #expect(remembered.stdout.contains("REMEMBERED"), "stdout: \(remembered.stdout)")
        #expect(remembered.stdout.replacingOccurrences(of: "REMEMBERED", with: "listed add up to") == plain.stdout)

        // One more line in each report: every report is read anew, and the findings move down a line.
        let reports = directory.url.appendingPathComponent("reports")
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.path) where name.hasSuffix(".md") {
            let file = reports.appendingPathComponent(name)
            try Data(("\n" + String(contentsOf: file, encoding: .utf8)).utf8).write(to: file)
        }
        let changed = try CLI.run(arguments, in: directory.url)
        #expect(!changed.stdout.contains("REMEMBERED"), "stdout: \(changed.stdout)")
        #expect(changed.stdout == (try CLI.run(Self.lint + ["--format", "line"], in: directory.url)).stdout)
        #expect(changed.stdout != plain.stdout)
    }

    @Test(arguments: ["rule file", "reference table", "configuration"])
    func changingTheRulesOrTheConfigurationLintsEveryReportAgain(change: String) throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        try directory.write(".factlint.yml", "fail_on: error\n")
        let arguments = Self.lint + ["--format", "line", "--cache"]
        let plain = try CLI.run(arguments, in: directory.url)
        try Self.tamper(directory)
        #expect(try CLI.run(arguments, in: directory.url).stdout.contains("REMEMBERED"))

        // A comment or a row about another country changes no finding, but the cache cannot know that.
        if change == "rule file" {
            let file = directory.url.appendingPathComponent("rules/core/breakdowns.yml")
            try Data((String(contentsOf: file, encoding: .utf8) + "# reviewed\n").utf8).write(to: file)
        } else if change == "reference table" {
            // A row for a country no sample report is about.
            let file = directory.url.appendingPathComponent("rules/trafficking/official-figures.csv")
            try Data((String(contentsOf: file, encoding: .utf8) + "Elsewhere,2021,3,4\n").utf8).write(to: file)
        } else {
            try directory.write(".factlint.yml", "# reviewed\nfail_on: error\n")
        }
        let after = try CLI.run(arguments, in: directory.url)
        #expect(after.stdout == plain.stdout, "stdout: \(after.stdout)")
    }

    @Test func aDamagedCacheIsRebuiltAndTheRunIsUnchanged() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let arguments = Self.lint + ["--format", "line", "--cache-location", "state/lint.cache"]
        let plain = try CLI.run(Self.lint + ["--format", "line"], in: directory.url)
        try directory.write("state/notes.txt", "the cache is kept here\n")
        _ = try CLI.run(arguments, in: directory.url)
        let good = try Self.cache(directory, "state/lint.cache")

        // Another run's header, then lines cut short or garbled.
        var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[1] = String(lines[1].prefix(20))
        lines[2] = lines[2].replacingOccurrences(of: "{", with: "[")
        try directory.write("state/lint.cache", lines.joined(separator: "\n"))
        let damaged = try CLI.run(arguments, in: directory.url)
        #expect(damaged.stdout == plain.stdout)
        #expect(damaged.status == plain.status)
        #expect(try Self.cache(directory, "state/lint.cache") == good)

        try directory.write("state/lint.cache", "factlint-cache 1 0123\n" + good)
        let stale = try CLI.run(arguments, in: directory.url)
        #expect(stale.stdout == plain.stdout)
        #expect(try Self.cache(directory, "state/lint.cache") == good)
    }

    @Test func reportsLeftOutOfARunStayInTheCacheUntilTheyAreDeleted() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        _ = try CLI.run(Self.lint + ["--cache"], in: directory.url)
        let one = "reports/rodnik-shelter-interview.md"
        _ = try CLI.run(["lint", "--rules", "rules", "--cache", one], in: directory.url)
        #expect(try Self.cache(directory).split(separator: "\n").count == 1 + 9)

        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("reports/binary.md"))
        _ = try CLI.run(["lint", "--rules", "rules", "--cache", one], in: directory.url)
        let cache = try Self.cache(directory)
        #expect(cache.split(separator: "\n").count == 1 + 8)
        #expect(!cache.contains("reports/binary.md"))
        #expect(cache.contains("\t" + one + "\n"))
    }

    @Test func summaryReadsTheCacheLintWrote() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let summary = ["summary", "--rules", "rules", "--format", "json", "reports"]
        let plain = try CLI.run(summary, in: directory.url)
        _ = try CLI.run(Self.lint + ["--cache"], in: directory.url)

        let cached = try CLI.run(summary + ["--cache"], in: directory.url)
        #expect(cached.stdout == plain.stdout)
        #expect(cached.status == plain.status)
        try Self.tamper(directory)
        #expect(try CLI.run(summary + ["--cache"], in: directory.url).stdout.contains("REMEMBERED"))
    }

    @Test func timingCountsTheReportsTakenFromTheCache() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let arguments = Self.lint + ["--format", "line", "--cache", "--timing"]
        let first = try CLI.run(arguments, in: directory.url)
        #expect(!first.stderr.contains("taken from the cache"), "stderr: \(first.stderr)")
        #expect(first.stderr.contains("(reading reports)"))

        let reports = directory.url.appendingPathComponent("reports")
        try Data("Courts convicted 12 offenders in 2021.\n".utf8).write(to: reports.appendingPathComponent("binary.md"))
        let second = try CLI.run(arguments, in: directory.url)
        #expect(second.stderr.contains("(8 reports unchanged, taken from the cache: not timed)"), "stderr: \(second.stderr)")
    }

    @Test func standardInputIsNeverCached() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let report = "Courts convicted 19 offenders in 2007. Of the 19, two were sentenced to 12 years and four to 10 years.\n"
        let result = try CommandRunner.run(["lint", "--rules", CLI.bundledRules, "--cache", "-"], in: directory.url, input: report)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let cache = try Self.cache(directory)
        #expect(cache.split(separator: "\n").count == 1, "only the header: \(cache)")
    }

    @Test func aCacheLocationThatIsNotAFileIsRefusedBeforeAnythingIsLinted() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        // Writing the cache would replace /dev/null with a file.
        let result = try CLI.run(Self.lint + ["--cache-location", "/dev/null"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("/dev/null: error: the cache location is not a file"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aCacheThatCannotBeWrittenFailsTheRunAfterItsFindings() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let result = try CLI.run(Self.lint + ["--format", "line", "--cache-location", "no-such-folder/lint.cache"], in: directory.url)
        #expect(result.stdout.contains("listed add up to"), "the findings are printed: \(result.stdout)")
        #expect(result.stderr.contains("no-such-folder/lint.cache: error: cannot write the cache: No such file or directory"), "stderr: \(result.stderr)")
        #expect(result.status == 2)
    }
}
