import FactlintFigures

/// Splits Markdown into leaf blocks with exact byte ranges.
///
/// Covers what reports use: YAML front matter, ATX and setext headings, paragraphs,
/// ordered and bullet lists (nested), block quotes (nested), GFM tables, fenced and
/// indented code, HTML comments and thematic breaks. Inline syntax is left to the tokenizer.
///
/// - Complexity: O(n + d × lines) for a file of n bytes whose containers nest d deep (at most
///   `Limits.maximumMarkdownNesting`): each line's leading blanks are scanned once, and each
///   level of nesting looks at a line's first few columns only.
struct MarkdownParser {
    /// A line of the file, with the prefixes of its containers already stripped from `start`.
    struct Line {
        var start: Int
        var end: Int
        /// The first byte at or after `start` that is not a space or a tab, or `end`: known once
        /// per line, so a line nested deep is not rescanned at every level.
        var content: Int
    }

    struct Context {
        var listItem: Int?
        var list: Int?
        var quoteDepth: Int
    }

    let bytes: [UInt8]
    private(set) var blocks: [Block] = []
    /// Every block's segments, one block after another; a block holds a range of them.
    private(set) var segments: [Range<Int>] = []
    private var nextList = 0
    private var nextItem = 0
    /// Lists and quotes nested deeper than this are read as plain paragraphs, so hostile input
    /// cannot exhaust the stack or make every line be copied at thousands of levels.
    let maximumDepth: Int
    /// The first byte of the first line that nests deeper than `maximumDepth`, if any.
    private(set) var firstTooDeep: Int?

    init(bytes: [UInt8], maximumDepth: Int = Limits.standard.maximumMarkdownNesting) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    static func parse(_ source: SourceFile) -> (blocks: [Block], segments: [Range<Int>]) {
        let parsed = parse(source, maximumDepth: Limits.standard.maximumMarkdownNesting)
        return (parsed.blocks, parsed.segments)
    }

    /// The blocks of a file and their segments, and where its nesting first went past `maximumDepth`.
    ///
    /// - Parameter lines: the lines to read (numbered from 1), when not the whole file; front
    ///   matter is looked for only when they start at line 1.
    static func parse(_ source: SourceFile, maximumDepth: Int, lines numbers: ClosedRange<Int>? = nil) -> (blocks: [Block], segments: [Range<Int>], firstTooDeep: Int?) {
        var parser = MarkdownParser(bytes: source.bytes, maximumDepth: maximumDepth)
        let numbers = numbers ?? 1...source.lineCount
        var lines = numbers.map { number -> Line in
            let range = source.lineRange(number)
            return Line(start: range.lowerBound, end: range.upperBound, content: parser.firstNonBlank(from: range.lowerBound, to: range.upperBound))
        }
        // Room for a block per two lines and a segment per line, so the arrays seldom grow.
        parser.blocks.reserveCapacity(lines.count / 2 + 1)
        parser.segments.reserveCapacity(lines.count)
        let topLevel = Context(listItem: nil, list: nil, quoteDepth: 0)
        if numbers.lowerBound == 1, let (frontMatter, rest) = parser.frontMatter(lines) {
            parser.append(.frontMatter, frontMatter, topLevel)
            lines = rest
        }
        parser.parseBlocks(lines[...], context: topLevel, depth: 0)
        return (parser.blocks, parser.segments, parser.firstTooDeep)
    }

    // MARK: - Line helpers

    func firstNonBlank(from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// The part of `line` from `start` on; `start` must not be before `line.start`.
    func line(_ line: Line, from start: Int) -> Line {
        let content = start <= line.content ? line.content : firstNonBlank(from: start, to: line.end)
        return Line(start: start, end: line.end, content: content)
    }

    /// The bytes `start..<end` as a line of their own.
    func span(_ start: Int, _ end: Int) -> Line {
        Line(start: start, end: end, content: firstNonBlank(from: start, to: end))
    }

    func isBlank(_ line: Line) -> Bool {
        line.content >= line.end
    }

    /// Leading spaces, with a tab counting as four, counted up to `limit` columns (enough to
    /// compare with any threshold up to it), and the offset of the first other byte.
    ///
    /// - Complexity: O(min(limit, indentation)).
    func indentation(_ line: Line, upTo limit: Int = 4) -> (columns: Int, offset: Int) {
        var columns = 0
        var index = line.start
        while index < line.content, columns < limit {
            if bytes[index] == 0x20 {
                columns += 1
            } else {
                columns += 4 - columns % 4
            }
            index += 1
        }
        return (columns, line.content)
    }

    /// The line with up to `columns` columns of indentation removed.
    func dropIndent(_ line: Line, _ columns: Int) -> Line {
        var removed = 0
        var index = line.start
        while index < line.end, removed < columns {
            if bytes[index] == 0x20 {
                removed += 1
            } else if bytes[index] == 0x09 {
                removed += 4 - removed % 4
            } else {
                break
            }
            index += 1
        }
        return self.line(line, from: index)
    }

    func trimmed(_ line: Line) -> Range<Int> {
        var start = max(line.start, line.content)
        var end = line.end
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }

    /// Whether the line (after up to three spaces) is a run of `mark`, e.g. "---" or "===", at least `minimum` long.
    func isRule(_ line: Line, of mark: UInt8, minimum: Int, spacesAllowed: Bool) -> Bool {
        let range = trimmed(line)
        var count = 0
        for byte in bytes[range] {
            if byte == mark {
                count += 1
            } else if !(spacesAllowed && (byte == 0x20 || byte == 0x09)) {
                return false
            }
        }
        return count >= minimum
    }

    // MARK: - Front matter

    /// The lines of the front matter, and the lines after it.
    func frontMatter(_ lines: [Line]) -> ([Range<Int>], [Line])? {
        guard let first = lines.first, bytes[trimmed(first)].elementsEqual("---".utf8) else { return nil }
        for index in lines.indices.dropFirst() {
            let text = bytes[trimmed(lines[index])]
            if text.elementsEqual("---".utf8) || text.elementsEqual("...".utf8) {
                return (lines[1..<index].map { $0.start..<$0.end }, Array(lines[(index + 1)...]))
            }
        }
        return nil
    }

    // MARK: - Blocks

    mutating func parseBlocks(_ lines: ArraySlice<Line>, context: Context, depth: Int) {
        var index = lines.startIndex
        var previousBlank = true
        while index < lines.endIndex {
            let line = lines[index]
            if isBlank(line) {
                previousBlank = true
                index += 1
                continue
            }
            let (indent, contentStart) = indentation(line)
            if indent >= 4, previousBlank {
                index = indentedCode(lines, from: index, context: context)
                continue
            }
            previousBlank = false
            let content = self.line(line, from: contentStart)
            if let end = fencedCode(lines, from: index, content: content, context: context) {
                index = end
            } else if startsComment(content) {
                index = comment(lines, from: index, context: context)
            } else if let level = atxLevel(content) {
                append(.heading(level: level), segment: atxText(content, level: level), context)
                index += 1
            } else if isThematicBreak(content) {
                append(.thematicBreak, segment: content.start..<content.end, context)
                index += 1
            } else if depth < maximumDepth, quoteMarker(content) != nil {
                index = blockQuote(lines, from: index, context: context, depth: depth)
            } else if depth < maximumDepth, listMarker(content) != nil {
                index = list(lines, from: index, context: context, depth: depth)
            } else if let end = table(lines, from: index, context: context) {
                index = end
            } else if depth >= maximumDepth, quoteMarker(content) != nil || listMarker(content) != nil {
                // Too deep: the line's remaining markers are dropped and its text read as a
                // paragraph of its own, so a thousand "> " are not a thousand tokens.
                if firstTooDeep == nil { firstTooDeep = content.start }
                append(.paragraph, segment: trimmed(withoutContainerMarkers(content)), context)
                index += 1
            } else {
                index = paragraph(lines, from: index, context: context)
            }
        }
    }

    /// The line after every quote and list marker at its start.
    ///
    /// - Complexity: O(length of the markers).
    func withoutContainerMarkers(_ line: Line) -> Line {
        var rest = line
        while true {
            let content = self.line(rest, from: rest.content)
            guard let next = quoteMarker(content) ?? listMarker(content)?.contentStart, next > content.start else { return content }
            rest = self.line(content, from: next)
        }
    }

    mutating func append(_ kind: Block.Kind, _ blockSegments: [Range<Int>], _ context: Context) {
        let first = segments.count
        segments += blockSegments
        appendBlock(kind, segmentsFrom: first, context)
    }

    mutating func append(_ kind: Block.Kind, segment: Range<Int>, _ context: Context) {
        segments.append(segment)
        appendBlock(kind, segmentsFrom: segments.count - 1, context)
    }

    /// Adds a block made of the segments from `first` to the last one added.
    mutating func appendBlock(_ kind: Block.Kind, segmentsFrom first: Int, _ context: Context) {
        blocks.append(Block(kind: kind, segments: first..<segments.count, of: segments, listItem: context.listItem, list: context.list, quoteDepth: context.quoteDepth))
    }

    /// Whether a line would interrupt a paragraph: a heading, fence, quote, bullet, break or comment.
    func interruptsParagraph(_ line: Line) -> Bool {
        let (indent, start) = indentation(line)
        guard indent < 4 else { return false }
        let content = self.line(line, from: start)
        if atxLevel(content) != nil || isThematicBreak(content) || quoteMarker(content) != nil || startsComment(content) { return true }
        if fenceMarker(content) != nil { return true }
        if let marker = listMarker(content) {
            // An ordered item interrupts a paragraph only when it starts at 1, as in CommonMark.
            return !marker.ordered || marker.number == 1
        }
        return false
    }

    mutating func paragraph(_ lines: ArraySlice<Line>, from start: Int, context: Context) -> Int {
        let first = segments.count
        segments.append(trimmed(lines[start]))
        var index = start + 1
        while index < lines.endIndex {
            let line = lines[index]
            if isBlank(line) { break }
            let (indent, contentStart) = indentation(line)
            // A setext underline turns the paragraph into a heading; check it before "---" can read as a break.
            if indent < 4 {
                let content = self.line(line, from: contentStart)
                if isRule(content, of: UInt8(ascii: "="), minimum: 1, spacesAllowed: false) {
                    appendBlock(.heading(level: 1), segmentsFrom: first, context)
                    return index + 1
                }
                if isRule(content, of: UInt8(ascii: "-"), minimum: 1, spacesAllowed: false) {
                    appendBlock(.heading(level: 2), segmentsFrom: first, context)
                    return index + 1
                }
            }
            if interruptsParagraph(line) { break }
            segments.append(trimmed(line))
            index += 1
        }
        appendBlock(.paragraph, segmentsFrom: first, context)
        return index
    }

    // MARK: Headings and breaks

    func atxLevel(_ line: Line) -> Int? {
        var index = line.start
        var level = 0
        while index < line.end, bytes[index] == UInt8(ascii: "#") {
            level += 1
            index += 1
        }
        guard (1...6).contains(level) else { return nil }
        guard index == line.end || bytes[index] == 0x20 || bytes[index] == 0x09 else { return nil }
        return level
    }

    func atxText(_ line: Line, level: Int) -> Range<Int> {
        var range = trimmed(span(line.start + level, line.end))
        // A closing run of "#" preceded by a space is not part of the heading.
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == UInt8(ascii: "#") { end -= 1 }
        if end < range.upperBound, end == range.lowerBound || bytes[end - 1] == 0x20 {
            range = trimmed(span(range.lowerBound, end))
        }
        return range
    }

    func isThematicBreak(_ line: Line) -> Bool {
        // A rule is made of one mark, so only the mark its first byte is can make it one.
        let range = trimmed(line)
        guard let first = range.first.map({ bytes[$0] }),
              first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else { return false }
        return isRule(line, of: first, minimum: 3, spacesAllowed: true)
    }

    // MARK: Code and comments

    func fenceMarker(_ line: Line) -> (mark: UInt8, length: Int)? {
        guard line.start < line.end else { return nil }
        let mark = bytes[line.start]
        guard mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") else { return nil }
        var length = 0
        var index = line.start
        while index < line.end, bytes[index] == mark {
            length += 1
            index += 1
        }
        guard length >= 3 else { return nil }
        if mark == UInt8(ascii: "`"), bytes[index..<line.end].contains(UInt8(ascii: "`")) { return nil }
        return (mark, length)
    }

    mutating func fencedCode(_ lines: ArraySlice<Line>, from start: Int, content: Line, context: Context) -> Int? {
        guard let fence = fenceMarker(content) else { return nil }
        var index = start + 1
        while index < lines.endIndex {
            let (_, offset) = indentation(lines[index])
            let inner = self.line(lines[index], from: offset)
            if let closing = fenceMarker(inner), closing.mark == fence.mark, closing.length >= fence.length,
               trimmed(span(offset + closing.length, inner.end)).isEmpty {
                append(.code, lines[start...index].map { $0.start..<$0.end }, context)
                return index + 1
            }
            index += 1
        }
        append(.code, lines[start..<index].map { $0.start..<$0.end }, context)
        return index
    }

    mutating func indentedCode(_ lines: ArraySlice<Line>, from start: Int, context: Context) -> Int {
        var index = start
        var last = start
        while index < lines.endIndex {
            if isBlank(lines[index]) {
                index += 1
                continue
            }
            guard indentation(lines[index]).columns >= 4 else { break }
            last = index
            index += 1
        }
        append(.code, lines[start...last].map { $0.start..<$0.end }, context)
        return last + 1
    }

    func startsComment(_ line: Line) -> Bool {
        line.end - line.start >= 4 && bytes[line.start] == UInt8(ascii: "<") && bytes[line.start + 1] == UInt8(ascii: "!")
            && bytes[line.start + 2] == UInt8(ascii: "-") && bytes[line.start + 3] == UInt8(ascii: "-")
    }

    mutating func comment(_ lines: ArraySlice<Line>, from start: Int, context: Context) -> Int {
        var index = start
        while index < lines.endIndex {
            let line = lines[index]
            let searchStart = index == start ? line.start + 4 : line.start
            if containsCommentEnd(searchStart..<line.end) {
                append(.comment, lines[start...index].map { trimmed($0) }, context)
                return index + 1
            }
            index += 1
        }
        append(.comment, lines[start..<index].map { trimmed($0) }, context)
        return index
    }

    func containsCommentEnd(_ range: Range<Int>) -> Bool {
        guard range.count >= 3 else { return false }
        var index = range.lowerBound
        while index + 2 < range.upperBound {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">") { return true }
            index += 1
        }
        return false
    }

    // MARK: Block quotes

    /// The offset after "> " if the line starts a quote.
    func quoteMarker(_ line: Line) -> Int? {
        guard line.start < line.end, bytes[line.start] == UInt8(ascii: ">") else { return nil }
        var offset = line.start + 1
        if offset < line.end, bytes[offset] == 0x20 { offset += 1 }
        return offset
    }

    mutating func blockQuote(_ lines: ArraySlice<Line>, from start: Int, context: Context, depth: Int) -> Int {
        var inner: [Line] = []
        var index = start
        while index < lines.endIndex {
            let line = lines[index]
            let (indent, offset) = indentation(line)
            if indent < 4, let contentStart = quoteMarker(self.line(line, from: offset)) {
                inner.append(self.line(line, from: contentStart))
            } else if !isBlank(line), let last = inner.last, !isBlank(last), !interruptsParagraph(line) {
                inner.append(line)  // a lazy continuation of the quoted paragraph
            } else {
                break
            }
            index += 1
        }
        var quoted = context
        quoted.quoteDepth += 1
        parseBlocks(inner[...], context: quoted, depth: depth + 1)
        return index
    }

    // MARK: Lists

    struct ListMarker {
        var ordered: Bool
        var number: Int
        var delimiter: UInt8
        /// The offset where the item's content starts, and its column relative to the line.
        var contentStart: Int
        var contentColumn: Int
    }

    func listMarker(_ line: Line) -> ListMarker? {
        var index = line.start
        guard index < line.end else { return nil }
        var ordered = false
        var number = 0
        var delimiter = bytes[index]
        if delimiter == UInt8(ascii: "-") || delimiter == UInt8(ascii: "*") || delimiter == UInt8(ascii: "+") {
            index += 1
        } else {
            var digits = 0
            while index < line.end, ByteText.isDigit(bytes[index]), digits < 9 {
                number = number * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            guard digits > 0, index < line.end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return nil }
            delimiter = bytes[index]
            ordered = true
            index += 1
        }
        // The marker needs a space after it, or the end of the line.
        if index == line.end {
            return ListMarker(ordered: ordered, number: number, delimiter: delimiter, contentStart: index, contentColumn: index - line.start + 1)
        }
        guard bytes[index] == 0x20 || bytes[index] == 0x09 else { return nil }
        var spaces = 0
        var contentStart = index
        while contentStart < line.end, bytes[contentStart] == 0x20, spaces < 5 {
            spaces += 1
            contentStart += 1
        }
        if spaces >= 5 || contentStart == line.end {  // code inside the item, or an empty item: one space belongs to the marker
            contentStart = index + 1
        }
        return ListMarker(ordered: ordered, number: number, delimiter: delimiter, contentStart: contentStart, contentColumn: contentStart - line.start)
    }

    mutating func list(_ lines: ArraySlice<Line>, from start: Int, context: Context, depth: Int) -> Int {
        let listID = nextList
        nextList += 1
        var index = start
        var kind: (Bool, UInt8)?
        while index < lines.endIndex {
            let line = lines[index]
            let (indent, offset) = indentation(line)
            guard indent < 4, let marker = listMarker(self.line(line, from: offset)) else { break }
            if let (ordered, delimiter) = kind, ordered != marker.ordered || delimiter != marker.delimiter { break }
            kind = (marker.ordered, marker.delimiter)
            let width = indent + marker.contentColumn
            var itemLines = [self.line(line, from: marker.contentStart)]
            index += 1
            // The item continues with indented lines, blank lines between them, and lazy continuation lines.
            while index < lines.endIndex {
                let next = lines[index]
                if isBlank(next) {
                    var lookahead = index + 1
                    while lookahead < lines.endIndex, isBlank(lines[lookahead]) { lookahead += 1 }
                    guard lookahead < lines.endIndex, indentation(lines[lookahead], upTo: width).columns >= width else { break }
                    itemLines.append(next)
                    index += 1
                    continue
                }
                if indentation(next, upTo: width).columns >= width {
                    itemLines.append(dropIndent(next, width))
                } else if let last = itemLines.last, !isBlank(last), !interruptsParagraph(next), listMarker(self.line(next, from: next.content)) == nil {
                    itemLines.append(next)
                } else {
                    break
                }
                index += 1
            }
            let itemID = nextItem
            nextItem += 1
            let blocksBefore = blocks.count
            parseBlocks(itemLines[...], context: Context(listItem: itemID, list: listID, quoteDepth: context.quoteDepth), depth: depth + 1)
            if blocks.count == blocksBefore {
                append(.paragraph, [], Context(listItem: itemID, list: listID, quoteDepth: context.quoteDepth))
            }
            // Blank lines between items keep the list going.
            var lookahead = index
            while lookahead < lines.endIndex, isBlank(lines[lookahead]) { lookahead += 1 }
            if lookahead > index, lookahead < lines.endIndex {
                let (nextIndent, nextOffset) = indentation(lines[lookahead])
                if nextIndent < 4, listMarker(self.line(lines[lookahead], from: nextOffset)) != nil {
                    index = lookahead
                }
            }
        }
        return index
    }

    // MARK: Tables

    /// The cells of a table row, as trimmed byte ranges; pipes escaped with "\" do not split.
    func cells(_ line: Line) -> [Range<Int>] {
        var range = trimmed(line)
        if range.lowerBound < range.upperBound, bytes[range.lowerBound] == UInt8(ascii: "|") { range = (range.lowerBound + 1)..<range.upperBound }
        if range.lowerBound < range.upperBound, bytes[range.upperBound - 1] == UInt8(ascii: "|"),
           range.upperBound - 2 < range.lowerBound || bytes[range.upperBound - 2] != UInt8(ascii: "\\") {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        var result: [Range<Int>] = []
        result.reserveCapacity(8)
        var cellStart = range.lowerBound
        var index = range.lowerBound
        var inCode = false
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "`") { inCode.toggle() }
            if byte == UInt8(ascii: "|"), !inCode {
                result.append(trimmed(span(cellStart, index)))
                cellStart = index + 1
            }
            index += 1
        }
        result.append(trimmed(span(cellStart, range.upperBound)))
        return result
    }

    func isDelimiterRow(_ line: Line) -> Bool {
        let parts = cells(line)
        guard !parts.isEmpty, bytes[line.start..<line.end].contains(UInt8(ascii: "-")) else { return false }
        for part in parts {
            let text = bytes[part]
            guard text.contains(UInt8(ascii: "-")) else { return false }
            guard text.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") }) else { return false }
        }
        return true
    }

    mutating func table(_ lines: ArraySlice<Line>, from start: Int, context: Context) -> Int? {
        guard start + 1 < lines.endIndex, ByteText.contains(UInt8(ascii: "|"), in: bytes, lines[start].start..<lines[start].end),
              isDelimiterRow(lines[start + 1]) else { return nil }
        let header = cells(lines[start])
        guard header.count == cells(lines[start + 1]).count else { return nil }
        for (column, cell) in header.enumerated() {
            append(.tableCell(row: 0, column: column), segment: cell, context)
        }
        var index = start + 2
        var row = 1
        while index < lines.endIndex, !isBlank(lines[index]), !interruptsParagraph(lines[index]) {
            for (column, cell) in cells(lines[index]).enumerated() where column < header.count {
                append(.tableCell(row: row, column: column), segment: cell, context)
            }
            row += 1
            index += 1
        }
        return index
    }
}
