/// A problem with factlint's input rather than with a report's figures: a rule file that
/// does not parse, a path that does not exist, a file that cannot be read.
///
/// Printed as `path:line:col: error: message`, then the offending line with a caret.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible, Codable {
    public var path: String
    public var location: SourceLocation?
    public var message: String
    /// What to do about it.
    public var help: String?
    /// The offending line, for the caret snippet.
    public var sourceLine: String?

    public init(path: String, location: SourceLocation? = nil, message: String, help: String? = nil, sourceLine: String? = nil) {
        self.path = path
        self.location = location
        self.message = message
        self.help = help
        self.sourceLine = sourceLine
    }

    public var description: String { rendered() }

    /// The diagnostic as the command line prints it.
    public func rendered() -> String {
        var text = path
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": error: \(message)"
        if let location, let line = sourceLine {
            let gutter = String(location.line)
            let pad = String(repeating: " ", count: gutter.count)
            text += "\n\(pad) |\n\(gutter) | \(line)\n\(pad) | \(String(repeating: " ", count: max(0, location.column - 1)))^"
        }
        if let help { text += "\n  = help: \(help)" }
        return text
    }
}
