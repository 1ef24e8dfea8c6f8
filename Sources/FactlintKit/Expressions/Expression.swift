import FactlintFigures

/// A small, safe expression over named facts: arithmetic, comparisons, and `sum`, `count`,
/// `min`, `max` over all the values of a fact. No loops, no I/O, no names but the facts.
indirect enum Expression: Sendable {
    case number(Double)
    case fact(String, offset: Int)
    case negate(Expression)
    case binary(Operator, Expression, Expression)
    case compare(ComparisonOperator, Expression, Expression)
    case call(Function, String, offset: Int)

    enum Operator: Character, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/" }
    enum Function: String, Sendable, CaseIterable { case sum, count, min, max }

    /// The fact names the expression uses.
    var facts: [(name: String, offset: Int)] {
        switch self {
        case .number: return []
        case .fact(let name, let offset): return [(name, offset)]
        case .negate(let inner): return inner.facts
        case .binary(_, let left, let right), .compare(_, let left, let right): return left.facts + right.facts
        case .call(_, let name, let offset): return [(name, offset)]
        }
    }

    /// Where the first call of a function starts, if any.
    var firstCall: Int? {
        switch self {
        case .number, .fact: return nil
        case .negate(let inner): return inner.firstCall
        case .binary(_, let left, let right), .compare(_, let left, let right): return left.firstCall ?? right.firstCall
        case .call(_, _, let offset): return offset
        }
    }

    /// The one name the expression is, when it is nothing more.
    var name: String? {
        if case .fact(let name, _) = self { return name }
        return nil
    }

    /// The interval the expression allows, or nil when it cannot be decided: `figures` gives
    /// each name's figures (by index in `document.figures`), and `used` gathers those read.
    /// A name used on its own must have exactly one figure; `sum`, `count`, `min` and `max`
    /// take all of them.
    func interval(in document: Document, figures: (String) -> [Int]?, used: inout [Int]) -> Interval? {
        switch self {
        case .number(let value):
            return .exactly(value)
        case .fact(let name, _):
            guard let named = figures(name), named.count == 1 else { return nil }
            used.append(named[0])
            return document.figures[named[0]].value
        case .negate(let inner):
            guard let value = inner.interval(in: document, figures: figures, used: &used) else { return nil }
            return Interval(lower: -value.upper, upper: -value.lower, lowerIsClosed: value.upperIsClosed, upperIsClosed: value.lowerIsClosed)
        case .binary(let op, let left, let right):
            guard let a = left.interval(in: document, figures: figures, used: &used),
                  let b = right.interval(in: document, figures: figures, used: &used) else { return nil }
            return Expression.apply(op, a, b)
        case .compare:
            return nil
        case .call(let function, let name, _):
            let named = figures(name) ?? []
            if function == .count { return .exactly(Double(named.count)) }
            guard !named.isEmpty else { return nil }
            used.append(contentsOf: named)
            let intervals = named.map { document.figures[$0].value }
            switch function {
            case .sum: return intervals.reduce(Interval.exactly(0), +)
            case .min: return Interval(lower: intervals.map(\.lower).min() ?? 0, upper: intervals.map(\.upper).min() ?? 0)
            case .max: return Interval(lower: intervals.map(\.lower).max() ?? 0, upper: intervals.map(\.upper).max() ?? 0)
            case .count: return nil
            }
        }
    }

    /// Interval arithmetic; division by an interval that holds zero cannot be decided.
    static func apply(_ op: Operator, _ a: Interval, _ b: Interval) -> Interval? {
        switch op {
        case .add:
            return a + b
        case .subtract:
            return Interval(lower: a.lower - b.upper, upper: a.upper - b.lower)
        case .multiply:
            let products = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper].filter { !$0.isNaN }
            guard let low = products.min(), let high = products.max() else { return nil }
            return Interval(lower: low, upper: high)
        case .divide:
            guard !b.contains(0), b.lower.isFinite || b.upper.isFinite else { return nil }
            let quotients = [a.lower / b.lower, a.lower / b.upper, a.upper / b.lower, a.upper / b.upper].filter { !$0.isNaN }
            guard let low = quotients.min(), let high = quotients.max() else { return nil }
            return Interval(lower: low, upper: high)
        }
    }
}

/// A mistake in an expression, at a character offset within it.
struct ExpressionError: Error, Equatable {
    var offset: Int
    var message: String
}

/// Reads `sheltered <= victims`, `sum(parts) == total`, `convicted / prosecuted * 100 >= 10`.
struct ExpressionParser {
    let characters: [Character]
    var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    static func parse(_ text: String) throws -> Expression {
        var parser = ExpressionParser(text)
        let expression = try parser.comparison()
        try parser.requireEnd()
        guard case .compare = expression else {
            throw ExpressionError(offset: 0, message: "an expectation must compare, as in 'sheltered <= victims'")
        }
        return expression
    }

    /// Reads arithmetic with no comparison, over names only: one side of a `compare` rule,
    /// such as `after - before`.
    static func parseArithmetic(_ text: String) throws -> Expression {
        var parser = ExpressionParser(text)
        let expression = try parser.additive()
        try parser.requireEnd()
        if let call = expression.firstCall {
            throw ExpressionError(offset: call, message: "sum, count, min and max take a fact's values; here a side is arithmetic over the template's slots")
        }
        return expression
    }

    mutating func requireEnd() throws {
        skipSpaces()
        if position < characters.count {
            throw ExpressionError(offset: position, message: "unexpected '\(characters[position])'")
        }
    }

    mutating func skipSpaces() {
        while position < characters.count, characters[position] == " " || characters[position] == "\t" { position += 1 }
    }

    mutating func comparison() throws -> Expression {
        let left = try additive()
        skipSpaces()
        for op in ["<=", ">=", "==", "!=", "<", ">"] {
            let symbol = Array(op)
            if position + symbol.count <= characters.count, Array(characters[position..<(position + symbol.count)]) == symbol {
                position += symbol.count
                let right = try additive()
                guard let comparison = ComparisonOperator(rawValue: op) else { break }
                return .compare(comparison, left, right)
            }
        }
        return left
    }

    mutating func additive() throws -> Expression {
        var left = try term()
        while true {
            skipSpaces()
            guard position < characters.count, let op = Expression.Operator(rawValue: characters[position]), op == .add || op == .subtract else { return left }
            position += 1
            left = .binary(op, left, try term())
        }
    }

    mutating func term() throws -> Expression {
        var left = try factor()
        while true {
            skipSpaces()
            guard position < characters.count, let op = Expression.Operator(rawValue: characters[position]), op == .multiply || op == .divide else { return left }
            position += 1
            left = .binary(op, left, try factor())
        }
    }

    mutating func factor() throws -> Expression {
        skipSpaces()
        guard position < characters.count else { throw ExpressionError(offset: position, message: "the expression ends too soon") }
        let character = characters[position]
        if character == "-" {
            position += 1
            return .negate(try factor())
        }
        if character == "(" {
            let open = position
            position += 1
            let inner = try additive()
            skipSpaces()
            guard position < characters.count, characters[position] == ")" else { throw ExpressionError(offset: open, message: "'(' is never closed") }
            position += 1
            return inner
        }
        if character.isNumber {
            let start = position
            while position < characters.count, characters[position].isNumber || characters[position] == "." { position += 1 }
            guard let value = Double(String(characters[start..<position])) else { throw ExpressionError(offset: start, message: "not a number") }
            return .number(value)
        }
        if character.isLetter || character == "_" {
            let start = position
            while position < characters.count, characters[position].isLetter || characters[position].isNumber || characters[position] == "_" { position += 1 }
            let name = String(characters[start..<position])
            skipSpaces()
            if position < characters.count, characters[position] == "(" {
                guard let function = Expression.Function(rawValue: name) else {
                    let names = Expression.Function.allCases.map(\.rawValue)
                    let suggestion = Suggestion.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
                    throw ExpressionError(offset: start, message: "unknown function '\(name)'\(suggestion); functions: \(names.joined(separator: ", "))")
                }
                position += 1
                skipSpaces()
                let argumentStart = position
                while position < characters.count, characters[position].isLetter || characters[position].isNumber || characters[position] == "_" { position += 1 }
                let argument = String(characters[argumentStart..<position])
                skipSpaces()
                guard !argument.isEmpty, position < characters.count, characters[position] == ")" else {
                    throw ExpressionError(offset: argumentStart, message: "\(name)(…) takes the name of one fact")
                }
                position += 1
                return .call(function, argument, offset: argumentStart)
            }
            return .fact(name, offset: start)
        }
        throw ExpressionError(offset: position, message: "unexpected '\(character)'")
    }
}
