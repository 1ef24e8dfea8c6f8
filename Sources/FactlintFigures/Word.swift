/// The words the figure recogniser knows, as an enumeration so the scanner compares small
/// integers instead of bytes. A token is looked up once, by a hash of its lowercase bytes.
enum Word: UInt16, CaseIterable, Sendable {
    // Numbers.
    case zero, one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve
    case thirteen, fourteen, fifteen, sixteen, seventeen, eighteen, nineteen
    case twenty, thirty, forty, fifty, sixty, seventy, eighty, ninety
    case hundred, thousand, million, billion, trillion, dozen
    case hundreds, thousands, millions, billions, dozens, tens, mln, bn, mn, tn, k, m, b
    // Ordinals and fractions.
    case first, second, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth
    case thirteenth, fourteenth, fifteenth, sixteenth, seventeenth, eighteenth, nineteenth, twentieth
    case thirtieth, fortieth, fiftieth, sixtieth, seventieth, eightieth, ninetieth, hundredth, thousandth
    case st, nd, rd, th
    case half, halves, thirds, quarter, quarters, fourths, fifths, sixths, sevenths, eighths, ninths, tenths
    // Calendar.
    case january, february, march, april, may, june, july, august, september, october, november, december
    case jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec
    case year, years, yr, yrs, month, months, week, weeks, day, days, decade, decades, hour, hours, hrs, minutes, mins
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    case spring, summer, autumn, fall, winter, end, beginning, start, middle
    case am, pm, once, twice, times
    case old, olds, aged, age, ages
    // Percentages and money.
    case percent, pct, per, cent, percentage, points, point
    case dollar, dollars, euro, euros, pound, pounds, tenge, ruble, rubles, rouble, roubles, som, soms, somoni
    case hryvnia, lari, lira, rupee, rupees, baht, peso, pesos, naira, cedi, cedis, rand, yuan, yen, dinar, dinars, manat, dram
    case usd, eur, gbp, kzt, rub, uzs, kgs, tjs, uah, thb, ngn, ghs, inr, chf, us
    case jpy, cny, aud, cad, mxn, zar, brl, idr, pkr, bdt, npr, kes, aed, sar, gel, amd, azn, php, myr, sgd, hkd, nzd, lkr, egp
    case rs, hk, nz, r, cents
    // Qualifiers and connectives.
    case about, around, approximately, approx, roughly, circa, estimated, nearly, almost, over, above, exceeding
    case under, below, more, than, greater, excess, of, upwards, well, just, at, least, no, fewer, less, not
    case much, little, high, low, so, plus, higher, young
    case a, an, minimum, maximum, total, up, to, most, close, short, some
    case between, and, or, from, ranging, ranged, through, until, till, respectively
    // Words around years.
    case since, during, by, before, after, early, late, mid, pre, post, throughout, on, into, within, c, fy
    case the, its, their, this, that, his, her, s
    case `in`, `for`, `as`
    // Words after which numbers name things: "Article 128", "Tier 2".
    case article, articles, art, arts, section, sections, sec, chapter, chapters, tier, tiers, paragraph, paragraphs
    case para, part, parts, nos, number, law, decree, decrees, resolution, resolutions, order, page, pages, p, pp
    case item, items, annex, clause, clauses, rule, volume, vol, edition, step, level, phase, grade, figure, fig
    case table, version, v, room, box, route, highway, code, act, bill, `protocol`, subparagraph, line, lines
    case appendix, schedule, ordinance, directive, regulation, sub, category, covid, sars, model, flight
    case block, building, apartment, suite, district, convention, conventions, recommendation, target, goal, goals
    case sdg, sdgs, indicator, objective, recital, standard, cases, decision
    case `case`, `class`
    // Words that show "one" is a pronoun, not a count.
    case another, way, thing, hand, such, time, few, many, main, largest, biggest, worst, best, key, major
    case primary, leading, top, any, every, each, which, someone, anyone, must, should, can, could, might
    case would, will, off, only, other, last, several
    // Words that end a clause after an age threshold: "under 18 when".
    case when, who, `while`

    /// The word of a token, or nil if the recogniser does not know it.
    static func lookup(_ bytes: [UInt8], _ range: Range<Int>) -> Word? {
        WordTable.shared.lookup(bytes, range)
    }

    /// The word as written in lowercase.
    var spelling: String { WordTable.spellings[Int(rawValue)] }
}

/// An open-addressing hash table from the hash of a lowercase word to its `Word`.
struct WordTable: Sendable {
    static let shared = WordTable()
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let hashPrime: UInt64 = 0x100_0000_01b3

    /// Every word's spelling, in the order of the cases: spelled out, as naming a case with
    /// `String(describing:)` costs a reflection per case (a millisecond at start-up for all of
    /// them), and split as bytes (splitting the text as characters cost a quarter of a millisecond).
    static let spellings: [String] = {
        let spellings = """
            zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
            sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
            thousand million billion trillion dozen hundreds thousands millions billions dozens tens mln bn mn
            tn k m b first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
            thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth
            fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth st nd rd th half
            halves thirds quarter quarters fourths fifths sixths sevenths eighths ninths tenths january
            february march april may june july august september october november december jan feb mar apr jun
            jul aug sep sept oct nov dec year years yr yrs month months week weeks day days decade decades hour
            hours hrs minutes mins monday tuesday wednesday thursday friday saturday sunday spring summer
            autumn fall winter end beginning start middle am pm once twice times old olds aged age ages percent
            pct per cent percentage points point dollar dollars euro euros pound pounds tenge ruble rubles
            rouble roubles som soms somoni hryvnia lari lira rupee rupees baht peso pesos naira cedi cedis rand
            yuan yen dinar dinars manat dram usd eur gbp kzt rub uzs kgs tjs uah thb ngn ghs inr chf us jpy cny
            aud cad mxn zar brl idr pkr bdt npr kes aed sar gel amd azn php myr sgd hkd nzd lkr egp rs hk nz r
            cents about around approximately approx roughly circa estimated nearly almost over above exceeding
            under below more than greater excess of upwards well just at least no fewer less not much little
            high low so plus higher young a an minimum maximum total up to most close short some between and or
            from ranging ranged through until till respectively since during by before after early late mid pre
            post throughout on into within c fy the its their this that his her s in for as article articles
            art arts section sections sec chapter chapters tier tiers paragraph paragraphs para part parts nos
            number law decree decrees resolution resolutions order page pages p pp item items annex clause
            clauses rule volume vol edition step level phase grade figure fig table version v room box route
            highway code act bill protocol subparagraph line lines appendix schedule ordinance directive
            regulation sub category covid sars model flight block building apartment suite district convention
            conventions recommendation target goal goals sdg sdgs indicator objective recital standard cases
            decision case class another way thing hand such time few many main largest biggest worst best key
            major primary leading top any every each which someone anyone must should can could might would
            will off only other last several when who while
            """.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }).map { String(decoding: $0, as: UTF8.self) }
        assert(spellings == Word.allCases.map { String(describing: $0) }, "Word spellings out of step with the cases")
        return spellings
    }()

    let maximumLength: Int
    private let hashes: [UInt64]
    private let words: [UInt16]
    /// Every spelling, one after another; `spellingStarts[raw] ..< spellingStarts[raw + 1]` is one word's.
    private let spellingBytes: [UInt8]
    private let spellingStarts: [Int32]
    private let mask: Int

    init() {
        let size = 2048
        var hashes = [UInt64](repeating: 0, count: size)
        var words = [UInt16](repeating: 0, count: size)
        var spellingBytes: [UInt8] = []
        var spellingStarts: [Int32] = []
        var maximumLength = 0
        for word in Word.allCases {
            let spelling = Array(word.spelling.utf8)
            spellingStarts.append(Int32(spellingBytes.count))
            spellingBytes.append(contentsOf: spelling)
            maximumLength = max(maximumLength, spelling.count)
            var hash = WordTable.hashSeed
            for byte in spelling { hash = (hash ^ UInt64(byte)) &* WordTable.hashPrime }
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while hashes[slot] != 0 { slot = (slot + 1) & (size - 1) }
            hashes[slot] = hash
            words[slot] = word.rawValue
        }
        spellingStarts.append(Int32(spellingBytes.count))
        self.hashes = hashes
        self.words = words
        self.spellingBytes = spellingBytes
        self.spellingStarts = spellingStarts
        mask = size - 1
        self.maximumLength = maximumLength
    }

    /// The word of a token, or nil if the recogniser does not know it.
    ///
    /// - Complexity: O(k) in the token's length, without allocating: a hash of the lowercase
    ///   bytes, a probe of the table, and a byte comparison to rule out collisions.
    @inline(__always)
    func lookup<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ range: Range<Int>) -> Word? where Bytes.Element == UInt8, Bytes.Index == Int {
        let length = range.count
        guard length > 0, length <= maximumLength else { return nil }
        var hash = WordTable.hashSeed
        for index in range {
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            hash = (hash ^ UInt64(ByteText.lowercased(byte))) &* WordTable.hashPrime
        }
        return lookup(hash: hash, bytes, range)
    }

    /// The word whose lowercase bytes hash to `hash` (FNV-1a, as `hashSeed` and `hashPrime`), checked against `bytes[range]`.
    @inline(__always)
    func lookup<Bytes: RandomAccessCollection>(hash: UInt64, _ bytes: Bytes, _ range: Range<Int>) -> Word? where Bytes.Element == UInt8, Bytes.Index == Int {
        let length = range.count
        guard length > 0, length <= maximumLength else { return nil }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash {
                // A word is known by its 64-bit hash and its length, without comparing bytes: a
                // false match needs an FNV-1a collision with one of a few hundred entries, which
                // ordinary text does not produce (a contrived one could only misread one word).
                let raw = words[slot]
                let first = Int(spellingStarts[Int(raw)])
                guard Int(spellingStarts[Int(raw) + 1]) - first == length else { return nil }
                return unsafeBitCast(raw, to: Word.self)
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

}
