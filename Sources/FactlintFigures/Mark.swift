/// The punctuation marks and symbols the recogniser reads.
enum Mark: UInt8, Sendable {
    case comma, period, hyphen, dash, apostrophe, quote, percent, dollar, euro, pound
    case openBracket, closeBracket, openParen, closeParen, caret, upArrow, colon, semicolon, slash, plus
    // Currency signs other than $, € and £.
    case yen, rupee, ruble, tenge, naira, hryvnia, lira, won, peso

    /// Whether the mark is a currency sign.
    var isCurrency: Bool {
        switch self {
        case .dollar, .euro, .pound, .yen, .rupee, .ruble, .tenge, .naira, .hryvnia, .lira, .won, .peso: return true
        default: return false
        }
    }

    /// The currency a sign names, for signs written before or after an amount.
    var currency: String? {
        switch self {
        case .dollar: return "USD"
        case .euro: return "EUR"
        case .pound: return "GBP"
        case .yen: return "JPY"
        case .rupee: return "INR"
        case .ruble: return "RUB"
        case .tenge: return "KZT"
        case .naira: return "NGN"
        case .hryvnia: return "UAH"
        case .lira: return "TRY"
        case .won: return "KRW"
        case .peso: return "PHP"
        default: return nil
        }
    }

    /// The mark of a punctuation token, or nil for any other symbol.
    @inline(__always)
    static func lookup<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ range: Range<Int>) -> Mark? where Bytes.Element == UInt8, Bytes.Index == Int {
        let first = bytes[range.lowerBound]
        if range.count == 1 {
            switch first {
            case UInt8(ascii: ","): return .comma
            case UInt8(ascii: "."): return .period
            case UInt8(ascii: "-"): return .hyphen
            case UInt8(ascii: "'"): return .apostrophe
            case UInt8(ascii: "\""): return .quote
            case UInt8(ascii: "%"): return .percent
            case UInt8(ascii: "$"): return .dollar
            case UInt8(ascii: "["): return .openBracket
            case UInt8(ascii: "]"): return .closeBracket
            case UInt8(ascii: "("): return .openParen
            case UInt8(ascii: ")"): return .closeParen
            case UInt8(ascii: "^"): return .caret
            case UInt8(ascii: ":"): return .colon
            case UInt8(ascii: ";"): return .semicolon
            case UInt8(ascii: "/"): return .slash
            case UInt8(ascii: "+"): return .plus
            default: return nil
            }
        }
        if range.count == 2, first == 0xC2 {
            switch bytes[range.lowerBound + 1] {
            case 0xA3: return .pound
            case 0xA5: return .yen
            default: return nil
            }
        }
        guard range.count == 3, first == 0xE2 else { return nil }
        let second = bytes[range.lowerBound + 1]
        let third = bytes[range.lowerBound + 2]
        switch (second, third) {
        case (0x80, 0x93), (0x80, 0x94), (0x80, 0x91), (0x80, 0x92): return .dash  // – — ‑ ‒
        case (0x80, 0x98), (0x80, 0x99): return .apostrophe  // ‘ ’
        case (0x80, 0x9C), (0x80, 0x9D), (0x80, 0x9E): return .quote  // “ ” „
        case (0x82, 0xAC): return .euro
        case (0x82, 0xB9): return .rupee
        case (0x82, 0xBD): return .ruble
        case (0x82, 0xB8): return .tenge
        case (0x82, 0xA6): return .naira
        case (0x82, 0xB4): return .hryvnia
        case (0x82, 0xBA): return .lira
        case (0x82, 0xA9): return .won
        case (0x82, 0xB1): return .peso
        case (0x88, 0x92): return .dash  // − minus sign
        case (0x86, 0x91): return .upArrow
        default: return nil
        }
    }
}
