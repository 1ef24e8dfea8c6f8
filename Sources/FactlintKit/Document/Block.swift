/// A leaf block of a document: a heading, a paragraph, a table cell, code, a comment.
///
/// Its text is a list of segments, one per source line, with container prefixes
/// ("> ", list markers, indentation) already left out, so every byte maps to the file.
public struct Block: Sendable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case tableCell(row: Int, column: Int)
        case code
        case comment
        case frontMatter
        case thematicBreak
    }

    public var kind: Kind
    /// The block's lines (less their container markers), as a range of `Document.segments`.
    public var segments: Range<Int>
    /// From the start of the first segment to the end of the last; empty for a block without any.
    public var bytes: Range<Int>
    /// The innermost list item holding the block, if any; items of one list share `list`.
    public var listItem: Int?
    public var list: Int?
    public var quoteDepth: Int
    /// The section (by index in `Document.sections`) the block belongs to.
    public var section: Int = 0
    /// The block's tokens, as a range of `Document.tokens`.
    public var tokens: Range<Int> = 0..<0
    /// The block's sentences, as a range of `Document.sentences`.
    public var sentences: Range<Int> = 0..<0

    /// - Parameter segments: the block's segments, as a range of `all`.
    public init(kind: Kind, segments: Range<Int>, of all: [Range<Int>], listItem: Int? = nil, list: Int? = nil, quoteDepth: Int = 0) {
        self.kind = kind
        self.segments = segments
        self.bytes = segments.isEmpty ? 0..<0 : all[segments.lowerBound].lowerBound..<all[segments.upperBound - 1].upperBound
        self.listItem = listItem
        self.list = list
        self.quoteDepth = quoteDepth
    }

    /// Whether the block holds prose whose figures are read.
    public var isProse: Bool {
        switch kind {
        case .heading, .paragraph, .tableCell: return true
        case .code, .comment, .frontMatter, .thematicBreak: return false
        }
    }

}

/// A heading and the blocks under it, up to the next heading.
public struct Section: Sendable {
    public var title: String
    public var level: Int
    public var blocks: Range<Int>
}

/// A sentence: a run of a block's tokens, with the figures read in it.
public struct Sentence: Sendable {
    public var block: Int
    public var tokens: Range<Int>
    /// The sentence's figures, as a range of `Document.figures`.
    public var figures: Range<Int>
    public var bytes: Range<Int>
}
