/// The text of each report the HTML summary quotes, in the order the reports were read.
///
/// The page quotes every report whole, but only after the last report is read, when the findings
/// across reports are known. Holding every report until then made the page's memory grow with
/// the reports' text (175 MB for 100 MB of reports), so a report read from a file is read again
/// when its section is written. The hash of its bytes, taken when it was linted, tells whether the
/// file changed in between: the page never shows text its highlights were not found in. A report
/// read from standard input cannot be read again, and is held.
public struct ReportTexts: Sendable {
    struct Entry: Sendable {
        /// The report's path, as its findings give it.
        var path: String
        /// The report's size in bytes when it was linted.
        var byteCount: Int
        var text: Text
    }

    enum Text: Sendable {
        case held(SourceFile)
        case file(location: String, hash: ContentHash)
    }

    private(set) var entries: [Entry] = []

    public init() {}

    /// Texts held as they are, as a caller with every source at hand has them.
    public init(holding sources: [SourceFile]) {
        entries = sources.map { Entry(path: $0.path, byteCount: $0.bytes.count, text: .held($0)) }
    }

    /// Adds the next report.
    ///
    /// - Parameter file: where the report was read from, to read it again; nil for a report that
    ///   cannot be (standard input), which is held.
    /// - Complexity: O(the report's size), to hash it.
    public mutating func add(_ source: SourceFile, readFrom file: String?) {
        let text: Text = file.map { .file(location: $0, hash: ContentHash(source.bytes)) } ?? .held(source)
        entries.append(Entry(path: source.path, byteCount: source.bytes.count, text: text))
    }

    public var count: Int { entries.count }

    /// The report's path, as its findings give it.
    public func path(at index: Int) -> String { entries[index].path }

    /// The report's size in bytes when it was linted.
    public func byteCount(at index: Int) -> Int { entries[index].byteCount }

    /// The report's text as it was linted, or nil when its file has changed since or can no
    /// longer be read.
    public func source(at index: Int) -> SourceFile? {
        let entry = entries[index]
        switch entry.text {
        case .held(let source):
            return source
        case .file(let location, let hash):
            // A file that grew is too large for its old size, and so changed.
            guard case .bytes(let bytes) = ReportFile.read(location, limit: entry.byteCount),
                  bytes.count == entry.byteCount, ContentHash(bytes) == hash else { return nil }
            return SourceFile(path: entry.path, bytes: bytes)
        }
    }
}
