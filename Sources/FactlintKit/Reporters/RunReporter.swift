/// A reporter that renders a whole run at once: every report's findings, the rules that ran,
/// and the problems with the input.
///
/// The machine formats (JSON, SARIF, JUnit, checkstyle …) are single documents, so they cannot
/// be written one finding at a time as the text and line formats are.
public protocol RunReporter: Sendable {
    /// The run as one document in the reporter's format.
    ///
    /// - Parameters:
    ///   - reports: the reports linted, in the order they were read; their findings in reading order.
    ///   - rules: every rule that was loaded, whether or not it found anything.
    ///   - diagnostics: problems with factlint's input (rule files, paths, encodings).
    /// - Returns: the whole output, ending with a line break.
    func render(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic]) -> String
}
