/// Renders a run as JUnit XML, which most CI systems show as a test report.
///
/// Each report is a `<testsuite>` and each loaded rule a `<testcase>` in it, so a rule that
/// found nothing in a report is a passing test; each finding is a `<failure>` of its rule's
/// test case, with the finding's line, its figures and its evidence as the failure's text.
/// Problems with the input are `<error>`s in a last suite named `factlint`.
public struct JUnitReporter: PiecewiseRunReporter {
    public init() {}

    /// Writes one report's suite at a time, after a first pass that counts the tests and
    /// failures the opening tag gives.
    public func write(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic], to write: (String) -> Void) {
        var ruleIDs: [String] = []
        var loaded: Set<String> = []
        for rule in rules where loaded.insert(rule.id).inserted { ruleIDs.append(rule.id) }
        // A report's test cases are every loaded rule, then each rule not among those given that
        // found something there, so that it still gets a test case; those are worked out once.
        let unloaded = reports.map { Set($0.findings.map(\.ruleID)).subtracting(loaded).sorted() }
        let tests = diagnostics.count + reports.count * ruleIDs.count + unloaded.reduce(0) { $0 + $1.count }
        let failures = reports.reduce(0) { $0 + $1.findings.count }
        write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        write("<testsuites name=\"factlint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(diagnostics.count)\">\n")
        for (report, unloaded) in zip(reports, unloaded) {
            var byRule: [String: [Finding]] = [:]
            for finding in report.findings { byRule[finding.ruleID, default: []].append(finding) }
            let ids = ruleIDs + unloaded
            let path = report.source.path.escapedForXML()
            var suite = "  <testsuite name=\"\(path)\" tests=\"\(ids.count)\" failures=\"\(report.findings.count)\" errors=\"0\" skipped=\"0\">\n"
            for id in ids {
                let found = byRule[id] ?? []
                let testcase = "    <testcase name=\"\(id.escapedForXML())\" classname=\"\(path)\""
                guard !found.isEmpty else {
                    suite += testcase + "/>\n"
                    continue
                }
                suite += testcase + ">\n"
                for finding in found {
                    suite += "      <failure message=\"\(finding.message.escapedForXML())\" type=\"\(finding.severity.rawValue)\">"
                    suite += JUnitReporter.details(of: finding).escapedForXML(keepingLineBreaks: true) + "</failure>\n"
                }
                suite += "    </testcase>\n"
            }
            write(suite + "  </testsuite>\n")
        }
        if !diagnostics.isEmpty {
            var suite = "  <testsuite name=\"factlint\" tests=\"\(diagnostics.count)\" failures=\"0\" errors=\"\(diagnostics.count)\" skipped=\"0\">\n"
            for diagnostic in diagnostics {
                suite += "    <testcase name=\"\(diagnostic.path.escapedForXML())\" classname=\"factlint\">\n"
                suite += "      <error message=\"\(diagnostic.message.escapedForXML())\" type=\"input\">"
                suite += diagnostic.rendered().escapedForXML(keepingLineBreaks: true) + "</error>\n"
                suite += "    </testcase>\n"
            }
            write(suite + "  </testsuite>\n")
        }
        write("</testsuites>\n")
    }

    /// The finding as a line, then where each figure it used stands and the evidence.
    static func details(of finding: Finding) -> String {
        var lines = [LineReporter().render(finding)]
        for label in [finding.primary] + finding.related where !label.message.isEmpty {
            lines.append("  note: \(label.message) at \(label.span.path):\(label.span.start)")
        }
        if let evidence = finding.evidence, evidence.gap > 0 { lines.append("  evidence: \(evidence.summary)") }
        return lines.joined(separator: "\n")
    }
}
