import FactlintFigures
import Foundation

/// The figures of a document as `factlint facts` prints them.
public struct FigureListing {
    public struct Entry: Codable, Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var text: String
        public var kind: String
        public var value: String
        public var lower: Double?
        public var upper: Double?
        public var interval: String
        public var qualifier: String
        public var grain: String?
        public var unit: String?
    }

    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    public init(document: Document) {
        entries = document.figures.map { figure in
            let location = document.source.location(of: figure.bytes.lowerBound)
            return Entry(
                line: location.line, column: location.column, text: FigureListing.oneLine(document.text(figure.bytes)),
                kind: figure.kind.rawValue, value: FigureListing.stated(figure), lower: figure.value.lower.isFinite ? figure.value.lower : nil,
                upper: figure.value.upper.isFinite ? figure.value.upper : nil, interval: FigureListing.interval(figure),
                qualifier: figure.qualifier.rawValue, grain: figure.grain?.rawValue, unit: figure.unit
            )
        }
    }

    /// The text with each run of whitespace (a line break in a wrapped paragraph) as one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }).joined(separator: " ")
    }

    static func stated(_ figure: Figure) -> String {
        if figure.kind == .date { return figure.valueDescription }
        return Interval.format(figure.stated)
    }

    static func interval(_ figure: Figure) -> String {
        if figure.kind == .date {
            let lower = FigureListing.day(figure.value.lower)
            let upper = FigureListing.day(figure.value.upper)
            return "[\(lower), \(upper))"
        }
        return figure.value.description
    }

    static func day(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
        return CalendarDate.describe(Interval(lower: value, upper: value + 1, upperIsClosed: false), grain: .day)
    }

    /// One line per figure: `line:col  text  kind  value  interval  qualifier  grain/unit`.
    public func text(path: String? = nil) -> String {
        var output = ""
        for entry in entries {
            var fields = ["\(path.map { "\($0):" } ?? "")\(entry.line):\(entry.column)", "\"\(entry.text)\"", entry.kind, entry.value, entry.interval, entry.qualifier]
            if let grain = entry.grain { fields.append("grain=\(grain)") }
            if let unit = entry.unit { fields.append("unit=\(unit)") }
            output += fields.joined(separator: "  ") + "\n"
        }
        return output
    }

    /// Several files' figures as one JSON document: `{"files": [{"path": …, "figures": […]}]}`,
    /// pretty-printed with sorted keys.
    public static func json(_ listings: [(String, FigureListing)]) -> String {
        jsonOpening + listings.map { jsonFile(path: $0.0, entries: $0.1.entries) }.joined(separator: jsonSeparator) + jsonClosing
    }

    /// The document of `json(_:)` in parts, for writing it a file at a time: the opening, each
    /// file's object (`jsonFile(path:entries:)`) with a separator between two, and the closing.
    public static let jsonOpening = "{\n  \"files\" : [\n"
    public static let jsonSeparator = ",\n"
    public static let jsonClosing = "\n  ]\n}"

    /// The encoder of both documents: pretty-printed, keys sorted, slashes as they are.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One file's object of `json(_:)`, indented as it stands in the document.
    public static func jsonFile(path: String, entries: [Entry]) -> String {
        struct File: Codable {
            var path: String
            var figures: [Entry]
        }
        let encoder = FigureListing.encoder()
        // Entries hold finite numbers only, so encoding does not fail; were it to, the file is listed without figures.
        guard let data = (try? encoder.encode(File(path: path, figures: entries))) ?? (try? encoder.encode(File(path: path, figures: []))) else { return "" }
        // Encoded alone, the object starts at the margin; in the document it stands four spaces in.
        // The blank line of an empty list stays blank, as the encoder writes it.
        let newline = UInt8(ascii: "\n")
        var indented: [UInt8] = []
        indented.reserveCapacity(data.count + data.count / 8)
        var atLineStart = true
        for byte in data {
            if atLineStart, byte != newline { indented.append(contentsOf: "    ".utf8) }
            indented.append(byte)
            atLineStart = byte == newline
        }
        return String(decoding: indented, as: UTF8.self)
    }

    public func json() -> String {
        guard let data = try? FigureListing.encoder().encode(["figures": entries]) else { return "{\"figures\": []}" }
        return String(decoding: data, as: UTF8.self)
    }
}
