import Foundation

/// Renders a run as a SARIF 2.1.0 log, for code-scanning services and SARIF viewers.
///
/// The log has one run. `tool.driver.rules` lists every loaded rule with its summary,
/// rationale, link and severity, and each result points into it by `ruleId` and `ruleIndex`.
/// Columns count Unicode scalars (`columnKind: unicodeCodePoints`) and the end column is just
/// after the span, as SARIF defines it. Relative report paths are relative to `SRCROOT`, the
/// base directory given. Problems with the input are tool execution notifications.
public struct SARIFReporter: PiecewiseRunReporter {
    /// factlint's version, for `tool.driver.version`.
    public var toolVersion: String
    /// Where to read about factlint, for `tool.driver.informationUri`.
    public var informationURI: String?
    /// The absolute folder relative paths are resolved from; nil leaves them unresolved.
    public var baseDirectory: String?

    public init(toolVersion: String, informationURI: String? = nil, baseDirectory: String? = nil) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.baseDirectory = baseDirectory
    }

    /// Writes the log around the results, and the results one at a time.
    public func write(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic], to write: (String) -> Void) {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
        let driver = Log.Driver(
            name: "factlint", version: toolVersion, informationUri: informationURI,
            rules: rules.map { rule in
                Log.ReportingDescriptor(
                    id: rule.id, shortDescription: Log.Message(text: SARIFReporter.plainText(rule.summary)),
                    fullDescription: rule.rationale.map { Log.Message(text: SARIFReporter.plainText($0)) },
                    helpUri: rule.link, defaultConfiguration: Log.Configuration(level: SARIFReporter.level(rule.severity)),
                    properties: Log.RuleProperties(kind: rule.kind.rawValue, scope: rule.scope.rawValue)
                )
            }
        )
        let results = reports.lazy.flatMap(\.findings).map { finding in
            Log.Result(
                ruleId: finding.ruleID, ruleIndex: ruleIndex[finding.ruleID], level: SARIFReporter.level(finding.severity),
                message: Log.Message(text: SARIFReporter.plainText(finding.message)),
                locations: [location(finding.primary.span, message: finding.primary.message, id: nil)],
                relatedLocations: finding.related.isEmpty ? nil : finding.related.enumerated().map { index, label in
                    location(label.span, message: label.message, id: index + 1)
                }
            )
        }
        let notifications = diagnostics.map { diagnostic in
            var text = diagnostic.message
            if let help = diagnostic.help { text += " (\(help))" }
            let region = diagnostic.location.map { Log.Region(startLine: $0.line, startColumn: $0.column) }
            return Log.Notification(
                level: "error", message: Log.Message(text: SARIFReporter.plainText(text)),
                locations: [Log.Location(id: nil, physicalLocation: Log.PhysicalLocation(artifactLocation: artifact(diagnostic.path), region: region), message: nil)]
            )
        }
        let base = baseDirectory.map { ["SRCROOT": Log.ArtifactLocation(uri: SARIFReporter.fileURI(directory: $0), uriBaseId: nil)] }
        let log = Log(runs: [Log.Run(
            tool: Log.Tool(driver: driver),
            invocations: [Log.Invocation(executionSuccessful: diagnostics.isEmpty, toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
            originalUriBaseIds: base, columnKind: "unicodeCodePoints", results: JSONSplice.Placeholder()
        )])
        if !JSONSplice().write(log, splicing: results, to: write) {
            write("{\"version\": \"2.1.0\", \"runs\": []}\n")
        }
    }

    func location(_ span: SourceSpan, message: String, id: Int?) -> Log.Location {
        let region = Log.Region(
            startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column,
            byteOffset: span.bytes.lowerBound, byteLength: span.bytes.count
        )
        return Log.Location(
            id: id, physicalLocation: Log.PhysicalLocation(artifactLocation: artifact(span.path), region: region),
            message: message.isEmpty ? nil : Log.Message(text: SARIFReporter.plainText(message))
        )
    }

    func artifact(_ path: String) -> Log.ArtifactLocation {
        if path.hasPrefix("/") { return Log.ArtifactLocation(uri: SARIFReporter.fileURI(directory: path, trailingSlash: false), uriBaseId: nil) }
        return Log.ArtifactLocation(uri: SARIFReporter.percentEncoded(path), uriBaseId: baseDirectory == nil ? nil : "SRCROOT")
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// Text with SARIF's embedded-link syntax escaped: a consumer reads `[text](1)` as a link,
    /// so each bracket, and each backslash right before one, gets a backslash.
    static func plainText(_ text: String) -> String {
        var output = ""
        var backslashes = 0
        for character in text {
            if character == "\\" {
                backslashes += 1
                continue
            }
            let beforeBracket = character == "[" || character == "]"
            output += String(repeating: "\\", count: beforeBracket ? backslashes * 2 + 1 : backslashes)
            backslashes = 0
            output.append(character)
        }
        output += String(repeating: "\\", count: backslashes)
        return output
    }

    /// A path as a URI reference: every byte outside the unreserved characters and `/` percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.append(Character(Unicode.Scalar(byte)))
            default:
                output += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return output
    }

    /// `file:///absolute/path/`, the trailing slash marking a folder as SARIF requires of base URIs.
    static func fileURI(directory: String, trailingSlash: Bool = true) -> String {
        var uri = "file://" + percentEncoded(directory)
        if trailingSlash, !uri.hasSuffix("/") { uri += "/" }
        return uri
    }
}
