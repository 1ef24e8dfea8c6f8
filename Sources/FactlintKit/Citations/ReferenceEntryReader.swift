import FactlintFigures

/// Builds the references of a list from its blocks: gathers each entry's tokens, then reads its
/// number, back-links and dates.
struct ReferenceEntryReader {
    /// An entry's tokens as gathered, before they are read.
    struct Piece {
        var number: Int?
        var listItem: Int?
        /// The Markdown list the entry is an item of; nil for a line of a paragraph.
        var list: Int?
        var blocks: [Int]
        var tokens: Range<Int>
    }

    let document: Document
    var pieces: [Piece] = []

    init(document: Document) {
        self.document = document
    }

    /// A block of a list item: a new entry, or a later paragraph of the entry before it.
    mutating func addListItem(block index: Int, item: Int) {
        let block = document.blocks[index]
        guard !block.tokens.isEmpty else { return }
        if let last = pieces.last, last.listItem == item {
            pieces[pieces.count - 1].blocks.append(index)
            pieces[pieces.count - 1].tokens = last.tokens.lowerBound..<block.tokens.upperBound
            return
        }
        let number = document.segments(of: block).first.flatMap { ReferenceEntryReader.orderedNumber(before: $0.lowerBound, in: document.source) }
        pieces.append(Piece(number: number, listItem: item, list: block.list, blocks: [index], tokens: block.tokens))
    }

    /// A paragraph of the list: each line that starts with "[2]", "[^2]:", "2." or "2)" opens an
    /// entry, and the lines after it continue that entry. Lines before the first are not entries.
    mutating func addParagraph(block index: Int) {
        let block = document.blocks[index]
        var continuing = false
        var tokenIndex = block.tokens.lowerBound
        for segment in document.segments(of: block) {
            let first = tokenIndex
            while tokenIndex < block.tokens.upperBound, document.tokens[tokenIndex].start < segment.upperBound { tokenIndex += 1 }
            guard first < tokenIndex else { continue }
            if case let (number, contentStart)? = leadingNumber(first..<tokenIndex) {
                pieces.append(Piece(number: number, listItem: nil, list: nil, blocks: [index], tokens: contentStart..<tokenIndex))
                continuing = true
            } else if continuing {
                pieces[pieces.count - 1].tokens = pieces[pieces.count - 1].tokens.lowerBound..<tokenIndex
            }
        }
    }

    /// The references, numbered: a written number, else one more than the entry before in the
    /// same list (a new list counts from 1 again).
    func finish() -> [Reference] {
        var references: [Reference] = []
        var next = 1
        var list: Int?
        for piece in pieces {
            if piece.number == nil, piece.list != list { next = 1 }
            list = piece.list
            let number = piece.number ?? next
            next = number + 1
            let (labels, contentStart) = backLinks(piece.tokens)
            let bytes = document.tokens[piece.tokens.lowerBound].start..<document.tokens[piece.tokens.upperBound - 1].end
            references.append(Reference(
                number: number, backLinks: labels, bytes: bytes,
                dates: dates(of: piece, contentStart: contentStart)
            ))
        }
        return references
    }

    // MARK: - Reading an entry

    /// The text of a token.
    func text(_ index: Int) -> String { document.text(document.tokens[index].bytes) }

    /// Whether the token is one of the marks; compares bytes, allocates nothing.
    func isMark(_ index: Int, _ marks: Marks) -> Bool {
        let token = document.tokens[index]
        guard token.kind == .punctuation else { return false }
        return document.source.bytes.withUnsafeBufferPointer { marks.matches($0[token.start..<token.end]) }
    }

    /// A few punctuation marks, each packed into an integer: a mark is one scalar of up to four
    /// bytes, so comparing a token with every mark is a few integer comparisons.
    struct Marks: Sendable {
        let packed: [UInt64]
        init(_ marks: String...) { packed = marks.compactMap { Marks.pack($0.utf8) } }

        /// The bytes, first lowest, with their count above them; nil past seven bytes, which no mark has.
        @inline(__always)
        static func pack<Bytes: Collection>(_ bytes: Bytes) -> UInt64? where Bytes.Element == UInt8 {
            guard bytes.count <= 7 else { return nil }
            var value = UInt64(bytes.count) << 56
            var shift: UInt64 = 0
            for byte in bytes {
                value |= UInt64(byte) << shift
                shift += 8
            }
            return value
        }

        /// Whether the bytes spell one of the marks.
        func matches<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
            guard let value = Marks.pack(bytes) else { return false }
            return packed.contains(value)
        }
    }

    /// A small whole number written in digits only ("12", not "1,200" or "4.8").
    func smallNumber(_ index: Int) -> Int? {
        let token = document.tokens[index]
        guard token.kind == .number, token.end - token.start <= 4 else { return nil }
        return Int(text(index))
    }

    /// The number an entry's line starts with — "[2]", "[^2]:", "2.", "2)" — and where its text begins.
    func leadingNumber(_ tokens: Range<Int>) -> (Int, Int)? {
        var index = tokens.lowerBound
        let end = tokens.upperBound
        if isMark(index, ReferenceEntryReader.openBracket) {
            index += 1
            if index < end, isMark(index, ReferenceEntryReader.caret) { index += 1 }
            guard index + 1 < end, let number = smallNumber(index), isMark(index + 1, ReferenceEntryReader.closeBracket) else { return nil }
            index += 2
            if index < end, isMark(index, ReferenceEntryReader.colon), !document.tokens[index].spaceBefore { index += 1 }
            return index < end ? (number, index) : nil
        }
        guard index + 2 < end, let number = smallNumber(index), isMark(index + 1, ReferenceEntryReader.numberEnd),
              !document.tokens[index + 1].spaceBefore else { return nil }
        return (number, index + 2)
    }

    /// The back-links at the start of an entry and the first token after them: "^" or "↑", then
    /// letters from "a" on ("^ a b c"), or numbers from 1 on ("1 2 3", at least two).
    func backLinks(_ tokens: Range<Int>) -> ([String], Int) {
        var index = tokens.lowerBound
        let end = tokens.upperBound
        var caret = false
        if index < end, isMark(index, ReferenceEntryReader.backLink) {
            caret = true
            index += 1
        }
        var labels: [String] = []
        if caret {
            // "^ a b c": single lowercase letters in order.
            var letter = UInt8(ascii: "a")
            var scan = index
            while scan < end, document.tokens[scan].kind == .word, text(scan) == String(UnicodeScalar(letter)) {
                labels.append(text(scan))
                letter += 1
                scan += 1
            }
            // A lone "a" is the article of the text that follows ("^ a report by …").
            if labels.count >= 2 { index = scan } else { labels = [] }
        }
        if labels.isEmpty {
            var expected = 1
            var scan = index
            while scan < end, smallNumber(scan) == expected {
                labels.append(text(scan))
                expected += 1
                scan += 1
            }
            if labels.count >= 2 { index = scan } else { labels = [] }
        }
        return (labels, index)
    }

    static let roleWords: [String: Reference.DateRole] = [
        "published": .published, "posted": .published, "released": .published, "issued": .published,
        "archived": .archived,
        "retrieved": .retrieved, "accessed": .retrieved,
    ]
    /// The role words by `wordHash`, so a word is looked up without making a string of it.
    static let roleWordHashes = HashTable(Dictionary(uniqueKeysWithValues: roleWords.map { (wordHash($0.key.utf8), $0.value) }))
    static let opening = Marks("“", "‘", "«")
    static let closing = Marks("”", "’", "»")
    static let before = Marks(".", "(", ",", ";")
    static let after = Marks(".", ")", ",", ";")
    static let straightQuote = Marks("\"")
    static let openParenthesis = Marks("(")
    static let closeParenthesis = Marks(")")
    static let parentheses = Marks("(", ")")
    static let openBracket = Marks("[")
    static let closeBracket = Marks("]")
    static let caret = Marks("^")
    static let colon = Marks(":")
    static let numberEnd = Marks(".", ")")
    static let backLink = Marks("^", "↑")

    /// The entry's dates with a role. A date is labelled by a word before it in its part of the
    /// entry ("Retrieved 2017-12-01", "archived from the original on …"); a date that is a part
    /// of its own (". 2019.", "(June 4, 2008)") is the publication date, unless the entry gives
    /// several such dates that disagree. Dates inside quoted titles are left out.
    func dates(of piece: Piece, contentStart: Int) -> [Reference.Dated] {
        var labelled: [Reference.Dated] = []
        var bare: [Int] = []
        var quoted = false
        var token = contentStart
        for figureIndex in figures(of: piece) {
            let figure = document.figures[figureIndex]
            guard figure.kind == .date, figure.tokens.lowerBound >= contentStart else { continue }
            // Quotes opened and not closed before the figure put it inside a title.
            while token < figure.tokens.lowerBound {
                if isMark(token, ReferenceEntryReader.opening) {
                    quoted = true
                } else if isMark(token, ReferenceEntryReader.closing) {
                    quoted = false
                } else if isMark(token, ReferenceEntryReader.straightQuote) {
                    quoted.toggle()
                }
                token += 1
            }
            if quoted { continue }
            var role: Reference.DateRole?
            var words = 0
            var boundary = contentStart - 1
            var scan = figure.tokens.lowerBound - 1
            while scan >= contentStart, words < 8 {
                // A parenthesis in between ("Archived (PDF) from the original on …") is passed over.
                if isMark(scan, ReferenceEntryReader.closeParenthesis) {
                    var open = scan - 1
                    while open >= contentStart, !isMark(open, ReferenceEntryReader.parentheses) { open -= 1 }
                    if open >= contentStart, isMark(open, ReferenceEntryReader.openParenthesis), scan - open <= 4 {
                        scan = open - 1
                        continue
                    }
                }
                if isMark(scan, ReferenceEntryReader.before) {
                    boundary = scan
                    break
                }
                if document.tokens[scan].kind == .word {
                    words += 1
                    let word = document.source.bytes[document.tokens[scan].bytes]
                    if let found = ReferenceEntryReader.roleWordHashes.value(for: wordHash(word)) {
                        role = found
                        break
                    }
                }
                scan -= 1
            }
            if let role {
                labelled.append(Reference.Dated(role: role, figure: figureIndex))
                continue
            }
            // A date standing alone between separators: ". 2019.", "(June 4, 2008)", ", 4 June 2008".
            let next = figure.tokens.upperBound
            let standsAlone = boundary == figure.tokens.lowerBound - 1
                && (next >= piece.tokens.upperBound || isMark(next, ReferenceEntryReader.after))
            let parenthesisMatches = boundary < contentStart || !isMark(boundary, ReferenceEntryReader.openParenthesis)
                || (next < piece.tokens.upperBound && isMark(next, ReferenceEntryReader.closeParenthesis))
            if standsAlone, parenthesisMatches { bare.append(figureIndex) }
        }
        var result = labelled
        if !labelled.contains(where: { $0.role == .published }), let first = bare.first {
            let value = document.figures[first].value
            if bare.allSatisfy({ document.figures[$0].value == value }) {
                result.append(Reference.Dated(role: .published, figure: first))
            }
        }
        return result.sorted { $0.figure < $1.figure }
    }

    /// The figures read in the entry's tokens, in text order.
    func figures(of piece: Piece) -> [Int] {
        var result: [Int] = []
        for blockIndex in piece.blocks {
            for sentence in document.sentences[document.blocks[blockIndex].sentences] {
                for index in sentence.figures where piece.tokens.contains(document.figures[index].tokens.lowerBound) {
                    result.append(index)
                }
            }
        }
        return result
    }

    /// The number of an ordered list marker ("2." or "2)") written just before a list item's text.
    static func orderedNumber(before offset: Int, in source: SourceFile) -> Int? {
        let line = source.lineRange(source.line(of: offset))
        guard line.lowerBound <= offset, offset <= source.bytes.count else { return nil }
        var end = offset
        while end > line.lowerBound, source.bytes[end - 1] == 0x20 || source.bytes[end - 1] == 0x09 { end -= 1 }
        guard end > line.lowerBound, source.bytes[end - 1] == UInt8(ascii: ".") || source.bytes[end - 1] == UInt8(ascii: ")") else { return nil }
        var start = end - 1
        while start > line.lowerBound, start > end - 10, ByteText.isDigit(source.bytes[start - 1]) { start -= 1 }
        guard start < end - 1 else { return nil }
        if start > line.lowerBound {
            let before = source.bytes[start - 1]
            guard before == 0x20 || before == 0x09 || before == UInt8(ascii: ">") else { return nil }
        }
        return Int(source.text(start..<(end - 1)))
    }
}
