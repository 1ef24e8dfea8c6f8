/// A plain-text table that fits a given width, wrapping its cells between words.
///
/// Columns are separated by two spaces and the header is underlined with dashes. When every
/// cell fits on one line, each column is as wide as its widest cell (headers wrap first when
/// that makes the rows fit); otherwise each column gets
/// its longest word (up to a third of the line), when all of them fit, and the rest of the
/// width goes to the columns with the most text.
/// A word wider than its column is broken after a `/`, `-`, `_` or `.` if it can be, and only
/// then anywhere.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var header: String
        public var alignment: Alignment

        public init(_ header: String, alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]

    /// The space between two columns.
    static let gutter = "  "

    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as lines no wider than `width` (in terminal columns), when the columns can
    /// be given at least one character each.
    ///
    /// - Complexity: O(cells × cell length).
    public func render(width: Int) -> [String] {
        let widths = columnWidths(for: width)
        var lines: [String] = []
        lines += renderRow(columns.map(\.header), widths: widths)
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: TextTable.gutter))
        for row in rows {
            lines += renderRow(row, widths: widths)
        }
        return lines
    }

    /// Whether the table fits in `width` with no word broken: cells may wrap, but only between words.
    public func keepsWordsWhole(width: Int) -> Bool {
        let widths = columnWidths(for: width)
        let cells = [columns.map(\.header)] + rows
        return widths.indices.allSatisfy { column in
            cells.allSatisfy { row in
                column >= row.count || row[column].split(separator: " ").allSatisfy { TextWidth.of(String($0)) <= widths[column] }
            }
        }
    }

    /// `text` wrapped to `width` under a hanging indent: the first line starts with `first`, the
    /// others with `rest` (at least as long as `first`).
    public static func hanging(_ text: String, first: String, rest: String, width: Int) -> [String] {
        wrap(text, width: max(1, width - rest.count)).enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
    }

    /// Each column's width, so that the columns and their gutters fit in `width`.
    func columnWidths(for width: Int) -> [Int] {
        let cells = [columns.map(\.header)] + rows
        let count = columns.count
        guard count > 0 else { return [] }
        func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }
        let natural = (0..<count).map { column in cells.map { TextWidth.of(cell($0, column)) }.max() ?? 0 }.map { max($0, 1) }
        let longestWord = (0..<count).map { column in
            cells.flatMap { cell($0, column).split(separator: " ").map { TextWidth.of(String($0)) } }.max() ?? 1
        }
        let available = max(count, width - TextTable.gutter.count * (count - 1))
        if natural.reduce(0, +) <= available { return natural }
        // A header may wrap before a cell does: when every cell fits on one line with the headers
        // wrapped between words, do that and give what is left to the headers.
        let bodyNatural = (0..<count).map { column in
            max(rows.map { TextWidth.of(cell($0, column)) }.max() ?? 0,
                columns[column].header.split(separator: " ").map { TextWidth.of(String($0)) }.max() ?? 1, 1)
        }
        if bodyNatural.reduce(0, +) <= available {
            return TextTable.share(available - bodyNatural.reduce(0, +), among: bodyNatural, wanting: natural)
        }
        // Keep words whole, but let no single word (a long path) take more than a third of the line.
        let fairShare = max(4, available / count)
        let wordCap = max(fairShare, available / 3)
        let wordWidths = (0..<count).map { max(1, min(longestWord[$0], natural[$0])) }
        var widths = wordWidths.map { min($0, wordCap) }
        if widths.reduce(0, +) > available {
            // Some word must break: let no column claim more than a fair share for its longest
            // word, but give each room for the longest piece between joining marks (so a path or
            // an id breaks after a "-" or "/", not inside a word), then share what is left.
            let longestPiece = (0..<count).map { column in
                cells.flatMap { cell($0, column).split(separator: " ").flatMap { TextTable.pieces(of: String($0)).map(TextWidth.of) } }.max() ?? 1
            }
            widths = (0..<count).map { max(min(wordWidths[$0], fairShare), min(longestPiece[$0], wordCap)) }
            widths = TextTable.share(available - widths.reduce(0, +), among: widths, wanting: bodyNatural)
            // Even so too wide: narrow the widest columns, one character at a time.
            var excess = widths.reduce(0, +) - available
            while excess > 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 1 {
                widths[widest] -= 1
                excess -= 1
            }
            return widths
        }
        return TextTable.share(available - widths.reduce(0, +), among: widths, wanting: bodyNatural)
    }

    /// Widths grown by up to `spare` in all, each towards its `wanted` width: first the columns
    /// that want least are given all they want, so as many columns as can stop wrapping do; what
    /// is left goes to the others in proportion to how much each still wants.
    static func share(_ spare: Int, among widths: [Int], wanting wanted: [Int]) -> [Int] {
        var widths = widths
        var spare = spare
        for column in widths.indices.sorted(by: { (wanted[$0] - widths[$0], $0) < (wanted[$1] - widths[$1], $1) }) {
            let need = wanted[column] - widths[column]
            guard need > 0 else { continue }
            guard need <= spare else { break }
            widths[column] += need
            spare -= need
        }
        while spare > 0 {
            let wanting = widths.indices.filter { widths[$0] < wanted[$0] }
            guard !wanting.isEmpty else { break }
            let need = wanting.map { wanted[$0] - widths[$0] }
            let totalNeed = need.reduce(0, +)
            var given = 0
            for (position, column) in wanting.enumerated() {
                let share = min(need[position], spare * need[position] / max(totalNeed, 1))
                widths[column] += share
                given += share
            }
            // Shares rounded down to nothing: give one to the column that wants the most.
            if given == 0, let neediest = wanting.max(by: { wanted[$0] - widths[$0] < wanted[$1] - widths[$1] }) {
                widths[neediest] += 1
                given = 1
            }
            spare -= given
        }
        return widths
    }

    /// One row, as many lines as its tallest cell needs.
    func renderRow(_ row: [String], widths: [Int]) -> [String] {
        let wrapped = widths.indices.map { column in
            TextTable.wrap(column < row.count ? row[column] : "", width: widths[column])
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { line in
            var parts: [String] = []
            for column in widths.indices {
                let text = line < wrapped[column].count ? wrapped[column][line] : ""
                let pad = String(repeating: " ", count: max(0, widths[column] - TextWidth.of(text)))
                parts.append(columns[column].alignment == .right ? pad + text : text + pad)
            }
            var joined = parts.joined(separator: TextTable.gutter)
            while joined.last == " " { joined.removeLast() }
            return joined
        }
    }

    /// The text as lines of at most `width` terminal columns, broken between words.
    ///
    /// A word longer than a line is broken after punctuation that joins parts of names and
    /// paths (`/`, `-`, `_`, `.`, `:`) when that leaves a piece that fits, else at the width.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(whereSeparator: { $0 == " " || $0.isNewline }).map(String.init) {
            var rest = word
            while !rest.isEmpty {
                let restWidth = TextWidth.of(rest)
                let room = lineWidth == 0 ? width : width - lineWidth - 1
                if restWidth <= room {
                    if lineWidth > 0 {
                        line += " "
                        lineWidth += 1
                    }
                    line += rest
                    lineWidth += restWidth
                    rest = ""
                } else if lineWidth > 0 && restWidth <= width {
                    // The word fits on a line of its own.
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                } else {
                    // Too long for any line: break it, preferably after a joining mark.
                    if lineWidth > 0, room < 4 {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                        continue
                    }
                    let (head, tail) = TextTable.split(rest, toFit: lineWidth == 0 ? width : room)
                    if lineWidth > 0 {
                        line += " "
                        lineWidth += 1
                    }
                    line += head
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    rest = tail
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// A word's pieces, each ending after a joining mark ("draft-", "2018-", "report.md").
    static func pieces(of word: String) -> [String] {
        var pieces: [String] = []
        var piece = ""
        for character in word {
            piece.append(character)
            if "/-_.:".contains(character) {
                pieces.append(piece)
                piece = ""
            }
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }

    /// A word cut in two so the head fits in `room`: after the last joining mark that fits, or at `room`.
    static func split(_ word: String, toFit room: Int) -> (String, String) {
        let characters = Array(word)
        var used = 0
        var fits = 0
        var marks: [Int] = []
        for (index, character) in characters.enumerated() {
            let width = TextWidth.of(character)
            if used + width > room { break }
            used += width
            fits = index + 1
            if "/-_.:".contains(character), index + 1 < characters.count { marks.append(index + 1) }
        }
        // Cut at the last mark that fits, rather than inside a word; rather not leave a stub such as ":22".
        let mark = marks.last { characters.count - $0 >= 3 } ?? marks.last
        let cut = max(1, mark ?? fits)
        return (String(characters[..<cut]), String(characters[cut...]))
    }
}
