import FactlintTestSupport
import Foundation
import Testing

/// Colour only on a terminal, and never with NO_COLOR: captured output is plain text.
@Suite struct ColorTests {
    let directory: TemporaryDirectory
    let arguments: [String]

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("orlesia-2021.md", SampleReport.sentencesShort)
        try directory.write("shelters.md", SampleReport.twoHeads)
        arguments = ["lint", "--rules", CLI.bundledRules, "orlesia-2021.md", "shelters.md"]
    }

    @Test func pipedOutputIsTheSameWithAndWithoutNoColorAndHasNoEscapes() throws {
        defer { directory.remove() }
        let withNoColor = try CLI.run(arguments, in: directory.url)
        let withoutNoColor = try CLI.runWithoutNoColor(arguments, in: directory.url)

        #expect(withNoColor.status == 1)
        #expect(withoutNoColor.status == 1)
        #expect(withoutNoColor.stdout == withNoColor.stdout)
        #expect(withoutNoColor.stderr == withNoColor.stderr)
        for output in [withNoColor.stdout, withNoColor.stderr, withoutNoColor.stdout, withoutNoColor.stderr] {
            #expect(!CLI.hasANSIEscape(output), "escape codes in: \(output.debugDescription)")
        }
        #expect(withoutNoColor.stdout.contains("error: "))
    }

    @Test func terminalOutputIsColouredUnlessNoColorIsSet() throws {
        defer { directory.remove() }
        let plain = try CLI.run(arguments, in: directory.url)
        let coloured = try CLI.runOnTerminal(arguments, in: directory.url, noColor: false)
        let noColor = try CLI.runOnTerminal(arguments, in: directory.url, noColor: true)
        let flag = try CLI.runOnTerminal(arguments + ["--no-color"], in: directory.url, noColor: false)

        #expect(coloured.status == 1)
        #expect(CLI.hasANSIEscape(coloured.terminal), "a terminal gets colour: \(coloured.terminal.prefix(200).debugDescription)")
        for run in [noColor, flag] {
            #expect(run.status == 1)
            #expect(!CLI.hasANSIEscape(run.terminal), "escape codes in: \(run.terminal.prefix(200).debugDescription)")
            #expect(run.terminal.replacingOccurrences(of: "\r\n", with: "\n") == plain.stdout)
        }
    }

    @Test func lineFormatIsNeverColoured() throws {
        defer { directory.remove() }
        let run = try CLI.runOnTerminal(arguments + ["--format", "line"], in: directory.url, noColor: false)

        #expect(run.status == 1)
        #expect(run.terminal.contains("orlesia-2021.md:3:8: error: "))
        #expect(!CLI.hasANSIEscape(run.terminal), "escape codes in: \(run.terminal.debugDescription)")
    }
}
