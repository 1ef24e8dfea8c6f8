import FactlintTestSupport
import Foundation
import Testing

/// Usage errors exit 2 (not swift-argument-parser's 64); help and version exit 0.
@Suite struct UsageTests {
    @Test(arguments: [
        (["--bogus"], "--bogus"),
        (["lint", "--bogus", "Reports"], "--bogus"),
        (["lint", "--format", "xml", "Reports"], "xml"),
        (["lint", "--fail-on", "sometimes", "Reports"], "sometimes"),
        (["facts"], "<file>"),
        (["facts", "--format", "yaml", "Reports/rodnik-shelter-interview.md"], "yaml"),
    ])
    func usageErrorExitsTwo(arguments: [String], named: String) throws {
        let result = try CLI.run(arguments)

        #expect(result.status == 2, "factlint \(arguments.joined(separator: " ")) exited \(result.status)")
        #expect(result.stderr.contains(named), "the message names what is wrong: \(result.stderr)")
        #expect(result.stderr.contains("Usage:") || result.stderr.contains("USAGE:"), "usage is shown: \(result.stderr)")
        #expect(result.stdout == "", "nothing is linted: \(result.stdout.prefix(300))")
    }

    @Test(arguments: [["--help"], ["lint", "--help"], ["facts", "--help"], ["help"]])
    func helpExitsZero(arguments: [String]) throws {
        let result = try CLI.run(arguments)

        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("USAGE: factlint"), "stdout: \(result.stdout)")
        #expect(result.stdout.contains("OPTIONS:"))
        #expect(!result.stdout.contains("error:"))
    }

    @Test func topLevelHelpListsTheSubcommands() throws {
        let result = try CLI.run(["--help"])

        #expect(result.status == 0)
        #expect(result.stdout.contains("lint"))
        #expect(result.stdout.contains("facts"))
    }

    @Test func versionExitsZeroAndPrintsAVersion() throws {
        let result = try CLI.run(["--version"])

        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).wholeMatch(of: /\d+\.\d+\.\d+\S*/) != nil, "stdout: \(result.stdout)")
        #expect(result.stderr == "")
    }
}
