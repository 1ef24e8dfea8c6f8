import Testing
import FactlintTestSupport
@testable import FactlintKit

/// FactlintKit's line and column; `Testing` has a `SourceLocation` of its own.
typealias Location = FactlintKit.SourceLocation

/// A marked text linted with rules given as YAML.
struct Linted {
    let marked: MarkedText
    let findings: [Finding]
    let diagnostics: [Diagnostic]
    let report: DocumentReport

    init(_ text: String, rules yaml: String, path: String = "report.md") {
        marked = MarkedText(text)
        (findings, diagnostics, report) = Linting.findings(in: marked.text, rules: yaml, path: path)
    }

    /// Whether a label points at a marker: its first byte, line and column.
    func label(_ label: Label, isAt marker: String) -> Bool {
        guard let offset = marked[marker], let location = marked.location(marker) else { return false }
        return label.span.bytes.lowerBound == offset && label.span.start == location
    }

    /// The text a label underlines.
    func text(_ label: Label) -> String {
        String(decoding: Array(marked.text.utf8)[label.span.bytes], as: UTF8.self)
    }
}
