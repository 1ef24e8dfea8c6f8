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

    @Test func tabsBecomeSpacesAndEveryControlCharacterAReplacement() {
        #expect("Courts\tconvicted 19".sanitizedForTerminal() == "Courts convicted 19")
        #expect("a\u{0}b\u{1F}c\u{7F}d".sanitizedForTerminal() == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
        // C1 controls are two bytes in UTF-8; the letters and signs around them stay whole.
        #expect("café\u{85}€ 5\u{9F}".sanitizedForTerminal() == "café\u{FFFD}€ 5\u{FFFD}")
        #expect("\u{80}".sanitizedForTerminal() == "\u{FFFD}")
        // U+00A0 and U+00C2 share the lead byte 0xC2 or the letter with C1 controls and stay.
        #expect("10\u{A0}000 Â".sanitizedForTerminal() == "10\u{A0}000 Â")
        #expect("Almaty — the “hub”".sanitizedForTerminal() == "Almaty — the “hub”")
        #expect("".sanitizedForTerminal() == "")
    }
}
