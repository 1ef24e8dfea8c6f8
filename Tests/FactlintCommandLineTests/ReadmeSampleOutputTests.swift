import FactlintTestSupport
import Foundation
import Testing

/// The README shows what bare `factlint` prints on the sample reports; it must be what it prints.
@Suite struct ReadmeSampleOutputTests {
    @Test func theReadmeShowsWhatFactlintPrintsOnTheSamples() throws {
        let readme = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let afterIntro = try #require(readme.components(separatedBy: "The first command prints").dropFirst().first)
        // The text between the fence that opens the block ("```\n") and the one that closes it.
        let shown = try #require(afterIntro.components(separatedBy: "```\n").dropFirst().first)
        let result = try CLI.run([])

        #expect(result.status == 1)
        #expect(shown == result.stdout, "regenerate the README's sample output with `swift run factlint`; it prints:\n\(result.stdout)")
    }
}
