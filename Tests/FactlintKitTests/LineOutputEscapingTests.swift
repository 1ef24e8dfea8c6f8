import Testing
@testable import FactlintKit

/// Report text in `--format line` output cannot drive the terminal: control characters a
/// report smuggles into a message (a name, a quoted phrase) are shown as "�".
@Suite("Line output escaping")
struct LineOutputEscapingTests {
    @Test func controlCharactersInAMessageAreMadeVisible() {
        let source = SourceFile(path: "report.md", text: "Lantern House is headed by Ilse\u{1B}[2J Marten.")
        let finding = Finding(
            ruleID: "same-head-of-organisation", severity: .warning,
            message: "Lantern House is headed by Ilse\u{1B}[2J\u{7} Marten here",
            primary: Label(span: source.span(27..<42), message: "stated here"), related: []
        )

        let line = LineReporter().render(finding)

        #expect(line == "report.md:1:28: warning: Lantern House is headed by Ilse\u{FFFD}[2J\u{FFFD} Marten here [same-head-of-organisation]")
    }
}
