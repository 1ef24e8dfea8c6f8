import FactlintFigures
import Yams

/// A report read into blocks, sections, sentences and figures, every one located in the file.
public struct Document: Sendable {
    public enum Format: String, Sendable {
        case markdown
        case plainText

        /// The format a path's extension implies: Markdown unless it is `.txt`.
        public init(path: String) {
            self = path.lowercased().hasSuffix(".txt") ? .plainText : .markdown
        }
    }

    /// Everything read from the file, behind one reference: copying a document (into each
    /// check's context, into each template search) costs one retain, not one per array.
    private final class Storage: Sendable {
        let read: Reader
        let format: Format

        init(_ read: Reader, format: Format) {
            self.read = read
            self.format = format
        }
    }

    private let storage: Storage

    public var source: SourceFile { storage.read.source }
    public var format: Format { storage.format }
    public var blocks: [Block] { storage.read.blocks }
    /// The lines of every block, one block after another; see `segments(of:)`.
    public var segments: [Range<Int>] { storage.read.segments }
    public var sections: [Section] { storage.read.sections }
    public var tokens: [Token] { storage.read.tokens }
    /// For each token, the hash the tokenizer read of it (`Tokenizer.tokenize(_:segments:into:hashes:)`):
    /// a word of ASCII letters and digits has its `wordHash`, any other token 0.
    var tokenHashes: [UInt64] { storage.read.tokenHashes }
    public var sentences: [Sentence] { storage.read.sentences }
    public var figures: [Figure] { storage.read.figures }
    /// Scalar values from the YAML front matter, such as `title` and `date`.
    public var metadata: [String: String] { storage.read.metadata }
    /// The byte offset of the first list item or quote nested deeper than
    /// `Limits.maximumMarkdownNesting`, read as a plain paragraph; nil when there is none.
    public var firstTooDeepOffset: Int? { storage.read.firstTooDeepOffset }
    /// Why the YAML front matter could not be read, if it could not; its fields are then not in `metadata`.
    public var frontMatterProblem: FrontMatterProblem? { storage.read.frontMatterProblem }

    /// Front matter that is not valid YAML, or past the YAML caps (`Limits`).
    public struct FrontMatterProblem: Sendable, Equatable {
        /// Where in the file the problem is.
        public var offset: Int
        public var message: String
    }

    /// Reads a document: blocks, then tokens, sentences and figures.
    ///
    /// - Complexity: O(n) in the size of the file.
    public init(source: SourceFile, format: Format? = nil, recognizer: FigureRecognizer = FigureRecognizer(), limits: Limits = .standard) {
        self.init(source: source, lines: nil, format: format, recognizer: recognizer, limits: limits)
    }

    /// Reads a report part by part (see `ReportParts`): each part is handed to `body` and released
    /// before the next is read. A report within `limits.reportPartBytes` is one part. Later parts
    /// take the first part's front-matter metadata.
    public static func forEachPart(of source: SourceFile, recognizer: FigureRecognizer = FigureRecognizer(), limits: Limits = .standard,
                                   _ body: (Document) -> Void) {
        var metadata: [String: String]?
        for part in ReportParts.split(source, partBytes: limits.reportPartBytes) {
            let document = Document(source: source, lines: part, metadata: metadata, recognizer: recognizer, limits: limits)
            if metadata == nil { metadata = document.metadata }
            body(document)
        }
    }

    /// Reads some of a file's lines as a document of their own (a part of a report too large to
    /// read whole); positions stay those of the file. Front matter is read only from line 1;
    /// a later part takes the metadata given.
    ///
    /// - Parameter lines: the lines to read, numbered from 1; nil for the whole file.
    init(source: SourceFile, lines: ClosedRange<Int>?, metadata: [String: String]? = nil, format: Format? = nil,
         recognizer: FigureRecognizer = FigureRecognizer(), limits: Limits = .standard) {
        let format = format ?? Format(path: source.path)
        var reader = Reader(source: source, lines: lines, format: format, recognizer: recognizer, limits: limits)
        if let metadata, reader.metadata.isEmpty { reader.metadata = metadata }
        storage = Storage(reader, format: format)
    }

    public var path: String { source.path }

    /// A block's segments: its lines, less the markers of the lists and quotes holding it.
    public func segments(of block: Block) -> ArraySlice<Range<Int>> { storage.read.segments[block.segments] }

    /// The text of a byte range.
    public func text(_ range: Range<Int>) -> String { source.text(range) }

    /// The text of a sentence, with line breaks inside it turned into spaces.
    public func text(of sentence: Sentence) -> String {
        var text = ""
        var previousEnd: Int?
        for index in sentence.tokens {
            let token = tokens[index]
            if let end = previousEnd, token.spaceBefore || token.start > end { text += " " }
            text += source.text(token.bytes)
            previousEnd = token.end
        }
        return text
    }

    public func span(of figure: Figure) -> SourceSpan { source.span(figure.bytes) }

    /// The sentence holding a byte offset, if any.
    ///
    /// - Complexity: O(log n) in the number of sentences.
    public func sentence(containing offset: Int) -> Sentence? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let bytes = sentences[middle].bytes
            if offset < bytes.lowerBound {
                high = middle - 1
            } else if offset >= bytes.upperBound {
                low = middle + 1
            } else {
                return sentences[middle]
            }
        }
        return nil
    }

    // MARK: - Building

    /// A plain-text report's paragraphs: runs of lines between blank lines.
    static func plainTextBlocks(_ source: SourceFile, lines: ClosedRange<Int>? = nil) -> (blocks: [Block], segments: [Range<Int>]) {
        var blocks: [Block] = []
        var segments: [Range<Int>] = []
        var first = 0
        for line in lines ?? 1...source.lineCount {
            let range = source.lineRange(line)
            let isBlank = source.bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if isBlank {
                if first < segments.count { blocks.append(Block(kind: .paragraph, segments: first..<segments.count, of: segments)) }
                first = segments.count
            } else {
                segments.append(range)
            }
        }
        if first < segments.count { blocks.append(Block(kind: .paragraph, segments: first..<segments.count, of: segments)) }
        return (blocks, segments)
    }
}

/// Reads a document in steps: blocks, metadata, sections, then tokens, sentences and figures.
private struct Reader {
    let source: SourceFile
    var blocks: [Block]
    let segments: [Range<Int>]
    var sections: [Section] = []
    var tokens: [Token] = []
    var tokenHashes: [UInt64] = []
    var sentences: [Sentence] = []
    var figures: [Figure] = []
    var metadata: [String: String] = [:]
    var firstTooDeepOffset: Int?
    var frontMatterProblem: Document.FrontMatterProblem?

    init(source: SourceFile, lines: ClosedRange<Int>?, format: Document.Format, recognizer: FigureRecognizer, limits: Limits) {
        self.source = source
        switch format {
        case .markdown:
            (blocks, segments, firstTooDeepOffset) = MarkdownParser.parse(source, maximumDepth: limits.maximumMarkdownNesting, lines: lines)
        case .plainText:
            (blocks, segments) = Document.plainTextBlocks(source, lines: lines)
        }
        readMetadata(limits: limits)
        buildSections()
        // The bytes read: the part's lines, or the whole file.
        let size = lines.map { max(0, source.lineRange($0.upperBound).upperBound - source.lineRange($0.lowerBound).lowerBound) } ?? source.bytes.count
        readSentences(recognizer: recognizer, markdown: format == .markdown, size: size)
    }

    mutating func readMetadata(limits: Limits) {
        guard let block = blocks.first, block.kind == .frontMatter, !block.segments.isEmpty else { return }
        let yaml = source.text(block.bytes)
        let firstLine = source.location(of: block.bytes.lowerBound).line
        /// The offset of a position in the YAML (lines and columns from 1), within the file.
        func offset(line: Int, column: Int) -> Int {
            let start = source.lineStarts[min(source.lineCount, firstLine + max(line, 1) - 1) - 1]
            return min(start + max(column, 1) - 1, source.lineRange(firstLine + max(line, 1) - 1).upperBound)
        }
        let node: Node?
        do {
            node = try YAMLText.compose(yaml)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                frontMatterProblem = Document.FrontMatterProblem(offset: offset(line: mark.line, column: mark.column), message: "the front matter is not valid YAML: \(problem)")
            default:
                frontMatterProblem = Document.FrontMatterProblem(offset: block.bytes.lowerBound, message: "the front matter is not valid YAML: \(error)")
            }
            return
        } catch {
            frontMatterProblem = Document.FrontMatterProblem(offset: block.bytes.lowerBound, message: "the front matter is not valid YAML: \(error)")
            return
        }
        guard let node, let mapping = node.mapping else { return }
        // Only the top-level scalars are read, but a hostile front matter is not walked at all.
        if let excess = YAMLSize.excess(of: node, limits: limits, writtenBytes: yaml.utf8.count) {
            let at = excess.node.mark.map { offset(line: $0.line, column: $0.column) } ?? block.bytes.lowerBound
            frontMatterProblem = Document.FrontMatterProblem(offset: at, message: "the front matter is past factlint's YAML caps: \(excess.message)")
            return
        }
        for (key, value) in mapping {
            if let key = key.string, let scalar = value.scalar { metadata[key] = scalar.string }
        }
    }

    mutating func buildSections() {
        var sections = [Section(title: "", level: 0, blocks: 0..<0)]
        for index in blocks.indices {
            if case .heading(let level) = blocks[index].kind, blocks[index].quoteDepth == 0, blocks[index].listItem == nil {
                sections[sections.count - 1].blocks = sections[sections.count - 1].blocks.lowerBound..<index
                let title = source.text(blocks[index].bytes)
                sections.append(Section(title: title, level: level, blocks: index..<index))
            }
            blocks[index].section = sections.count - 1
        }
        sections[sections.count - 1].blocks = sections[sections.count - 1].blocks.lowerBound..<blocks.count
        self.sections = sections
    }

    /// - Parameter size: how many bytes of the file are read, to size the arrays.
    mutating func readSentences(recognizer: FigureRecognizer, markdown: Bool, size: Int) {
        let tokenizer = Tokenizer(markdownInline: markdown)
        // Room for what a report usually holds (a token per 5 bytes, a figure per 64, a sentence
        // per 96), so the arrays seldom grow; an unusual one grows as arrays do.
        tokens.reserveCapacity(size / 5)
        tokenHashes.reserveCapacity(size / 5)
        figures.reserveCapacity(size / 64)
        sentences.reserveCapacity(size / 96)
        for index in blocks.indices where blocks[index].isProse {
            let first = tokens.count
            tokenizer.tokenize(source.bytes, segments: segments[blocks[index].segments], into: &tokens, hashes: &tokenHashes)
            blocks[index].tokens = first..<tokens.count
        }
        let splitter = SentenceSplitter(bytes: source.bytes, tokens: tokens)
        // One buffer for every block's sentence ranges.
        var ranges: [Range<Int>] = []
        for index in blocks.indices where blocks[index].isProse {
            let firstSentence = sentences.count
            ranges.removeAll(keepingCapacity: true)
            switch blocks[index].kind {
            case .tableCell, .heading:
                if !blocks[index].tokens.isEmpty { ranges.append(blocks[index].tokens) }
            default:
                splitter.appendSentences(in: blocks[index].tokens, to: &ranges)
            }
            for range in ranges {
                let firstFigure = figures.count
                recognizer.appendFigures(in: tokens, range: range, bytes: source.bytes, to: &figures)
                let bytes = tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end
                sentences.append(Sentence(block: index, tokens: range, figures: firstFigure..<figures.count, bytes: bytes))
            }
            blocks[index].sentences = firstSentence..<sentences.count
        }
    }
}
