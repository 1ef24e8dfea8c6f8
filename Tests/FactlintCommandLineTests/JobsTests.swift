import FactlintTestSupport
import Foundation
import Testing

/// `--jobs N`: reports are linted in parallel, and the output does not depend on how many at once.
@Suite struct JobsTests {
    /// A folder with three copies of each sample report, under names that interleave.
    static func manyReports() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let samples = CommandRunner.packageRoot.appendingPathComponent("Reports")
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".md") }.sorted()
        for (index, name) in names.enumerated() {
            let text = try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
            for copy in 1...3 {
                try directory.write("reports/\(copy)-\(index)-\(name)", text)
            }
        }
        return directory
    }

    @Test(arguments: ["line", "json", "text", "sarif"])
    func outputIsTheSameWithOneTwoAndFourJobs(format: String) throws {
        let directory = try Self.manyReports()
        defer { directory.remove() }
        let arguments = ["lint", "--rules", CLI.bundledRules, "--format", format, "reports"]

        let one = try CLI.run(arguments + ["--jobs", "1"], in: directory.url)
        let two = try CLI.run(arguments + ["--jobs", "2"], in: directory.url)
        let four = try CLI.run(arguments + ["-j", "4"], in: directory.url)
        // Written joined, as `make -j4` takes it.
        let joined = try CLI.run(arguments + ["-j4"], in: directory.url)

        #expect(one.status == 1, "stderr: \(one.stderr)")
        #expect(one.stdout.contains("reports/3-3-kazakhstan-missing-persons-news.md"), "every copy is linted")
        #expect(two.stdout == one.stdout)
        #expect(four.stdout == one.stdout && joined.stdout == one.stdout)
        #expect(two.stderr == one.stderr && four.stderr == one.stderr && joined.stderr == one.stderr)
        #expect(two.status == one.status && four.status == one.status && joined.status == one.status)
    }

    @Test func timingPrintsWhereTheTimeWentAndLeavesTheFindingsAlone() throws {
        let directory = try Self.manyReports()
        defer { directory.remove() }
        let arguments = ["lint", "--rules", CLI.bundledRules, "--format", "line", "reports"]

        let plain = try CLI.run(arguments, in: directory.url)
        let timed = try CLI.run(arguments + ["--timing"], in: directory.url)

        #expect(timed.status == plain.status)
        #expect(timed.stdout == plain.stdout)
        let lines = CLI.lines(timed.stderr)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Rule ") && $0.contains("Time (ms)") && $0.hasSuffix("Share") }, "stderr: \(timed.stderr)")
        let rows = lines[(header + 1)...].prefix { !$0.hasPrefix("(") || $0.hasPrefix("(reading reports)") }
        #expect(rows.contains { $0.hasPrefix("(reading reports)") })
        #expect(rows.contains { $0.hasPrefix("sentences-add-up-to-convictions ") } || lines.contains { $0.hasPrefix("(") && $0.contains("more rules below") })
        #expect(lines.last?.hasPrefix("Total ") == true, "stderr: \(timed.stderr)")
        // Shares are percentages of the total, slowest first.
        let shares = rows.compactMap { $0.split(separator: " ").last.flatMap { Double($0.dropLast()) } }
        #expect(!shares.isEmpty && shares == shares.sorted(by: >), "\(rows)")
        #expect(!plain.stderr.contains("Time (ms)"))
    }

    @Test func anUnreadableFileAmongManyIsReportedInItsPlaceWhateverTheJobs() throws {
        let directory = try Self.manyReports()
        defer { directory.remove() }
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("reports/2-0-broken.md").path, withDestinationPath: "nowhere.md")
        let arguments = ["lint", "--rules", CLI.bundledRules, "--format", "line", "reports"]

        let one = try CLI.run(arguments + ["--jobs", "1"], in: directory.url)
        let two = try CLI.run(arguments + ["--jobs", "2"], in: directory.url)

        #expect(one.status == 2)
        #expect(one.stderr.contains("2-0-broken.md"), "stderr: \(one.stderr)")
        #expect(two.stdout == one.stdout && two.stderr == one.stderr && two.status == 2)
    }

    @Test(arguments: ["0", "-3", "many"])
    func aJobCountBelowOneIsAUsageError(jobs: String) throws {
        let result = try CLI.run(["lint", "--rules", CLI.bundledRules, "--jobs", jobs, CLI.bundledRules])

        #expect(result.status == 2)
        #expect(result.stderr.contains("jobs"), "stderr: \(result.stderr)")
    }
}
