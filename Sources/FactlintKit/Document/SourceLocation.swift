/// A line and column, both from 1; the column counts Unicode scalars.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (left: SourceLocation, right: SourceLocation) -> Bool {
        (left.line, left.column) < (right.line, right.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A range of bytes in a file, with the line and column of both ends.
public struct SourceSpan: Hashable, Sendable, Codable {
    public var path: String
    public var bytes: Range<Int>
    public var start: SourceLocation
    /// The position just after the last byte.
    public var end: SourceLocation

    public init(path: String, bytes: Range<Int>, start: SourceLocation, end: SourceLocation) {
        self.path = path
        self.bytes = bytes
        self.start = start
        self.end = end
    }

    public var description: String { "\(path):\(start)" }
}
