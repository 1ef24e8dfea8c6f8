import FactlintFigures
import Testing

/// A figure a test expects, written compactly: the text as written, its kind, its interval,
/// its qualifier, and the grain or unit where they matter.
///
/// Expectations are compared with recognised figures through a one-line rendering, so a
/// failing case prints both sides in full: `"about 70%" percent [63, 77] approximate`.
struct ExpectedFigure: Sendable, CustomStringConvertible {
    var text: String
    var kind: FigureKind
    var lower: Double
    var upper: Double
    var lowerIsClosed = true
    var upperIsClosed = true
    var qualifier: Qualifier = .exact
    var grain: DateGrain?
    var unit: String?

    var description: String {
        FigureRendering.line(
            text: text, kind: kind, lower: lower, upper: upper,
            lowerIsClosed: lowerIsClosed && lower.isFinite, upperIsClosed: upperIsClosed && upper.isFinite,
            qualifier: qualifier, grain: grain, unit: unit
        )
    }

    /// Which ends of the interval are open (infinite ends are always open).
    enum Ends: Sendable { case closed, openLower, openUpper, open }

    private static func make(
        _ text: String, _ kind: FigureKind, _ lower: Double, _ upper: Double?, _ qualifier: Qualifier,
        ends: Ends, grain: DateGrain? = nil, unit: String? = nil
    ) -> ExpectedFigure {
        ExpectedFigure(
            text: text, kind: kind, lower: lower, upper: upper ?? lower,
            lowerIsClosed: ends == .closed || ends == .openUpper,
            upperIsClosed: ends == .closed || ends == .openLower,
            qualifier: qualifier, grain: grain, unit: unit
        )
    }

    static func count(_ text: String, _ lower: Double, _ upper: Double? = nil, _ qualifier: Qualifier = .exact, ends: Ends = .closed) -> ExpectedFigure {
        make(text, .count, lower, upper, qualifier, ends: ends)
    }

    static func number(_ text: String, _ lower: Double, _ upper: Double? = nil, _ qualifier: Qualifier = .exact, ends: Ends = .closed) -> ExpectedFigure {
        make(text, .number, lower, upper, qualifier, ends: ends)
    }

    static func percent(_ text: String, _ lower: Double, _ upper: Double? = nil, _ qualifier: Qualifier = .exact, ends: Ends = .closed) -> ExpectedFigure {
        make(text, .percent, lower, upper, qualifier, ends: ends)
    }

    static func money(_ text: String, _ lower: Double, _ upper: Double? = nil, _ qualifier: Qualifier = .exact, unit: String, ends: Ends = .closed) -> ExpectedFigure {
        make(text, .money, lower, upper, qualifier, ends: ends, unit: unit)
    }

    /// A duration, in months.
    static func duration(_ text: String, _ lower: Double, _ upper: Double? = nil, _ qualifier: Qualifier = .exact, ends: Ends = .closed) -> ExpectedFigure {
        make(text, .duration, lower, upper, qualifier, ends: ends, unit: "months")
    }

    /// An age: kind number, unit "age".
    static func age(_ text: String, _ lower: Double, _ upper: Double? = nil, _ qualifier: Qualifier = .exact) -> ExpectedFigure {
        make(text, .number, lower, upper, qualifier, ends: .closed, unit: "age")
    }

    static func ordinal(_ text: String, _ value: Double) -> ExpectedFigure {
        make(text, .ordinal, value, value, .exact, ends: .closed)
    }

    /// A date from its first day to the day after its last: [from, to), as day numbers
    /// computed with `CalendarDate.dayNumber`.
    static func date(
        _ text: String, _ grain: DateGrain, from: (Int, Int, Int), to: (Int, Int, Int), _ qualifier: Qualifier = .exact
    ) -> ExpectedFigure {
        let lower = Double(CalendarDate.dayNumber(year: from.0, month: from.1, day: from.2))
        let upper = Double(CalendarDate.dayNumber(year: to.0, month: to.1, day: to.2))
        return make(text, .date, lower, upper, qualifier, ends: .openUpper, grain: grain)
    }
}

/// A sentence and every figure that must be read from it, in order.
struct ExtractionCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var expected: [ExpectedFigure]

    var testDescription: String { sentence }
}

func sentence(_ text: String, _ expected: ExpectedFigure...) -> ExtractionCase {
    ExtractionCase(sentence: text, expected: expected)
}

enum FigureRendering {
    /// A value rounded to four decimals, without a trailing ".0".
    static func format(_ value: Double) -> String {
        if value == .infinity { return "∞" }
        if value == -.infinity { return "-∞" }
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }

    static func line(
        text: String, kind: FigureKind, lower: Double, upper: Double, lowerIsClosed: Bool, upperIsClosed: Bool,
        qualifier: Qualifier, grain: DateGrain?, unit: String?
    ) -> String {
        let open = lowerIsClosed ? "[" : "("
        let close = upperIsClosed ? "]" : ")"
        var line = "\"\(text)\" \(kind.rawValue) \(open)\(format(lower)), \(format(upper))\(close) \(qualifier.rawValue)"
        if let grain { line += " grain=\(grain.rawValue)" }
        if let unit { line += " unit=\(unit)" }
        return line
    }

    /// A recognised figure in the same form as an `ExpectedFigure`, its text cut from `text` by its bytes.
    static func line(_ figure: Figure, in text: String) -> String {
        let bytes = Array(text.utf8)
        let written = figure.bytes.lowerBound >= 0 && figure.bytes.upperBound <= bytes.count
            ? String(decoding: bytes[figure.bytes], as: UTF8.self)
            : "<bytes \(figure.bytes) out of range>"
        return line(
            text: written, kind: figure.kind, lower: figure.value.lower, upper: figure.value.upper,
            lowerIsClosed: figure.value.lowerIsClosed, upperIsClosed: figure.value.upperIsClosed,
            qualifier: figure.qualifier, grain: figure.grain, unit: figure.unit
        )
    }
}

/// Reads `sentence` with the default recogniser and checks it yields exactly the expected figures.
func expectFigures(_ testCase: ExtractionCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let figures = FigureRecognizer().figures(in: testCase.sentence)
    let actual = figures.map { FigureRendering.line($0, in: testCase.sentence) }
    let expected = testCase.expected.map(\.description)
    #expect(actual == expected, "in: \(testCase.sentence)", sourceLocation: sourceLocation)
}
