/// Splits UTF-8 text into words, numbers and punctuation, in one pass over the bytes.
///
/// With `markdownInline` set, inline Markdown that is not prose is left out: emphasis
/// markers, code spans, link destinations, autolinks, HTML tags and comments. Text
/// inside links stays, so "[Tier 2](url)" still reads "Tier 2".
public struct Tokenizer: Sendable {
    public var markdownInline: Bool

    public init(markdownInline: Bool = true) {
        self.markdownInline = markdownInline
    }

    /// Appends the tokens of several ranges (the lines of one block) to `tokens`, setting up the
    /// buffers once for all of them; each range starts as if after a line break.
    ///
    /// - Complexity: O(n) in the total length of the ranges.
    public func tokenize(_ bytes: [UInt8], segments: ArraySlice<Range<Int>>, into tokens: inout [Token]) {
        var none: [UInt64] = []
        tokenize(bytes, segments: segments, into: &tokens, hashes: &none, keepsHashes: false)
    }

    /// Appends the tokens of several ranges to `tokens` and, for each, to `hashes` the FNV-1a
    /// hash of its lowercase bytes when it is a word of ASCII letters and digits (0 for any
    /// other token): the hash read while scanning the word, kept so nothing hashes it again.
    public func tokenize(_ bytes: [UInt8], segments: ArraySlice<Range<Int>>, into tokens: inout [Token], hashes: inout [UInt64]) {
        tokenize(bytes, segments: segments, into: &tokens, hashes: &hashes, keepsHashes: true)
    }

    private func tokenize(_ bytes: [UInt8], segments: ArraySlice<Range<Int>>, into tokens: inout [Token], hashes: inout [UInt64], keepsHashes: Bool) {
        let table = WordTable.shared
        Tokenizer.foldedWordBytes.withUnsafeBufferPointer { folded in
            bytes.withUnsafeBufferPointer { buffer in
                withTokenBatch(keepsHashes: keepsHashes) { output in
                    for segment in segments {
                        tokenize(buffer, in: segment, into: &output, tokens: &tokens, hashes: &hashes, startsWithSpace: true, words: table, folded: folded)
                    }
                    output.flush(into: &tokens, hashes: &hashes)
                }
            }
        }
    }

    /// Appends the tokens of `bytes[range]` to `tokens`.
    ///
    /// - Parameter startsWithSpace: whether the first token counts as preceded by a break.
    /// - Complexity: O(n) in the length of the range.
    public func tokenize(_ bytes: [UInt8], in range: Range<Int>, into tokens: inout [Token], startsWithSpace: Bool = true) {
        let table = WordTable.shared
        var none: [UInt64] = []
        Tokenizer.foldedWordBytes.withUnsafeBufferPointer { folded in
            bytes.withUnsafeBufferPointer { buffer in
                withTokenBatch(keepsHashes: false) { output in
                    tokenize(buffer, in: range, into: &output, tokens: &tokens, hashes: &none, startsWithSpace: startsWithSpace, words: table, folded: folded)
                    output.flush(into: &tokens, hashes: &none)
                }
            }
        }
    }

    /// Runs `body` with a batch on the stack: tokens gather there and join the array in batches,
    /// not one append each.
    private func withTokenBatch(keepsHashes: Bool, _ body: (inout TokenBatch) -> Void) {
        withUnsafeTemporaryAllocation(of: Token.self, capacity: Tokenizer.batchSize) { batch in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Tokenizer.batchSize) { hashBatch in
                var output = TokenBatch(batch: batch, hashes: hashBatch, keepsHashes: keepsHashes)
                body(&output)
            }
        }
    }

    /// For each byte, its lowercase form if it is an ASCII letter, itself if it is a digit, else 0:
    /// one load tells whether a word goes on and what to hash.
    static let foldedWordBytes: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        if ByteText.isASCIILetter(byte) { return byte | 0x20 }
        return ByteText.isDigit(byte) ? byte : 0
    }

    /// 32 tokens are 1 KiB, which Swift keeps on the stack without asking.
    static let batchSize = 32

    /// Tokens (and their hashes, when kept) waiting to be appended to the output arrays.
    struct TokenBatch {
        let batch: UnsafeMutableBufferPointer<Token>
        let hashes: UnsafeMutableBufferPointer<UInt64>
        let keepsHashes: Bool
        var count = 0

        @inline(__always)
        mutating func append(_ token: Token, hash: UInt64 = 0, to tokens: inout [Token], hashes output: inout [UInt64]) {
            if count == batch.count { flush(into: &tokens, hashes: &output) }
            batch.initializeElement(at: count, to: token)
            hashes.initializeElement(at: count, to: hash)
            count += 1
        }

        mutating func flush(into tokens: inout [Token], hashes output: inout [UInt64]) {
            tokens.append(contentsOf: UnsafeBufferPointer(rebasing: batch[0..<count]))
            if keepsHashes { output.append(contentsOf: UnsafeBufferPointer(rebasing: hashes[0..<count])) }
            count = 0
        }
    }

    private func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, into output: inout TokenBatch, tokens: inout [Token], hashes: inout [UInt64],
        startsWithSpace: Bool, words: WordTable, folded: UnsafeBufferPointer<UInt8>
    ) {
        var index = range.lowerBound
        let end = range.upperBound
        var space = startsWithSpace
        while index < end {
            let byte = bytes[index]
            // The common cases first: ASCII letters, spaces and digits.
            if ByteText.isASCIILetter(byte) {
                // Hash the lowercase word while scanning it, so the lookup reads it only once more.
                var hash = WordTable.hashSeed
                var ascii = true
                var stop = index
                while stop < end {
                    let next = bytes[stop]
                    let lower = folded[Int(next)]
                    if lower != 0 {
                        hash = (hash ^ UInt64(lower)) &* WordTable.hashPrime
                        stop += 1
                    } else if next >= 0x80, Tokenizer.isLetterStart(bytes, at: stop, end: end) {
                        ascii = false
                        stop += Tokenizer.scalarWidth(next)
                    } else {
                        break
                    }
                }
                stop = min(stop, end)
                if stop < end, bytes[stop] == UInt8(ascii: ":") || bytes[stop] == UInt8(ascii: "."), stop - index <= 5,
                   let urlEnd = Tokenizer.urlEnd(bytes, wordStart: index, wordEnd: stop, end: end) {
                    index = urlEnd
                    continue
                }
                let code = ascii ? (words.lookup(hash: hash, bytes, index..<stop).map { $0.rawValue + 1 } ?? 0) : 0
                output.append(Token(kind: .word, start: index, end: stop, spaceBefore: space, code: code), hash: ascii ? hash : 0, to: &tokens, hashes: &hashes)
                index = stop
                space = false
                continue
            }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B || byte == 0 {
                space = true
                index += 1
                continue
            }
            if ByteText.isDigit(byte) {
                let stop = Tokenizer.numberEnd(bytes, from: index, end: end)
                output.append(Token(kind: .number, start: index, end: stop, spaceBefore: space), to: &tokens, hashes: &hashes)
                index = stop
                space = false
                continue
            }
            if byte >= 0x80, let width = Tokenizer.spaceWidth(bytes, at: index, end: end) {
                space = true
                index += width
                continue
            }
            if markdownInline, byte < 0x80, let skipped = skipMarkup(bytes, at: index, end: end) {
                index = skipped
                continue
            }
            if Tokenizer.isLetterStart(bytes, at: index, end: end) {
                var stop = index
                while stop < end, Tokenizer.isLetterStart(bytes, at: stop, end: end) || ByteText.isDigit(bytes[stop]) {
                    stop += Tokenizer.scalarWidth(bytes[stop])
                }
                stop = min(stop, end)
                output.append(Token(kind: .word, start: index, end: stop, spaceBefore: space), to: &tokens, hashes: &hashes)
                index = stop
            } else {
                let stop = min(index + Tokenizer.scalarWidth(byte), end)
                let code = Mark.lookup(bytes, index..<stop).map { UInt16($0.rawValue) + 1 } ?? 0
                output.append(Token(kind: .punctuation, start: index, end: stop, spaceBefore: space, code: code), to: &tokens, hashes: &hashes)
                index = stop
                space = false
                continue
            }
            space = false
        }
    }

    /// The tokens of a whole text.
    public func tokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokenize(bytes, in: 0..<bytes.count, into: &tokens)
        return tokens
    }

    // MARK: - Bytes

    /// The end of a bare URL ("https://…", "www.…") whose scheme or first label is the word
    /// `bytes[wordStart..<wordEnd]`: the URL runs to the next space, less trailing punctuation.
    static func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, wordStart: Int, wordEnd: Int, end: Int) -> Int? {
        let length = wordEnd - wordStart
        func lower(_ offset: Int) -> UInt8 { ByteText.lowercased(bytes[wordStart + offset]) }
        let isScheme = (length == 4 || length == 5) && lower(0) == UInt8(ascii: "h") && lower(1) == UInt8(ascii: "t")
            && lower(2) == UInt8(ascii: "t") && lower(3) == UInt8(ascii: "p") && (length == 4 || lower(4) == UInt8(ascii: "s"))
            && wordEnd + 2 < end && bytes[wordEnd] == UInt8(ascii: ":") && bytes[wordEnd + 1] == UInt8(ascii: "/")
            && bytes[wordEnd + 2] == UInt8(ascii: "/")
        let isWeb = length == 3 && lower(0) == UInt8(ascii: "w") && lower(1) == UInt8(ascii: "w") && lower(2) == UInt8(ascii: "w")
            && wordEnd + 1 < end && bytes[wordEnd] == UInt8(ascii: ".") && isWordByte(bytes[wordEnd + 1])
        guard isScheme || isWeb else { return nil }
        var stop = wordEnd
        while stop < end {
            let byte = bytes[stop]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") { break }
            if byte >= 0x80, spaceWidth(bytes, at: stop, end: end) != nil { break }
            stop += 1
        }
        // Leave sentence punctuation after the URL to the prose: "see https://x.org/a."
        while stop > wordEnd + 1 {
            let last = bytes[stop - 1]
            guard last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";") || last == UInt8(ascii: ":")
                || last == UInt8(ascii: ")") || last == UInt8(ascii: "]") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
                || last == UInt8(ascii: "'") || last == UInt8(ascii: "\"") else { break }
            stop -= 1
        }
        return stop
    }

    static func scalarWidth(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0...0xFF: return 4
        default: return 1  // a stray continuation byte stands alone
        }
    }

    /// The width of a Unicode space at `index`, or nil.
    static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        let lead = bytes[index]
        if lead == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 { return 2 }
        if lead == 0xE2, index + 2 < end, bytes[index + 1] == 0x80 {
            let third = bytes[index + 2]
            if third <= 0x8B || third == 0xAF || third == 0xA8 || third == 0xA9 { return 3 }
        }
        if lead == 0xEF, index + 2 < end, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return 3 }  // BOM
        if lead == 0xE3, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
        return nil
    }

    /// Whether a letter starts at `index`: ASCII letters, and non-ASCII scalars outside the
    /// punctuation and symbol blocks.
    static func isLetterStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 { return ByteText.isASCIILetter(lead) }
        switch lead {
        case 0xC2: return false  // Latin-1 punctuation and symbols: « » £ © °
        case 0xC3:
            guard index + 1 < end else { return false }
            let next = bytes[index + 1]
            return next != 0x97 && next != 0xB7  // × ÷
        case 0xC4...0xDF: return true
        case 0xE2: return false  // general punctuation, currency, arrows, math
        case 0xE3:
            return !(index + 1 < end && bytes[index + 1] == 0x80)  // CJK punctuation
        case 0xE0...0xEF: return true
        default: return false  // four-byte scalars (emoji) and stray bytes are symbols
        }
    }

    /// The end of a number token: digits, with "," or "." between digits.
    static func numberEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        while index < end {
            let byte = bytes[index]
            if ByteText.isDigit(byte) {
                index += 1
            } else if (byte == 0x2C || byte == 0x2E), index + 1 < end, ByteText.isDigit(bytes[index + 1]) {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    // MARK: - Inline Markdown

    /// Returns where prose resumes if inline markup that is not prose starts at `index`.
    func skipMarkup(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "*"):
            return index + 1
        case UInt8(ascii: "_"):
            // Emphasis, unless it joins two word characters ("snake_case").
            let joinsWords = index > 0 && index + 1 < end && Tokenizer.isWordByte(bytes[index - 1]) && Tokenizer.isWordByte(bytes[index + 1])
            return joinsWords ? nil : index + 1
        case UInt8(ascii: "`"):
            var run = index
            while run < end, bytes[run] == UInt8(ascii: "`") { run += 1 }
            let width = run - index
            var search = run
            while search < end {
                if bytes[search] == UInt8(ascii: "`") {
                    var close = search
                    while close < end, bytes[close] == UInt8(ascii: "`") { close += 1 }
                    if close - search == width { return close }
                    search = close
                } else {
                    search += 1
                }
            }
            return nil
        case UInt8(ascii: "]"):
            // "](destination)" after link text: skip the destination.
            guard index + 1 < end, bytes[index + 1] == UInt8(ascii: "(") else { return nil }
            var depth = 0
            var search = index + 1
            while search < end {
                if bytes[search] == UInt8(ascii: "(") { depth += 1 }
                if bytes[search] == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { return search + 1 }
                }
                if bytes[search] == 0x0A { return nil }
                search += 1
            }
            return nil
        case UInt8(ascii: "!"):
            return index + 1 < end && bytes[index + 1] == UInt8(ascii: "[") ? index + 1 : nil
        case UInt8(ascii: "["):
            // Link text opens: drop the bracket, keep the text. Citation markers "[2]" stay.
            return Tokenizer.opensLink(bytes, at: index, end: end) ? index + 1 : nil
        case UInt8(ascii: "<"):
            return Tokenizer.htmlEnd(bytes, at: index, end: end)
        default:
            return nil
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        ByteText.isASCIILetter(byte) || ByteText.isDigit(byte) || byte >= 0x80
    }

    /// Whether "[" at `index` starts link text: a matching "]" on the same line followed by "(".
    static func opensLink(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        var search = index + 1
        var depth = 1
        while search < end, bytes[search] != 0x0A {
            if bytes[search] == UInt8(ascii: "[") { depth += 1 }
            if bytes[search] == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return search + 1 < end && bytes[search + 1] == UInt8(ascii: "(") }
            }
            search += 1
        }
        return false
    }

    /// The end of an HTML comment, tag or autolink starting at `index`, or nil.
    static func htmlEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        guard index + 1 < end else { return nil }
        if index + 3 < end, bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
            var search = index + 4
            while search + 2 < end {
                if bytes[search] == UInt8(ascii: "-"), bytes[search + 1] == UInt8(ascii: "-"), bytes[search + 2] == UInt8(ascii: ">") {
                    return search + 3
                }
                search += 1
            }
            return end
        }
        let next = bytes[index + 1]
        guard ByteText.isASCIILetter(next) || next == UInt8(ascii: "/") else { return nil }
        var search = index + 1
        while search < end {
            let byte = bytes[search]
            if byte == UInt8(ascii: ">") { return search + 1 }
            if byte == UInt8(ascii: "<") || byte == 0x0A { return nil }
            search += 1
        }
        return nil
    }
}
