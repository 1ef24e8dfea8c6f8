/// What each known word means to the recogniser.
extension Word {
    /// By token code (a word's raw value plus one; 0 for an unknown word): whether a figure, or
    /// text that only looks like one, can start at the word. Most words of prose cannot, and the
    /// scanner passes over them without trying anything.
    static let mayStartByCode: [Bool] = [false] + Word.allCases.map { word in
        word.canStartFigure || word.isDesignator || word.isVagueQuantity || word == .several || word == .many || word == .few
    }

    /// Whether a figure can begin with this word: a number, an ordinal, a month, a qualifier,
    /// a currency code, or a word that opens a range ("between", "from").
    var canStartFigure: Bool {
        if unitValue != nil || tensValue != nil || ordinalValue != nil || monthNumber != nil || qualifier != nil || currencyCode != nil {
            return true
        }
        switch self {
        case .a, .an, .hundred, .dozen, .more, .greater, .well, .just, .upwards, .in, .at, .no, .not, .up, .fewer, .less,
             .close, .between, .from, .ranging, .ranged, .us, .half, .as, .rs, .hk, .nz, .r, .end, .beginning, .start,
             .middle, .early, .late, .mid, .spring, .summer, .autumn, .fall, .winter, .fy, .monday, .tuesday, .wednesday,
             .thursday, .friday, .saturday, .sunday:
            return true
        default:
            return false
        }
    }

    /// "zero" … "nineteen".
    var unitValue: Int? {
        switch self {
        case .zero: return 0
        case .one: return 1
        case .two: return 2
        case .three: return 3
        case .four: return 4
        case .five: return 5
        case .six: return 6
        case .seven: return 7
        case .eight: return 8
        case .nine: return 9
        case .ten: return 10
        case .eleven: return 11
        case .twelve: return 12
        case .thirteen: return 13
        case .fourteen: return 14
        case .fifteen: return 15
        case .sixteen: return 16
        case .seventeen: return 17
        case .eighteen: return 18
        case .nineteen: return 19
        default: return nil
        }
    }

    var tensValue: Int? {
        switch self {
        case .twenty: return 20
        case .thirty: return 30
        case .forty: return 40
        case .fifty: return 50
        case .sixty: return 60
        case .seventy: return 70
        case .eighty: return 80
        case .ninety: return 90
        default: return nil
        }
    }

    /// Multipliers written after a number: "1.5 million".
    var scaleValue: Double? {
        switch self {
        case .thousand: return 1_000
        case .million, .mln, .mn: return 1_000_000
        case .billion, .bn: return 1_000_000_000
        case .trillion, .tn: return 1_000_000_000_000
        default: return nil
        }
    }

    /// Plural scales say "many", not a number: "thousands of", "hundreds of".
    var isVagueQuantity: Bool {
        switch self {
        case .hundreds, .thousands, .millions, .billions, .dozens, .tens: return true
        default: return false
        }
    }

    var ordinalValue: Int? {
        switch self {
        case .first: return 1
        case .second: return 2
        case .third: return 3
        case .fourth: return 4
        case .fifth: return 5
        case .sixth: return 6
        case .seventh: return 7
        case .eighth: return 8
        case .ninth: return 9
        case .tenth: return 10
        case .eleventh: return 11
        case .twelfth: return 12
        case .thirteenth: return 13
        case .fourteenth: return 14
        case .fifteenth: return 15
        case .sixteenth: return 16
        case .seventeenth: return 17
        case .eighteenth: return 18
        case .nineteenth: return 19
        case .twentieth: return 20
        case .thirtieth: return 30
        case .fortieth: return 40
        case .fiftieth: return 50
        case .sixtieth: return 60
        case .seventieth: return 70
        case .eightieth: return 80
        case .ninetieth: return 90
        case .hundredth: return 100
        case .thousandth: return 1_000
        default: return nil
        }
    }

    var isOrdinalSuffix: Bool { self == .st || self == .nd || self == .rd || self == .th }

    /// "thirds", "a quarter", "half": the word makes the number before it a fraction.
    var isFraction: Bool {
        switch self {
        case .half, .halves, .thirds, .quarter, .quarters, .fourths, .fifths, .sixths, .sevenths, .eighths, .ninths, .tenths:
            return true
        default:
            return false
        }
    }

    var monthNumber: Int? {
        switch self {
        case .january, .jan: return 1
        case .february, .feb: return 2
        case .march, .mar: return 3
        case .april, .apr: return 4
        case .may: return 5
        case .june, .jun: return 6
        case .july, .jul: return 7
        case .august, .aug: return 8
        case .september, .sep, .sept: return 9
        case .october, .oct: return 10
        case .november, .nov: return 11
        case .december, .dec: return 12
        default: return nil
        }
    }

    /// Months per unit of a duration word.
    var durationMonths: Double? {
        switch self {
        case .year, .years, .yr, .yrs: return 12
        case .month, .months: return 1
        case .week, .weeks: return 7 / 30.436875
        case .day, .days: return 1 / 30.436875
        case .decade, .decades: return 120
        case .hour, .hours, .hrs: return 1 / (30.436875 * 24)
        case .minutes, .mins: return 1 / (30.436875 * 24 * 60)
        default: return nil
        }
    }

    /// Letters glued to an amount that scale it, read only beside a currency: "$5k", "€1.2m", "$3b".
    var letterScale: Double? {
        switch self {
        case .k: return 1_000
        case .m: return 1_000_000
        case .b: return 1_000_000_000
        default: return nil
        }
    }

    var isWeekday: Bool {
        switch self {
        case .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday: return true
        default: return false
        }
    }

    /// The months a season covers, as (first month, months), in the northern hemisphere's
    /// meteorological reckoning; winter straddles two years and is read wide.
    var season: (first: Int, months: Int)? {
        switch self {
        case .spring: return (3, 3)
        case .summer: return (6, 3)
        case .autumn, .fall: return (9, 3)
        case .winter: return (12, 3)
        default: return nil
        }
    }

    /// Plural units of time: "a years" is no duration.
    var isPlural: Bool {
        switch self {
        case .years, .yrs, .months, .weeks, .days, .decades, .hours, .hrs, .minutes, .mins: return true
        default: return false
        }
    }

    var isYearUnit: Bool { self == .year || self == .years || self == .yr || self == .yrs }

    /// The currency a word written after an amount names: "12,500 dollars", "1 billion tenge".
    var currencyWord: String? {
        switch self {
        case .dollar, .dollars: return "USD"
        case .euro, .euros: return "EUR"
        case .pound, .pounds: return "GBP"
        case .tenge: return "KZT"
        case .ruble, .rubles, .rouble, .roubles: return "RUB"
        case .som, .soms: return "KGS"
        case .somoni: return "TJS"
        case .hryvnia: return "UAH"
        case .lari: return "GEL"
        case .lira: return "TRY"
        case .rupee, .rupees: return "INR"
        case .baht: return "THB"
        case .peso, .pesos: return "MXN"
        case .naira: return "NGN"
        case .cedi, .cedis: return "GHS"
        case .rand: return "ZAR"
        case .yuan: return "CNY"
        case .yen: return "JPY"
        case .dinar, .dinars: return "DZD"
        case .manat: return "AZN"
        case .dram: return "AMD"
        default: return nil
        }
    }

    /// Currency codes, counted only when written in capitals.
    var currencyCode: String? {
        switch self {
        case .usd: return "USD"
        case .eur: return "EUR"
        case .gbp: return "GBP"
        case .kzt: return "KZT"
        case .rub: return "RUB"
        case .uzs: return "UZS"
        case .kgs: return "KGS"
        case .tjs: return "TJS"
        case .uah: return "UAH"
        case .thb: return "THB"
        case .ngn: return "NGN"
        case .ghs: return "GHS"
        case .inr: return "INR"
        case .chf: return "CHF"
        case .jpy: return "JPY"
        case .cny: return "CNY"
        case .aud: return "AUD"
        case .cad: return "CAD"
        case .mxn: return "MXN"
        case .zar: return "ZAR"
        case .brl: return "BRL"
        case .idr: return "IDR"
        case .pkr: return "PKR"
        case .bdt: return "BDT"
        case .npr: return "NPR"
        case .kes: return "KES"
        case .aed: return "AED"
        case .sar: return "SAR"
        case .gel: return "GEL"
        case .amd: return "AMD"
        case .azn: return "AZN"
        case .php: return "PHP"
        case .myr: return "MYR"
        case .sgd: return "SGD"
        case .hkd: return "HKD"
        case .nzd: return "NZD"
        case .lkr: return "LKR"
        case .egp: return "EGP"
        default: return nil
        }
    }

    /// Words after which a number names something rather than counting it.
    var isDesignator: Bool {
        switch self {
        case .article, .articles, .art, .arts, .section, .sections, .sec, .chapter, .chapters, .tier, .tiers,
             .paragraph, .paragraphs, .para, .part, .parts, .no, .nos, .number, .law, .decree, .decrees, .resolution,
             .resolutions, .order, .page, .pages, .p, .pp, .item, .items, .annex, .clause, .clauses, .rule, .volume,
             .vol, .edition, .step, .level, .phase, .grade, .figure, .fig, .table, .version, .v, .room, .box, .route,
             .highway, .code, .act, .bill, .protocol, .subparagraph, .line, .lines, .appendix, .schedule, .ordinance,
             .directive, .regulation, .sub, .category, .covid, .sars, .model, .flight, .block, .building, .apartment,
             .suite, .district, .convention, .conventions, .recommendation, .target, .goal, .goals, .sdg, .sdgs,
             .indicator, .objective, .recital, .standard, .case, .class, .point, .decision:
            return true
        default:
            return false
        }
    }

    /// Plural designators take a list: "Articles 128, 133 and 270".
    var isPluralDesignator: Bool {
        switch self {
        case .articles, .arts, .sections, .chapters, .tiers, .paragraphs, .parts, .nos, .pages, .pp, .items, .clauses,
             .lines, .decrees, .resolutions, .conventions, .goals, .sdgs, .cases:
            return true
        default:
            return false
        }
    }

    /// Common words that designate only when capitalised or abbreviated: "No. 5", "Part 2", not "part 2 of".
    var designatesOnlyWhenCapitalized: Bool {
        switch self {
        case .no, .part, .number, .case, .order, .point, .line, .step, .level, .table, .figure, .box, .block, .code,
             .act, .bill, .rule, .item, .target, .goal, .standard, .class, .category, .model, .phase, .grade, .v, .p, .decision:
            return true
        default:
            return false
        }
    }

    /// Words before a year that make a bare four-digit number a date: "in 2007", "since 2006".
    var isYearLead: Bool {
        switch self {
        case .in, .since, .during, .by, .until, .till, .before, .after, .from, .to, .through, .of, .between, .and,
             .or, .early, .late, .mid, .throughout, .for, .circa, .c, .year, .fy, .as, .around, .about, .than,
             .over, .on, .into, .within, .the, .its, .their, .this, .that, .a, .an, .his, .her, .pre, .post:
            return true
        default:
            return false
        }
    }

    /// Single-word qualifiers written before a figure.
    var qualifier: Qualifier? {
        switch self {
        case .about, .around, .approximately, .approx, .roughly, .some, .circa, .estimated: return .approximate
        case .nearly, .almost: return .nearly
        case .over, .above, .exceeding: return .moreThan
        case .under, .below: return .lessThan
        default: return nil
        }
    }
}
