import FactlintTestSupport
import Foundation
import Testing

/// A report read from standard input, as an editor sends its buffer.
@Suite("Standard input")
struct StdinTests {
    func run(_ arguments: [String], input: String) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, input: input)
    }

    static let draft = "Courts convicted 5 traffickers. Of the 5 convicted, two were sentenced to 3 years and two were sentenced to 2 years.\n"

    @Test func aDashReadsStandardInputUnderTheGivenName() throws {
        let result = try run(["lint", "--format", "line", "--stdin-filename", "drafts/veridia.md", "-"], input: Self.draft)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("drafts/veridia.md:1:40: error: the sentences listed add up to 4 (2 + 2), but 5 offenders were convicted [sentences-add-up-to-convictions]"))
    }

    @Test func withoutANameStandardInputIsCalledStdin() throws {
        let result = try run(["lint", "--format", "line", "-"], input: Self.draft)
        #expect(result.stdout.hasPrefix("<stdin>:1:40:"))
        #expect(result.stderr.contains("1 report, "))
    }
}
