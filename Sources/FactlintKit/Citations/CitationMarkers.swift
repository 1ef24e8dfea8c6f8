import FactlintFigures

/// Inline citation markers written together: "[2]", "[1][2]", "[6][7][8]", "[1, 3]", "[^4]".
public struct CitationGroup: Sendable, Hashable {
    /// The reference numbers cited, in the order written.
    public var numbers: [Int]
    public var bytes: Range<Int>
    /// The group's tokens, as a range of `Document.tokens`.
    public var tokens: Range<Int>

    /// The markers as a reader sees them: "[1][2]".
    public var label: String { numbers.map { "[\($0)]" }.joined() }
}

/// Reads inline citation markers from a document's tokens.
enum CitationMarkers {
    /// The marker groups in `document.tokens[range]`, in text order.
    ///
    /// A marker is "[", an optional "^", a number of at most four digits (or several, with
    /// commas between) and "]", with no space inside; markers that follow one another with no
    /// space between make one group.
    ///
    /// - Complexity: O(n) in the number of tokens.
    static func groups(in range: Range<Int>, of document: Document) -> [CitationGroup] {
        var groups: [CitationGroup] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard let first = marker(at: index, in: range, document) else {
                index += 1
                continue
            }
            var numbers = first.numbers
            var end = first.end
            while end < range.upperBound, !document.tokens[end].spaceBefore, let next = marker(at: end, in: range, document) {
                numbers += next.numbers
                end = next.end
            }
            let bytes = document.tokens[index].start..<document.tokens[end - 1].end
            groups.append(CitationGroup(numbers: numbers, bytes: bytes, tokens: index..<end))
            index = end
        }
        return groups
    }

    /// The marker starting at `index`: its numbers and the token after its "]".
    static func marker(at index: Int, in range: Range<Int>, _ document: Document) -> (numbers: [Int], end: Int)? {
        let tokens = document.tokens
        func mark(_ i: Int) -> String? {
            guard i < range.upperBound, tokens[i].kind == .punctuation else { return nil }
            return document.text(tokens[i].bytes)
        }
        guard mark(index) == "[" else { return nil }
        var cursor = index + 1
        if mark(cursor) == "^", !tokens[cursor].spaceBefore { cursor += 1 }
        var numbers: [Int] = []
        while cursor < range.upperBound {
            let token = tokens[cursor]
            guard token.kind == .number, token.end - token.start <= 4, numbers.isEmpty ? !token.spaceBefore : true,
                  let number = Int(document.text(token.bytes)) else { return nil }
            numbers.append(number)
            cursor += 1
            if mark(cursor) == "," {
                cursor += 1
                continue
            }
            guard mark(cursor) == "]", !tokens[cursor].spaceBefore else { return nil }
            return (numbers, cursor + 1)
        }
        return nil
    }
}
