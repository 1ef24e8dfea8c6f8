import FactlintFigures

/// A report's reference list: the entries under a "References" or "Notes" heading (or a list
/// whose items start with "^" back-links), each with its number and the dates it gives.
///
/// Entries are Markdown list items, numbered or not, or lines that start with "[2]", "2." or a
/// footnote label "[^2]:". An item of a numbered list takes the number written before it; any
/// other entry takes the number after the entry before it, so the third bullet is reference 3.
/// Back-links at the start of an entry — "^", "↑", "^ a b c", "1 2 3" — are read as labels and
/// are not part of its text.
public struct ReferenceList: Sendable {
    public private(set) var references: [Reference] = []
    /// For each block of the document, whether it is part of the reference list or its heading:
    /// what those say is not a claim.
    private var inList: [Bool] = []
    /// Each number's entry, by index in `references`; nil for a number two entries share.
    var byNumber: [Int: Int?] = [:]

    /// Headings that announce a reference list, lowercased.
    static let headings: Set<String> = [
        "references", "notes", "footnotes", "citations", "sources", "bibliography", "works cited",
        "notes and references", "references and notes", "sources and notes", "endnotes",
    ]

    /// Reads the reference list of a document.
    ///
    /// - Complexity: O(b) in the size of the blocks under a reference heading, plus one look at
    ///   the first token of every list item.
    public init(document: Document) {
        inList = ReferenceList.referenceBlocks(of: document)
        var reader = ReferenceEntryReader(document: document)
        for index in blocks {
            let block = document.blocks[index]
            guard case .paragraph = block.kind else { continue }
            if let item = block.listItem {
                reader.addListItem(block: index, item: item)
            } else {
                reader.addParagraph(block: index)
            }
        }
        references = reader.finish()
        for (index, reference) in references.enumerated() {
            byNumber[reference.number] = byNumber[reference.number] == nil ? index : .some(nil)
        }
    }

    public var isEmpty: Bool { references.isEmpty }

    /// The reference an inline marker "[number]" points to; nil when there is none, or when two
    /// lists ("Notes" and "References") both have an entry with that number.
    public func reference(numbered number: Int) -> Reference? {
        guard let index = byNumber[number], let index else { return nil }
        return references[index]
    }

    /// The blocks of the reference list and its heading, in order.
    public var blocks: [Int] { inList.indices.filter { inList[$0] } }

    /// Whether a block is part of the reference list.
    public func contains(block: Int) -> Bool { block >= 0 && block < inList.count && inList[block] }

    // MARK: - Finding the list

    /// The blocks under reference headings (down to the next heading as high), and the blocks of
    /// lists whose every item starts with a "^" or "↑" back-link: a flag for each block.
    static func referenceBlocks(of document: Document) -> [Bool] {
        var result = [Bool].filled(with: false, count: document.blocks.count)
        var open: Int?  // the level of the reference heading in force; 0 for a heading written as a paragraph
        for (index, block) in document.blocks.enumerated() {
            if case .heading(let level) = block.kind, block.quoteDepth == 0, block.listItem == nil {
                if let current = open, level > current, current > 0 {
                    result[index] = true
                    continue
                }
                open = block.bytes.count <= 40 && isReferenceHeading(document.source.bytes[block.bytes]) ? level : nil
                if open != nil { result[index] = true }
                continue
            }
            if open != nil {
                result[index] = true
            } else if case .paragraph = block.kind, block.listItem == nil, let line = document.segments(of: block).first,
                      line.count <= 40, isReferenceHeading(document.source.bytes[line]) {
                // A plain-text report names its list with a line of its own: "References:",
                // which may run straight into the entries.
                open = 0
                result[index] = true
            }
        }
        // Lists of "^ …" entries, wherever they stand: every item's first token is the mark.
        func opensWithBackLink(_ block: Block) -> Bool {
            guard let first = block.tokens.first else { return false }
            return ReferenceEntryReader.backLink.matches(document.source.bytes[document.tokens[first].bytes])
        }
        guard document.blocks.contains(where: { $0.listItem != nil && $0.isProse && opensWithBackLink($0) }) else { return result }
        // Lists and items are numbered from 0 in each document, so arrays index them.
        let lists = (document.blocks.lazy.compactMap(\.list).max() ?? -1) + 1
        let items = (document.blocks.lazy.compactMap(\.listItem).max() ?? -1) + 1
        var listHasBackLinks = [Bool].filled(with: true, count: lists)
        var listHasItems = [Bool].filled(with: false, count: lists)
        var openedItems = [Bool].filled(with: false, count: items)
        for block in document.blocks {
            guard let list = block.list, let item = block.listItem, block.isProse, !block.tokens.isEmpty, !openedItems[item] else { continue }
            openedItems[item] = true
            listHasItems[list] = true
            if listHasBackLinks[list], !opensWithBackLink(block) { listHasBackLinks[list] = false }
        }
        for (index, block) in document.blocks.enumerated() {
            if let list = block.list, listHasItems[list], listHasBackLinks[list] { result[index] = true }
        }
        return result
    }

    /// Marks around a heading's words: "## Notes:", "**Sources**".
    static func isClutter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: "*"), UInt8(ascii: "_"): return true
        default: return false
        }
    }

    /// The headings' bytes, compared with a heading's without making a string of it.
    static let headingBytes: [[UInt8]] = headings.map { Array($0.utf8) }

    /// Whether a heading's text names a reference list: "References", "Notes:", "## Sources ##".
    static func isReferenceHeading(_ text: ArraySlice<UInt8>) -> Bool {
        var trimmed = text
        while let first = trimmed.first, isClutter(first) { trimmed.removeFirst() }
        while let last = trimmed.last, isClutter(last) { trimmed.removeLast() }
        return headingBytes.contains { heading in
            heading.count == trimmed.count && zip(heading, trimmed).allSatisfy { $0 == ByteText.lowercased($1) }
        }
    }
}
