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
        parser.skipSpaces()
        if parser.position < parser.characters.count {
            throw ExpressionError(offset: parser.position, message: "unexpected '\(parser.characters[parser.position])'")
        }
        guard case .compare = expression else {
            throw ExpressionError(offset: 0, message: "an expectation must compare, as in 'sheltered <= victims'")
        }
        return expression
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
