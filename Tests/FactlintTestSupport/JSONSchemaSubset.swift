import Foundation

/// A parsed JSON value that keeps integers, other numbers and booleans apart, as a schema needs.
public indirect enum JSONDocument: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONDocument])
    case object([String: JSONDocument])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONDocument].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONDocument].self))
        }
    }

    /// Parses JSON text.
    public static func parse(_ text: String) throws -> JSONDocument {
        try JSONDecoder().decode(JSONDocument.self, from: Data(text.utf8))
    }

    public subscript(key: String) -> JSONDocument? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    public var array: [JSONDocument]? {
        if case .array(let values) = self { return values }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }
}

/// Validates JSON against a JSON Schema written with a small set of keywords: `type`, `const`,
/// `enum`, `properties`, `required`, `additionalProperties: false`, `items`, `minItems`,
/// `minimum`, `maximum` and local `$ref`s into `$defs`. A schema using any other keyword is
/// itself an error, so the validator never passes a document by ignoring what it cannot check.
public struct JSONSchemaSubset {
    public let schema: JSONDocument

    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
    static let keywords: Set<String> = ["type", "const", "enum", "properties", "required", "additionalProperties", "items", "minItems", "minimum", "maximum", "$ref"]

    public init(schema: JSONDocument) {
        self.schema = schema
    }

    /// Every way `document` breaks the schema, as "path: problem"; empty when it is valid.
    public func violations(of document: JSONDocument) -> [String] {
        var problems: [String] = []
        check(document, against: schema, at: "$", problems: &problems)
        return problems
    }

    func check(_ value: JSONDocument, against schema: JSONDocument, at path: String, problems: inout [String]) {
        guard case .object(let rules) = schema else {
            problems.append("\(path): the schema here is not an object")
            return
        }
        for key in rules.keys where !JSONSchemaSubset.keywords.contains(key) && !JSONSchemaSubset.annotations.contains(key) {
            problems.append("\(path): the schema uses '\(key)', which this validator does not check")
        }
        if let reference = rules["$ref"]?.string {
            let prefix = "#/$defs/"
            guard reference.hasPrefix(prefix), let target = self.schema["$defs"]?[String(reference.dropFirst(prefix.count))] else {
                problems.append("\(path): cannot resolve \(reference)")
                return
            }
            check(value, against: target, at: path, problems: &problems)
        }
        if let type = rules["type"] {
            let allowed = type.array?.compactMap(\.string) ?? [type.string].compactMap { $0 }
            if !allowed.contains(where: { JSONSchemaSubset.value(value, isOfType: $0) }) {
                problems.append("\(path): \(value) is not of type \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let constant = rules["const"], !JSONSchemaSubset.equal(constant, value) {
            problems.append("\(path): \(value) is not \(constant)")
        }
        if let options = rules["enum"]?.array, !options.contains(where: { JSONSchemaSubset.equal($0, value) }) {
            problems.append("\(path): \(value) is none of \(options)")
        }
        if let number = value.number {
            if let minimum = rules["minimum"]?.number, number < minimum { problems.append("\(path): \(number) is below \(minimum)") }
            if let maximum = rules["maximum"]?.number, number > maximum { problems.append("\(path): \(number) is above \(maximum)") }
        }
        if case .object(let fields) = value {
            let properties: [String: JSONDocument]
            if case .object(let declared)? = rules["properties"] { properties = declared } else { properties = [:] }
            for name in rules["required"]?.array?.compactMap(\.string) ?? [] where fields[name] == nil {
                problems.append("\(path): '\(name)' is missing")
            }
            if rules["additionalProperties"] == .bool(false) {
                for name in fields.keys where properties[name] == nil {
                    problems.append("\(path): '\(name)' is not in the schema")
                }
            }
            for (name, field) in fields {
                if let rule = properties[name] { check(field, against: rule, at: "\(path).\(name)", problems: &problems) }
            }
        }
        if case .array(let items) = value {
            if let minimum = rules["minItems"]?.integer, items.count < minimum {
                problems.append("\(path): \(items.count) items, fewer than \(minimum)")
            }
            if let rule = rules["items"] {
                for (index, item) in items.enumerated() { check(item, against: rule, at: "\(path)[\(index)]", problems: &problems) }
            }
        }
    }

    static func value(_ value: JSONDocument, isOfType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
             ("string", .string), ("array", .array), ("object", .object):
            return true
        default:
            return false
        }
    }

    static func equal(_ left: JSONDocument, _ right: JSONDocument) -> Bool {
        if let l = left.number, let r = right.number { return l == r }
        return left == right
    }
}
