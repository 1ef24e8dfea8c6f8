/// The words the recogniser knows, as lowercase UTF-8 byte strings keyed for fast lookup.
enum Lexicon {
    static func table<Value>(_ entries: [(String, Value)]) -> [[UInt8]: Value] {
        var table: [[UInt8]: Value] = [:]
        for (word, value) in entries { table[Array(word.utf8)] = value }
        return table
    }

    static func set(_ words: [String]) -> Set<[UInt8]> {
        Set(words.map { Array($0.utf8) })
    }

    /// "zero" … "nineteen".
    static let units: [[UInt8]: Int] = table([
        ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
        ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12),
        ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17),
        ("eighteen", 18), ("nineteen", 19),
    ])

    static let tens: [[UInt8]: Int] = table([
        ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60),
        ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ])

    /// Words that multiply what comes before them.
    static let scales: [[UInt8]: Double] = table([
        ("hundred", 100), ("thousand", 1_000), ("million", 1_000_000), ("billion", 1_000_000_000),
        ("trillion", 1_000_000_000_000),
    ])

    /// Scale abbreviations written after digits: "1.5m", "37 mln", "2 bn".
    static let scaleAbbreviations: [[UInt8]: Double] = table([
        ("mln", 1_000_000), ("bn", 1_000_000_000), ("mn", 1_000_000), ("k", 1_000),
    ])

    static let ordinalWords: [[UInt8]: Int] = table([
        ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6),
        ("seventh", 7), ("eighth", 8), ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12),
        ("thirteenth", 13), ("fourteenth", 14), ("fifteenth", 15), ("sixteenth", 16),
        ("seventeenth", 17), ("eighteenth", 18), ("nineteenth", 19), ("twentieth", 20),
        ("thirtieth", 30), ("fortieth", 40), ("fiftieth", 50), ("hundredth", 100),
    ])

    static let ordinalSuffixes = set(["st", "nd", "rd", "th"])

    static let months: [[UInt8]: Int] = table([
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
        ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
        ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ])

    /// Duration units, in months.
    static let durationUnits: [[UInt8]: Double] = table([
        ("year", 12), ("years", 12), ("yr", 12), ("yrs", 12),
        ("month", 1), ("months", 1),
        ("week", 7 / 30.436875), ("weeks", 7 / 30.436875),
        ("day", 1 / 30.436875), ("days", 1 / 30.436875),
        ("decade", 120), ("decades", 120),
    ])

    /// Currency words written after the amount, with their codes.
    static let currencyWords: [[UInt8]: String] = table([
        ("dollar", "USD"), ("dollars", "USD"), ("euro", "EUR"), ("euros", "EUR"),
        ("pound", "GBP"), ("pounds", "GBP"), ("tenge", "KZT"), ("ruble", "RUB"), ("rubles", "RUB"),
        ("roubles", "RUB"), ("rouble", "RUB"), ("som", "KGS"), ("soms", "KGS"), ("somoni", "TJS"),
        ("sum", "UZS"), ("hryvnia", "UAH"), ("lari", "GEL"), ("lira", "TRY"), ("rupees", "INR"),
        ("baht", "THB"), ("pesos", "MXN"), ("naira", "NGN"), ("cedi", "GHS"), ("cedis", "GHS"),
    ])

    /// Currency codes written before or after the amount.
    static let currencyCodes: [[UInt8]: String] = table([
        ("usd", "USD"), ("eur", "EUR"), ("gbp", "GBP"), ("kzt", "KZT"), ("rub", "RUB"),
        ("uzs", "UZS"), ("kgs", "KGS"), ("tjs", "TJS"), ("uah", "UAH"), ("thb", "THB"),
        ("ngn", "NGN"), ("ghs", "GHS"), ("inr", "INR"), ("try", "TRY"), ("chf", "CHF"),
    ])

    /// Words after which numbers name things rather than count them: "Article 128", "Tier 2".
    static let designators = set([
        "article", "articles", "art", "arts", "section", "sections", "sec", "chapter", "chapters",
        "tier", "tiers", "paragraph", "paragraphs", "para", "part", "parts", "no", "nos", "number",
        "law", "decree", "resolution", "order", "case", "page", "pages", "p", "pp", "item", "items",
        "annex", "clause", "clauses", "rule", "volume", "vol", "edition", "step", "level", "phase",
        "grade", "figure", "fig", "table", "version", "v", "room", "box", "route", "highway",
        "code", "act", "bill", "protocol", "point", "points", "subparagraph", "line", "lines",
        "appendix", "schedule", "ordinance", "directive", "regulation", "sub", "category", "class",
        "covid", "sars", "model", "flight", "unit", "block", "building", "apartment", "suite", "district",
    ])

    /// Prepositions and adverbs before a year that make it a date: "in 2007", "since 2006".
    static let yearLeads = set([
        "in", "since", "during", "by", "until", "till", "before", "after", "from", "to", "through",
        "of", "between", "and", "or", "early", "late", "mid", "throughout", "for", "circa", "c",
        "year", "fy", "as", "around", "about", "than", "over", "on", "till", "into", "within",
    ])

    /// Words that follow "one" when it is not a count: "one of the most", "one another".
    static let oneNonCountFollowers = set([
        "another", "day", "way", "thing", "hand", "such", "time",
    ])

    static let superlativeLeads = set(["most", "least", "few", "many", "main", "largest", "biggest", "first", "worst", "best", "key", "major", "primary", "leading", "top"])

    /// Words before "one" that make it a pronoun: "no one", "the one".
    static let oneNonCountLeads = set(["no", "any", "every", "each", "this", "that", "the", "which", "someone", "anyone"])

    /// Single-word qualifiers before a figure.
    static let qualifierWords: [[UInt8]: Qualifier] = table([
        ("about", .approximate), ("around", .approximate), ("approximately", .approximate),
        ("approx", .approximate), ("roughly", .approximate), ("some", .approximate),
        ("circa", .approximate), ("estimated", .approximate), ("nearly", .nearly),
        ("almost", .nearly), ("over", .moreThan), ("above", .moreThan), ("exceeding", .moreThan),
        ("under", .lessThan), ("below", .lessThan),
    ])

    /// Multi-word qualifiers, as sequences of lowercase words.
    static let qualifierPhrases: [([[UInt8]], Qualifier)] = [
        (["more", "than"], .moreThan), (["greater", "than"], .moreThan), (["in", "excess", "of"], .moreThan),
        (["upwards", "of"], .moreThan), (["well", "over"], .moreThan), (["just", "over"], .moreThan),
        (["at", "least"], .atLeast), (["no", "fewer", "than"], .atLeast), (["no", "less", "than"], .atLeast),
        (["not", "less", "than"], .atLeast), (["a", "minimum", "of"], .atLeast), (["a", "total", "of", "at", "least"], .atLeast),
        (["up", "to"], .atMost), (["at", "most"], .atMost), (["no", "more", "than"], .atMost),
        (["not", "more", "than"], .atMost), (["a", "maximum", "of"], .atMost),
        (["fewer", "than"], .lessThan), (["less", "than"], .lessThan), (["just", "under"], .lessThan),
        (["close", "to"], .nearly), (["just", "short", "of"], .nearly), (["an", "estimated"], .approximate),
        (["approximately"], .approximate),
    ].map { words, qualifier in (words.map { Array($0.utf8) }, qualifier) }
}
