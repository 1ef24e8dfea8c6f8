extension FigureScanner {
    /// Where text that looks numeric but is not a figure ends, if such text starts at `index`:
    /// "Article 128", "Articles 128, 133 and 125(3)(b)", "Tier 2", "[2]", "^ a b", "COVID-19",
    /// version numbers, times, phone numbers, back-link numbers "1 2 3".
    func nonFigureEnd(at index: Int) -> Int? {
        let token = tokens[index]
        switch token.kind {
        case .word:
            return designationEnd(at: index)
        case .punctuation:
            // Footnote markers: "[2]", "[a]", "[note 3]".
            if punctuation(index, "["), punctuation(index + 2, "]"), isNumber(index + 1) || (isWord(index + 1) && tokens[index + 1].end - tokens[index + 1].start <= 2) {
                return index + 3
            }
            // Wikipedia back-links: "^ a b c".
            if punctuation(index, "^") || punctuation(index, "↑") {
                var position = index + 1
                while isWord(position), tokens[position].end - tokens[position].start == 1 { position += 1 }
                return position
            }
            return nil
        case .number:
            return numericNonFigureEnd(at: index)
        }
    }

    /// After "Article", "Tier", "No." and the like, the numbers and their enumeration name things.
    func designationEnd(at index: Int) -> Int? {
        guard wordIn(index, Lexicon.designators) else { return nil }
        var position = index + 1
        if punctuation(position, "."), attached(position) { position += 1 }
        let isTier = wordIs(index, "tier") || wordIs(index, "tiers")
        if wordIs(index, "no") || wordIs(index, "part") || wordIs(index, "number") || wordIs(index, "case") || wordIs(index, "order") || wordIs(index, "point") || wordIs(index, "line") {
            // Common words: only capitalised or abbreviated forms designate ("No. 5", "Part 2").
            guard isCapitalized(index) || position > index + 1 else { return nil }
        }
        guard isNumber(position) || (isTier && numberWords(at: position) != nil) else { return nil }
        if isTier, !isNumber(position), let parsed = numberWords(at: position) { return parsed.end }
        // Walk the enumeration: "128, 133, 125(3)(b), 126(3)(b), and 270".
        while position < range.upperBound {
            if isNumber(position) {
                position += 1
                if attached(position), isWord(position), tokens[position].end - tokens[position].start <= 2 { position += 1 }  // "12a"
                while punctuation(position, "("), attached(position),
                      (isNumber(position + 1) || isWord(position + 1)), punctuation(position + 2, ")") {
                    position += 3
                }
                continue
            }
            if punctuation(position, ",") || wordIs(position, "and") || wordIs(position, "or") || isDash(position) {
                if isNumber(position + 1) || (wordIs(position + 1, "and") && isNumber(position + 2)) {
                    position += 1
                    continue
                }
            }
            break
        }
        return position
    }

    func numericNonFigureEnd(at index: Int) -> Int? {
        let token = tokens[index]
        // Version numbers "1.2.3" and other dotted codes.
        var dots = 0
        for byte in bytes[token.start..<token.end] where byte == UInt8(ascii: ".") { dots += 1 }
        if dots > 1 { return index + 1 }
        // A year used as a name: "the 2000 UN TIP Protocol", "Trafficking in Persons Report 2008".
        if yearValue(index) != nil, isYearUsedAsName(index), singleDate(at: index) == nil { return index + 1 }
        // Codes: "4P", "G7" is caught below; a number glued to a capitalised word names something.
        if isCapitalized(index + 1), attached(index + 1) { return index + 2 }
        // Times "10:30".
        if punctuation(index + 1, ":"), attached(index + 1), attached(index + 2), isNumber(index + 2) { return index + 3 }
        // A number glued to a word before it by a hyphen: "COVID-19", "G-7".
        if isDash(index - 1), attached(index), attached(index - 1), isWord(index - 2),
           numberWords(at: index - 2) == nil,
           !(wordIs(index - 2, "mid") || wordIs(index - 2, "early") || wordIs(index - 2, "late") || wordIs(index - 2, "pre") || wordIs(index - 2, "post")) {
            return index + 1
        }
        // Phone numbers and identifiers: three or more groups joined by hyphens, or "+7 701 …".
        if punctuation(index - 1, "+"), attached(index) {
            var position = index
            while isNumber(position) { position += 1 }
            return position
        }
        var position = index
        var groups = 1
        while (isDash(position + 1) || punctuation(position + 1, "/")), attached(position + 1), attached(position + 2), isNumber(position + 2) {
            groups += 1
            position += 2
        }
        if groups >= 3, singleDate(at: index) == nil { return position + 1 }
        // Back-link numbers at the start of a reference: "1 2 3 4".
        if let first = plainInteger(index), first == 1, index == range.lowerBound || !isNumber(index - 1) {
            var expected = 2
            var position = index + 1
            while let next = plainInteger(position), next == expected {
                expected += 1
                position += 1
            }
            if expected > 2 { return position }
        }
        // A month and day with no year ("June 4") is a date we cannot place: not a count either.
        if month(at: index - 1) != nil, let day = plainInteger(index), day <= 31, digitCount(index) <= 2, singleDate(at: index - 1) == nil {
            return index + 1
        }
        return nil
    }
}
