/// The text of each report the HTML summary quotes, in the order the reports were read.
///
/// The page quotes every report whole, but only after the last report is read, when the findings
/// across reports are known. Holding every report until then made the page's memory grow with
/// the reports' text (175 MB for 100 MB of reports), so a report read from a file is read again
/// when its section is written. The hash of its bytes, taken when it was linted, tells whether the
/// file changed in between: the page never shows text its highlights were not found in. A report
/// read from standard input cannot be read again, and is held.
public struct ReportTexts: Sendable {
    enum Entry: Sendable {
        case held(SourceFile)
        case file(path: String, location: String, byteCount: Int, hash: ContentHash)
    }

    private(set) var entries: [Entry] = []

    public init() {}

    /// Texts held as they are, as a caller with every source at hand has them.
    public init(holding sources: [SourceFile]) {
        entries = sources.map(Entry.held)
    }

    /// Adds the next report.
    ///
    /// - Parameter file: where the report was read from, to read it again; nil for a report that
    ///   cannot be (standard input), which is held.
    /// - Complexity: O(the report's size), to hash it.
    public mutating func add(_ source: SourceFile, readFrom file: String?) {
        guard let file else {
            entries.append(.held(source))
            return
        }
        entries.append(.file(path: source.path, location: file, byteCount: source.bytes.count, hash: ContentHash(source.bytes)))
    }

    public var count: Int { entries.count }

    /// The report's path, as its findings give it.
    public func path(at index: Int) -> String {
        switch entries[index] {
        case .held(let source): return source.path
        case .file(let path, _, _, _): return path
        }
    }

    /// The report's size in bytes when it was linted.
    public func byteCount(at index: Int) -> Int {
        switch entries[index] {
        case .held(let source): return source.bytes.count
        case .file(_, _, let byteCount, _): return byteCount
        }
    }

    /// The report's text as it was linted, or nil when its file has changed since or can no
    /// longer be read.
    public func source(at index: Int) -> SourceFile? {
        switch entries[index] {
        case .held(let source):
            return source
        case .file(let path, let location, let byteCount, let hash):
            // A file that grew is too large for its old size, and so changed.
            guard case .bytes(let bytes) = ReportFile.read(location, limit: byteCount),
                  bytes.count == byteCount, ContentHash(bytes) == hash else { return nil }
            return SourceFile(path: path, bytes: bytes)
        }
    }
}
