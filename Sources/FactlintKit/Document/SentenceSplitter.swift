import FactlintFigures

/// Splits a block's tokens into sentences.
///
/// A sentence ends at ".", "!" or "?" (with any closing quotes, brackets and citation
/// markers that follow) when the next token starts a new sentence. Abbreviations ("Dr.",
/// "No. 5", "e.g."), initialisms ("U.S.", "U.A.E.") and initials do not end one; decimal
/// points never reach here because "4.8" is a single number token.
struct SentenceSplitter {
    let bytes: [UInt8]
    let tokens: [Token]

    static let abbreviations: Set<[UInt8]> = Set([
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "nos", "vs", "v", "inc", "ltd", "co", "corp",
        "art", "arts", "para", "paras", "approx", "fig", "figs", "gen", "gov", "sen", "rep", "hon", "capt", "col", "lt",
        "sgt", "mt", "ft", "vol", "vols", "pp", "p", "cf", "al", "ch", "sec", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "dept", "est", "govt", "intl", "assn", "bros", "e", "i", "ca", "c",
    ].map { Array($0.utf8) })

    /// The abbreviations by `wordHash`, each with whether it abbreviates only before a number.
    static let abbreviationHashes = HashTable(Dictionary(uniqueKeysWithValues: abbreviations.map { word in
        (wordHash(word), word == Array("no".utf8) || word == Array("art".utf8) || word == Array("p".utf8))
    }))
    static let longestAbbreviation = abbreviations.map(\.count).max() ?? 0

    /// Appends the sentences of `tokens[range]` to `result`, as token ranges covering it with no gaps.
    func appendSentences(in range: Range<Int>, to result: inout [Range<Int>]) {
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            // Most tokens are words and numbers: one test passes them by.
            guard tokens[index].kind == .punctuation, isTerminal(index) else {
                index += 1
                continue
            }
            var end = index + 1
            // Closing quotes and brackets, then citation markers, belong to the sentence they close.
            while end < range.upperBound, !tokens[end].spaceBefore, isClosing(end) { end += 1 }
            while end + 2 < range.upperBound, !tokens[end].spaceBefore, isMark(end, "["), isMark(end + 2, "]") { end += 3 }
            while end < range.upperBound, !tokens[end].spaceBefore, isClosing(end) { end += 1 }
            if end >= range.upperBound { break }
            if tokens[end].spaceBefore, startsSentence(end), !isAbbreviation(at: index, next: end) {
                result.append(start..<end)
                start = end
            }
            index = end
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
    }

    /// Whether the token is the punctuation mark `mark`, compared as bytes.
    func isMark(_ index: Int, _ mark: StaticString) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuation, token.end - token.start == mark.utf8CodeUnitCount else { return false }
        return mark.withUTF8Buffer { expected in
            var offset = token.start
            for byte in expected {
                if bytes[offset] != byte { return false }
                offset += 1
            }
            return true
        }
    }

    /// Whether the token ends a sentence: ".", "!", "?" or "…". Judged by its first byte, as
    /// every punctuation token is: four comparisons each was a tenth of splitting's time.
    func isTerminal(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuation else { return false }
        switch bytes[token.start] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return token.end - token.start == 1
        case 0xE2: return isMark(index, "…")
        default: return false
        }
    }

    func isClosing(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuation else { return false }
        switch bytes[token.start] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"): return token.end - token.start == 1
        case 0xE2: return isMark(index, "”") || isMark(index, "’")
        case 0xC2: return isMark(index, "»")
        default: return false
        }
    }

    /// Whether the token can open a sentence: a capital, a digit, or an opening quote or bracket.
    func startsSentence(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .number: return true
        case .word: return ByteText.startsUppercase(bytes, at: token.start)
        case .punctuation:
            return isMark(index, "“") || isMark(index, "\"") || isMark(index, "‘") || isMark(index, "(") || isMark(index, "[")
                || isMark(index, "«") || isMark(index, "¿") || isMark(index, "¡") || isMark(index, "'")
        }
    }

    /// Whether the "." at `index` ends an abbreviation rather than the sentence.
    func isAbbreviation(at index: Int, next: Int) -> Bool {
        guard isMark(index, "."), index > 0 else { return false }
        let previous = tokens[index - 1]
        guard previous.kind == .word, !tokens[index].spaceBefore else { return false }
        if previous.end - previous.start == 1 {
            // An initialism ("U.S.", "e.g.") or an initial ("J. Smith").
            return true
        }
        guard previous.end - previous.start <= SentenceSplitter.longestAbbreviation,
              let needsNumber = SentenceSplitter.abbreviationHashes.value(for: wordHash(bytes[previous.start..<previous.end])) else { return false }
        // "No." and "Art." abbreviate only before a number.
        return !needsNumber || tokens[next].kind == .number
    }
}
