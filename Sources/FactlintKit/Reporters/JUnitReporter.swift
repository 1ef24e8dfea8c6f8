/// Renders a run as JUnit XML, which most CI systems show as a test report.
///
/// Each report is a `<testsuite>` and each loaded rule a `<testcase>` in it, so a rule that
/// found nothing in a report is a passing test; each finding is a `<failure>` of its rule's
/// test case, with the finding's line, its figures and its evidence as the failure's text.
/// Problems with the input are `<error>`s in a last suite named `factlint`.
public struct JUnitReporter: RunReporter {
    public init() {}

    public func render(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic]) -> String {
        var ruleIDs: [String] = []
        for rule in rules where !ruleIDs.contains(rule.id) { ruleIDs.append(rule.id) }
        var suites = ""
        var tests = 0
        var failures = 0
        for report in reports {
            var byRule: [String: [Finding]] = [:]
            for finding in report.findings { byRule[finding.ruleID, default: []].append(finding) }
            // A finding of a rule not among those given still gets a test case.
            let ids = ruleIDs + byRule.keys.filter { !ruleIDs.contains($0) }.sorted()
            let path = report.source.path.escapedForXML()
            suites += "  <testsuite name=\"\(path)\" tests=\"\(ids.count)\" failures=\"\(report.findings.count)\" errors=\"0\" skipped=\"0\">\n"
            for id in ids {
                let found = byRule[id] ?? []
                let testcase = "    <testcase name=\"\(id.escapedForXML())\" classname=\"\(path)\""
                guard !found.isEmpty else {
                    suites += testcase + "/>\n"
                    continue
                }
                suites += testcase + ">\n"
                for finding in found {
                    suites += "      <failure message=\"\(finding.message.escapedForXML())\" type=\"\(finding.severity.rawValue)\">"
                    suites += JUnitReporter.details(of: finding).escapedForXML(keepingLineBreaks: true) + "</failure>\n"
                }
                suites += "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
            tests += ids.count
            failures += report.findings.count
        }
        if !diagnostics.isEmpty {
            suites += "  <testsuite name=\"factlint\" tests=\"\(diagnostics.count)\" failures=\"0\" errors=\"\(diagnostics.count)\" skipped=\"0\">\n"
            for diagnostic in diagnostics {
                suites += "    <testcase name=\"\(diagnostic.path.escapedForXML())\" classname=\"factlint\">\n"
                suites += "      <error message=\"\(diagnostic.message.escapedForXML())\" type=\"input\">"
                suites += diagnostic.rendered().escapedForXML(keepingLineBreaks: true) + "</error>\n"
                suites += "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
            tests += diagnostics.count
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"factlint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(diagnostics.count)\">\n"
            + suites + "</testsuites>\n"
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
