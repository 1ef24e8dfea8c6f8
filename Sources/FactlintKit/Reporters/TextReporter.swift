import FactlintFigures

/// Renders findings as rustc renders diagnostics: the message, the location, the sentence
/// with carets under the figures, and a note for each related figure on another line.
public struct TextReporter: Sendable {
    public var useColor: Bool
    /// The widest source excerpt shown; longer lines are cut around the marked figures.
    public var maximumWidth: Int

    public init(useColor: Bool = false, maximumWidth: Int = 100) {
        self.useColor = useColor
        self.maximumWidth = maximumWidth
    }

    public func render(_ finding: Finding, source: SourceFile) -> String {
        render(finding) { path, line in
            path == source.path ? QuotedLine(source: source, line: line) : nil
        }
    }

    /// Renders a finding whose places may lie in several reports; `quoting` gives the line of a
    /// report to show, or nil to name the place without quoting it.
    public func render(_ finding: Finding, quoting: (_ path: String, _ line: Int) -> QuotedLine?) -> String {
        var output = color(severityColor(finding.severity), finding.severity.rawValue, bold: true)
        output += color(nil, ": \(finding.message.sanitizedForTerminal())", bold: true) + " [\(finding.ruleID)]\n"
        let primary = finding.primary.span
        let gutterWidth = String(max(primary.start.line, finding.related.map(\.span.start.line).max() ?? 0)).count
        let pad = String(repeating: " ", count: gutterWidth)
        output += "\(pad)\(color(blue, "-->")) \(primary.path):\(primary.start)\n"
        let sameLine = finding.related.filter { $0.span.path == primary.path && $0.span.start.line == primary.start.line }
        if let quoted = quoting(primary.path, primary.start.line) {
            output += excerpt(quoted, primary: finding.primary, secondary: sameLine, gutterWidth: gutterWidth)
        }
        // The related labels by place, gathered once: looking for each label's neighbours
        // among all the others made a finding with thousands of parts quadratic.
        struct Place: Hashable {
            var path: String
            var line: Int
        }
        var byPlace: [Place: [Label]] = [:]
        for label in finding.related { byPlace[Place(path: label.span.path, line: label.span.start.line), default: []].append(label) }
        var noted: Set<Place> = []
        for label in finding.related where label.span.path != primary.path || label.span.start.line != primary.start.line {
            let line = label.span.start.line
            let place = Place(path: label.span.path, line: line)
            guard noted.insert(place).inserted else { continue }
            let others = byPlace[place] ?? []
            var messages: [String] = []
            for other in others where !messages.contains(other.message) { messages.append(other.message) }
            output += "\(pad) \(color(blue, "="))" + " note: \(messages.joined(separator: ", ").sanitizedForTerminal()) at \(label.span.path):\(label.span.start)\n"
            if let quoted = quoting(label.span.path, line) {
                output += excerpt(quoted, primary: nil, secondary: others, gutterWidth: gutterWidth)
            }
        }
        if let evidence = finding.evidence, evidence.gap > 0 {
            output += "\(pad) \(color(blue, "=")) evidence: \(evidence.summary)\n"
        }
        return output
    }

    /// The source line with marks: `^^^` under the primary figure, `---` under the others, and their labels.
    func excerpt(_ quoted: QuotedLine, primary: Label?, secondary: [Label], gutterWidth: Int) -> String {
        let line = quoted.number
        let lineRange = quoted.start..<(quoted.start + quoted.text.utf8.count)
        let scalars = quoted.text.unicodeScalars
        let scalarCount = scalars.count
        var marks: [(start: Int, end: Int, primary: Bool, message: String)] = []
        for label in ([primary].compactMap { $0 } + secondary) {
            let start = label.span.start.column - 1
            let end = label.span.end.line == line ? label.span.end.column - 1 : scalarCount
            marks.append((start, max(end, start + 1), label == primary, label.message))
        }
        marks.sort { $0.start < $1.start }
        // Show the sentence that holds the marks where it fits, else a window of the line around them.
        let first = marks.first?.start ?? 0
        let last = marks.map(\.end).max() ?? scalarCount
        var windowStart = 0
        var windowEnd = scalarCount
        let sentence = ([primary].compactMap { $0 } + secondary).compactMap(\.sentence).first
        if scalarCount > maximumWidth, let sentence {
            let sentenceStart = sentence.lowerBound <= lineRange.lowerBound ? 0 : quoted.column(of: sentence.lowerBound) - 1
            let sentenceEnd = sentence.upperBound >= lineRange.upperBound ? scalarCount : quoted.column(of: sentence.upperBound) - 1
            if sentenceStart <= first, sentenceEnd >= last {
                windowStart = sentenceStart
                windowEnd = sentenceEnd
            }
        }
        if windowEnd - windowStart > maximumWidth {
            windowStart = max(windowStart, min(first - 10, last - maximumWidth + 10))
            windowEnd = min(windowEnd, max(windowStart + maximumWidth, last + 10))
        }
        let prefix = windowStart > 0 ? "…" : ""
        let suffix = windowEnd < scalarCount ? "…" : ""
        let from = scalars.index(scalars.startIndex, offsetBy: windowStart)
        let to = scalars.index(from, offsetBy: windowEnd - windowStart)
        let shown = prefix + String(scalars[from..<to]).sanitizedForTerminal() + suffix
        let shift = prefix.isEmpty ? 0 : 1
        let gutter = String(line).padding(toWidth: gutterWidth)
        let pad = String(repeating: " ", count: gutterWidth)
        var output = "\(pad) \(color(blue, "|"))\n"
        output += "\(color(blue, gutter)) \(color(blue, "|")) \(shown)\n"
        var underline = ""
        var column = 0
        for mark in marks {
            let start = mark.start - windowStart + shift
            guard start >= column else { continue }
            underline += String(repeating: " ", count: start - column)
            let width = min(mark.end, windowEnd) - mark.start
            let glyph = mark.primary ? "^" : "-"
            underline += color(mark.primary ? red : blue, String(repeating: glyph, count: max(1, width)))
            column = start + max(1, width)
        }
        var labels: [String] = []
        for mark in marks where !labels.contains(mark.message) { labels.append(mark.message) }
        output += "\(pad) \(color(blue, "|")) \(underline) \(labels.joined(separator: ", "))\n"
        return output
    }

    // MARK: - Colour

    let red = "31"
    let yellow = "33"
    let blue = "34"
    let cyan = "36"

    func severityColor(_ severity: Severity) -> String {
        switch severity {
        case .error: return red
        case .warning: return yellow
        case .info: return cyan
        }
    }

    func color(_ code: String?, _ text: String, bold: Bool = false) -> String {
        guard useColor else { return text }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let code { codes.append(code) }
        guard !codes.isEmpty else { return text }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}

extension String {
    func padding(toWidth width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    /// Tabs become single spaces so carets line up with the columns factlint reports, and other
    /// control characters become "�" so report text cannot drive the terminal.
    public func sanitizedForTerminal() -> String {
        // Most text has nothing to replace: it is returned as it is, uncopied.
        guard let first = firstUnsafeForTerminal() else { return self }
        let start = utf8.index(utf8.startIndex, offsetBy: first)
        var output = Array(utf8[..<start])
        output.reserveCapacity(utf8.count + 8)
        for scalar in self[start...].unicodeScalars {
            if scalar == "\t" {
                output.append(UInt8(ascii: " "))
            } else if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                output.append(contentsOf: "\u{FFFD}".utf8)
            } else {
                output.append(contentsOf: scalar.utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The byte offset of the first tab or other control character, C1 controls (U+0080 to
    /// U+009F, encoded 0xC2 0x80 to 0xC2 0x9F) included, or nil when there is none.
    private func firstUnsafeForTerminal() -> Int? {
        var previous: UInt8 = 0
        for (offset, byte) in utf8.enumerated() {
            if byte < 0x20 || byte == 0x7F { return offset }
            if previous == 0xC2, (0x80..<0xA0).contains(byte) { return offset - 1 }
            previous = byte
        }
        return nil
    }
}

/// Renders findings one per line: `path:line:col: severity: message [rule]`.
public struct LineReporter: Sendable {
    public init() {}

    public func render(_ finding: Finding) -> String {
        "\(finding.primary.span.path):\(finding.primary.span.start): \(finding.severity.rawValue): \(finding.message.sanitizedForTerminal()) [\(finding.ruleID)]"
    }
}
