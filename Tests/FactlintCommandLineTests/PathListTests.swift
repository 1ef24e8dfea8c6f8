import FactlintTestSupport
import Foundation
import Testing

/// Paths listed one by one on the command line, as a shell glob gives them: factlint reads every
/// one, in the order given, whatever options stand between them.
@Suite struct PathListTests {
    /// A folder of reports under `reports/`, three copies of each sample, and the relative
    /// paths of the copies in an order that is not the folder's.
    static func reports() throws -> (directory: TemporaryDirectory, paths: [String]) {
        let directory = try JobsTests.manyReports()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("reports").path).sorted()
        // Every third name first, then the rest backwards: neither sorted nor reversed.
        let order = names.indices.filter { $0 % 3 == 0 } + names.indices.filter { $0 % 3 != 0 }.reversed()
        return (directory, order.map { "reports/\(names[$0])" })
    }

    /// What linting each path alone prints, one run after the other: the output of one run over
    /// every path, report by report.
    static func oneByOne(_ paths: [String], in directory: TemporaryDirectory) throws -> String {
        try paths.map { try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "--jobs", "1", $0], in: directory.url).stdout }.joined()
    }

    @Test func everyPathIsLintedInTheOrderGiven() throws {
        let (directory, paths) = try Self.reports()
        defer { directory.remove() }
        let expected = try Self.oneByOne(paths, in: directory)
        #expect(expected.contains("reports/1-0-"), "the samples have findings to order")

        // Options between the paths, and after a "--" that makes the rest paths whatever they look like.
        let options = ["--rules", CLI.bundledRules, "--format", "line"]
        var arguments: [String] = ["lint"] + paths[0..<5] + options
        arguments += paths[5..<9] + ["--jobs", "1"]
        arguments += paths[9..<12] + ["--"] + paths[12...]
        let output = try CLI.run(arguments, in: directory.url)
        #expect(output.status == 1, "stderr: \(output.stderr)")
        #expect(output.stdout == expected)
        let reportCount: String = "\(paths.count) reports,"
        #expect(output.stderr.contains(reportCount), "stderr: \(output.stderr)")

        // Without the command's name, `lint` runs; with two jobs, the order stays.
        let implicit = try CLI.run(paths + options + ["--jobs", "2"], in: directory.url)
        #expect(implicit.stdout == expected)
    }

    /// Words that name commands, or start with "-" after "--", are paths where a path goes.
    @Test func pathsNamedLikeCommandsOrOptions() throws {
        let (directory, paths) = try Self.reports()
        defer { directory.remove() }
        let sample = try String(contentsOf: directory.url.appendingPathComponent(paths[0]), encoding: .utf8)
        try directory.write("test/report.md", sample)
        try directory.write("-draft.md", sample)
        let listed = [paths[1], "test", paths[2], paths[3], "-draft.md", paths[4]]
        let dashed = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "--", "-draft.md"], in: directory.url)
        let expected = try Self.oneByOne(Array(listed.prefix(4)), in: directory) + dashed.stdout + Self.oneByOne([paths[4]], in: directory)

        let output = try CLI.run(["lint", "--rules", CLI.bundledRules, "--format", "line", "--"] + listed, in: directory.url)
        #expect(output.status == 1, "stderr: \(output.stderr)")
        #expect(output.stdout == expected)
        #expect(output.stdout.contains("test/report.md:"))
        #expect(output.stdout.contains("-draft.md:"))
    }

    /// A mistake among many paths is reported as it is among few: the option and its value.
    @Test func mistakesAmongManyPathsNameTheOption() throws {
        let (directory, paths) = try Self.reports()
        defer { directory.remove() }
        let few = try CLI.run(["lint", "--format", "yaml", paths[0]], in: directory.url)
        let mistaken: [String] = ["lint"] + paths[..<6] + ["--format", "yaml"] + paths[6...]
        let many = try CLI.run(mistaken, in: directory.url)
        #expect(few.status == 2 && many.status == 2)
        #expect(many.stderr == few.stderr)
        #expect(many.stderr.contains("yaml"), "stderr: \(many.stderr)")

        // Rule files listed one by one are each checked.
        let rules = try CLI.run(["rules", "check", "\(CLI.bundledRules)/core", "\(CLI.bundledRules)/trafficking", "missing.yml"], in: directory.url)
        #expect(rules.status == 2)
        #expect(rules.stderr.contains("missing.yml"), "stderr: \(rules.stderr)")
    }

    /// Two reports whose names differ only in how "é" is encoded (one scalar, or "e" and a
    /// combining accent) are two files here, but equal as strings: the first in byte order is
    /// linted, and the other is named in an error rather than dropped without a word.
    @Test func namesThatDifferOnlyInNormalisation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let composed = "reports/caf\u{E9}.md", decomposed = "reports/cafe\u{301}.md"
        #expect(composed == decomposed, "Swift holds the two names equal")
        _ = try directory.write(composed, "# Shelters\n\nThe shelter assisted 12 women in 2021.\n")
        _ = try directory.write(decomposed, "# Shelters\n\nThe shelter assisted 30 men in 2022.\n")
        let listed = try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("reports").path)
        #expect(listed.count == 2, "the file system keeps both names")

        for arguments in [["reports"], [composed, decomposed], ["reports/*.md"]] {
            let output = try CLI.run(["facts", "--rules", CLI.bundledRules, "--format", "text"] + arguments, in: directory.url)
            #expect(output.status == 2, "stderr: \(output.stderr)")
            // "cafe" and the accent sort before "café": the decomposed name comes first in byte order,
            // unless it is named first on the command line.
            // (`==` cannot tell the names apart, so each goes with its count here.)
            let (linted, dropped) = arguments.count == 2 ? (composed, decomposed) : (decomposed, composed)
            let (lintedCount, droppedCount) = arguments.count == 2 ? ("\"12\"", "\"30\"") : ("\"30\"", "\"12\"")
            #expect(output.stdout.contains(lintedCount) && !output.stdout.contains(droppedCount), "stdout: \(output.stdout)")
            #expect(output.stderr.contains("\(dropped): error: not linted: its name looks the same as \(linted)'s"), "stderr: \(output.stderr)")
            #expect(output.stderr.contains("rename one of the two files"))
        }
    }
}
