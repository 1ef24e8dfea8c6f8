extension FigureScanner {
    /// Where text that looks numeric but is not a figure ends, if such text starts at `index`:
    /// "Article 128", "Articles 128, 133 and 125(3)(b)", "Tier 2", "[2]", "^ a b", "COVID-19",
    /// fractions, version numbers, times, phone numbers, vague quantities, back-link numbers.
    func nonFigureEnd(at index: Int) -> Int? {
        switch tokens[index].kind {
        case .word:
            guard let text = word(index) else { return nil }
            if text.isDesignator { return designationEnd(at: index) }
            if text.isVagueQuantity || text == .several || text == .many || text == .few { return vagueQuantityEnd(at: index) }
            guard text.unitValue != nil || text.tensValue != nil || text == .a else { return nil }
            return fractionEnd(at: index) ?? numberInNameEnd(at: index)
        case .punctuation:
            // Footnote markers: "[2]", "[a]".
            if mark(index) == .openBracket, mark(index + 2) == .closeBracket,
               isNumber(index + 1) || (isWord(index + 1) && tokens[index + 1].end - tokens[index + 1].start <= 2) {
                return index + 3
            }
            // Back-links in references: "^ a b c", "↑".
            if mark(index) == .caret || mark(index) == .upArrow {
                var position = index + 1
                while isWord(position), tokens[position].end - tokens[position].start == 1 { position += 1 }
                return position
            }
            return nil
        case .number:
            return numericNonFigureEnd(at: index)
        }
    }

    /// After "Article", "Tier", "No." and the like, numbers name things. A plural ("Articles")
    /// takes a list: "128, 133, 125(3)(b), 126(3)(b), and 270".
    func designationEnd(at index: Int) -> Int? {
        guard let designator = word(index), designator.isDesignator else { return nil }
        var position = index + 1
        if mark(position) == .period, attached(position) { position += 1 }
        if designator.designatesOnlyWhenCapitalized {
            guard isCapitalized(index) || position > index + 1 else { return nil }
        }
        if designator == .tier || designator == .tiers, !isNumber(position), let amount = numberWords(at: position) {
            return amount.end
        }
        guard isNumber(position) else { return nil }
        while position < range.upperBound {
            guard isNumber(position) else { break }
            position += 1
            if attached(position), isWord(position), tokens[position].end - tokens[position].start <= 2, !isCapitalized(position) || tokens[position].end - tokens[position].start == 1 {
                position += 1  // "12a"
            }
            // "(3)(b)", "/25", "-1": the parts of one designation.
            while attached(position) {
                if mark(position) == .openParen, isNumber(position + 1) || isWord(position + 1), mark(position + 2) == .closeParen {
                    position += 3
                } else if mark(position) == .slash || isDash(position), isNumber(position + 1), attached(position + 1) {
                    position += 2
                } else {
                    break
                }
            }
            guard designator.isPluralDesignator else { break }
            var next = position
            if mark(next) == .comma { next += 1 }
            if word(next) == .and || word(next) == .or || isDash(next) { next += 1 }
            guard next > position, isNumber(next) else { break }
            position = next
        }
        return position
    }

    /// "several million", "many thousand", "thousands of", "hundreds of": no figure.
    func vagueQuantityEnd(at index: Int) -> Int? {
        guard let text = word(index) else { return nil }
        if text.isVagueQuantity { return index + 1 }
        if text == .several || text == .many || text == .few, let next = word(index + 1),
           next.scaleValue != nil || next == .hundred || next == .dozen {
            return index + 2
        }
        return nil
    }

    /// A capitalised number word inside a name: "Five Winds Asset Management", "the Three Rivers Shelter".
    func numberInNameEnd(at index: Int) -> Int? {
        guard isCapitalized(index), !startsSentence(index), let amount = numberWords(at: index), amount.end == index + 1,
              isCapitalized(index + 1), word(index + 1) == nil else { return nil }
        return index + 1
    }

    /// "two thirds", "a third of", "one half": fractions are not counts.
    func fractionEnd(at index: Int) -> Int? {
        // "a third of", "a quarter of", "one fifth of".
        if let article = word(index), article == .a || article == .one, let part = word(index + 1),
           part == .third || part == .fourth || part == .fifth || part == .sixth || part == .tenth || part == .quarter || part == .half,
           word(index + 2) == .of {
            return index + 2
        }
        guard let amount = numberWords(at: index), amount.end == index + 1 || word(index) == .a else {
            return nil
        }
        // "two-thirds", "one-third": a fraction joined by a hyphen.
        if isDash(amount.end), attached(amount.end), attached(amount.end + 1), let part = word(amount.end + 1),
           part.isFraction || part == .third || part == .fourth || part == .fifth || part == .tenth {
            return amount.end + 2
        }
        // "one in four": a ratio, not two counts.
        if word(index) == .one, amount.end == index + 1, word(amount.end) == .in,
           let other = number(at: amount.end + 1), other.scale == 1 {
            return other.end
        }
        let next = word(amount.end)
        if next?.isFraction == true { return amount.end + 1 }
        if let next, next == .third || next == .fourth || next == .fifth || next == .tenth, word(amount.end + 1) == .of,
           word(index) == .a || word(index) == .one {
            return amount.end + 1
        }
        return nil
    }

    /// "555-0199", "(555) 123-4567": a short group and a four-digit group joined by a hyphen,
    /// where a range would be written with round numbers and no leading zero.
    func isPhoneNumber(at index: Int) -> Bool {
        guard isNumber(index), digitCount(index) == 3, mark(index + 1) == .hyphen, attached(index + 1), attached(index + 2), isNumber(index + 2),
              digitCount(index + 2) == 4, let second = plainInteger(index + 2), plainInteger(index) != nil else { return false }
        let leadingZero = bytes[tokens[index + 2].start] == 0x30 || bytes[tokens[index].start] == 0x30
        let areaCode = mark(index - 1) == .closeParen && isNumber(index - 2) && digitCount(index - 2) == 3
        return leadingZero || areaCode || second % 10 != 0
    }

    /// A five-digit number without separators beside a place name: "10115 Berlin", "Almaty 050000".
    func isPostalCode(at index: Int) -> Bool {
        let length = digitCount(index)
        guard length == 5 || length == 6, plainInteger(index) != nil else { return false }
        if isCapitalized(index + 1), word(index + 1) == nil, tokens[index + 1].spaceBefore { return true }
        if isCapitalized(index - 1), word(index - 1) == nil, !startsSentence(index - 1) { return true }
        return false
    }

    func numericNonFigureEnd(at index: Int) -> Int? {
        let token = tokens[index]
        let length = token.end - token.start
        // Most checks need a mark glued on one side; a number set off by spaces skips them.
        let nextAttached = attached(index + 1)
        let gluedToPrevious = attached(index)
        // Version numbers "1.2.3" and other dotted codes.
        if length >= 5 {
            var dots = 0
            for byte in bytes[token.start..<token.end] where byte == UInt8(ascii: ".") { dots += 1 }
            if dots > 1 { return numericDate(at: index) == nil ? index + 1 : nil }
        }
        // A year used as a name: "the 2000 UN TIP Protocol", "Trafficking in Persons Report 2008".
        if length == 4, yearValue(index) != nil, isYearUsedAsName(index), singleDate(at: index) == nil { return index + 1 }
        if nextAttached {
            // Codes: a number glued to a capitalised word, "4P".
            if isCapitalized(index + 1) { return index + 2 }
            // Times "10:30", fractions and codes "1/3", "24/7", "55/25"; not dates "03/2019", "25/12/2019", "2019/20".
            if mark(index + 1) == .colon || mark(index + 1) == .slash, attached(index + 2), isNumber(index + 2) {
                if mark(index + 1) == .slash, singleDate(at: index) != nil { return nil }
                return index + 3
            }
        }
        // Times: "10 a.m.", "6 pm", "6pm".
        if let next = word(index + 1) {
            if next == .am || next == .pm { return index + 2 }
            if next == .a || next == .p, mark(index + 2) == .period, attached(index + 2), word(index + 3) == .m, attached(index + 3) {
                return mark(index + 4) == .period && attached(index + 4) ? index + 5 : index + 4
            }
        }
        if nextAttached, isPhoneNumber(at: index) { return index + 3 }
        if length == 5 || length == 6, isPostalCode(at: index) { return index + 1 }
        if gluedToPrevious {
            // A number glued to a word before it by a hyphen: "COVID-19", "G-7"; not "mid-2008".
            if isDash(index - 1), attached(index - 1), isWord(index - 2), numberWords(at: index - 2) == nil {
                let prefix = word(index - 2)
                if prefix != .mid && prefix != .early && prefix != .late && prefix != .pre && prefix != .post { return index + 1 }
            }
            // The area code of a phone number: "(555) 123-4567".
            if mark(index - 1) == .openParen, length == 3, mark(index + 1) == .closeParen, nextAttached, isPhoneNumber(at: index + 2) {
                return index + 5
            }
            // Phone numbers: "+7 701 …".
            if mark(index - 1) == .plus {
                var position = index
                while isNumber(position) { position += 1 }
                return position
            }
        }
        // Three or more groups joined by hyphens or slashes.
        if nextAttached {
            var position = index
            var groups = 1
            while isDash(position + 1) || mark(position + 1) == .slash, attached(position + 1), attached(position + 2), isNumber(position + 2) {
                groups += 1
                position += 2
            }
            if groups >= 3, singleDate(at: index) == nil { return position + 1 }
        }
        guard length <= 2 else { return nil }
        // Back-link numbers at the start of a reference: "1 2 3 4".
        if length == 1, bytes[token.start] == UInt8(ascii: "1"), index == range.lowerBound || !isNumber(index - 1) {
            var expected = 2
            var next = index + 1
            while plainInteger(next) == expected {
                expected += 1
                next += 1
            }
            if expected > 2 { return next }
        }
        guard let day = plainInteger(index), day <= 31 else { return nil }
        // A day and month with no year ("on 5 March") is a date we cannot place: not a count either.
        if day >= 1 {
            var position = index + 1
            if nextAttached, word(position)?.isOrdinalSuffix == true { position += 1 }
            if word(position) == .of { position += 1 }
            if let month = month(at: position), singleDate(at: index) == nil { return month.end }
        }
        // A month and day with no year ("June 4") is a date we cannot place: not a count either.
        if isWord(index - 1), month(at: index - 1) != nil, singleDate(at: index - 1) == nil {
            return index + 1
        }
        return nil
    }
}
