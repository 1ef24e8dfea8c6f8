/// A reporter that renders a whole run at once: every report's findings, the rules that ran,
/// and the problems with the input.
///
/// The machine formats (JSON, SARIF, JUnit, checkstyle …) are single documents, so they cannot
/// be written one finding at a time as the text and line formats are. A format whose document
/// can be written report by report still hands it over in pieces (`write`), so a long output
/// is never held whole.
public protocol RunReporter: Sendable {
    /// The run as one document in the reporter's format.
    ///
    /// - Parameters:
    ///   - reports: the reports linted, in the order they were read; their findings in reading order.
    ///   - rules: every rule that was loaded, whether or not it found anything.
    ///   - diagnostics: problems with factlint's input (rule files, paths, encodings).
    /// - Returns: the whole output, ending with a line break.
    func render(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic]) -> String

    /// The same document as `render`, handed to `write` in pieces, in order.
    func write(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic], to write: (String) -> Void)
}

extension RunReporter {
    /// The whole document in one piece.
    public func write(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic], to write: (String) -> Void) {
        write(render(reports: reports, rules: rules, diagnostics: diagnostics))
    }
}

/// A reporter that writes its document in pieces; `render` joins them.
public protocol PiecewiseRunReporter: RunReporter {}

extension PiecewiseRunReporter {
    public func render(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic]) -> String {
        var output = ""
        write(reports: reports, rules: rules, diagnostics: diagnostics) { output += $0 }
        return output
    }
}
