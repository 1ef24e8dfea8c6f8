/// Renders a run as GitHub Actions workflow commands, which GitHub shows as annotations on
/// the lines of a pull request:
/// `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::message`.
///
/// Errors are `::error`, warnings `::warning` and infos `::notice`. GitHub reads `%`, `\r` and
/// `\n` in the message, and also `:` and `,` in a property, as syntax, so they are percent-encoded.
public struct GitHubReporter: RunReporter {
    public init() {}

    public func render(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in diagnostics {
            var properties = [("file", diagnostic.path)]
            if let location = diagnostic.location {
                properties += [("line", String(location.line)), ("col", String(location.column))]
            }
            properties.append(("title", "factlint"))
            var message = diagnostic.message
            if let help = diagnostic.help { message += " (\(help))" }
            output += GitHubReporter.command("error", properties: properties, message: message) + "\n"
        }
        for finding in reports.flatMap(\.findings) {
            let span = finding.primary.span
            let properties = [
                ("file", span.path), ("line", String(span.start.line)), ("col", String(span.start.column)),
                ("endLine", String(span.end.line)), ("endColumn", String(span.end.column)), ("title", finding.ruleID),
            ]
            output += GitHubReporter.command(GitHubReporter.command(for: finding.severity), properties: properties, message: finding.message) + "\n"
        }
        return output
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// `::name key=value,…::message`, each part escaped for where it stands.
    static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapedProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(escapedData(message))"
    }

    /// The message of a command: `%`, `\r` and `\n` percent-encoded.
    static func escapedData(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A property value: as a message, and `:` and `,` too, which would end the value.
    static func escapedProperty(_ text: String) -> String {
        escapedData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
