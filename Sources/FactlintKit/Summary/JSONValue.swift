import FactlintFigures

/// A JSON value with its object keys in the order they were given.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A finite number; a non-finite one is written as `null`, which JSON can hold.
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// An array of `count` elements, each built when it is written, so a long one is never held.
    case elements(count: Int, element: @Sendable (Int) -> JSONValue)
    case object([(String, JSONValue)])

    /// The value as indented JSON text.
    func serialized(indent: Int = 0) -> String {
        var output = ""
        write(into: &output, indent: indent)
        return output
    }

    /// Appends the value as indented JSON text, `indent` levels in: each value is appended once,
    /// rather than built as a string and copied into its parent's at every level.
    ///
    /// - Parameter flush: called after each element of an `elements` array, to hand over the
    ///   text so far and empty `output`; nothing by default.
    func write(into output: inout String, indent: Int, flush: (inout String) -> Void = { _ in }) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .number(let value): output += value.isFinite ? Interval.format(value) : "null"
        case .string(let value): output += JSONValue.quoted(value)
        case .array(let values):
            JSONValue.writeArray(count: values.count, indent: indent, into: &output) { index, output in values[index].write(into: &output, indent: indent + 1, flush: flush) }
        case .elements(let count, let element):
            JSONValue.writeArray(count: count, indent: indent, into: &output) { index, output in
                element(index).write(into: &output, indent: indent + 1, flush: flush)
                flush(&output)
            }
        case .object(let fields):
            guard !fields.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 { output += ",\n" }
                JSONValue.pad(&output, indent + 1)
                output += JSONValue.quoted(key) + ": "
                value.write(into: &output, indent: indent + 1, flush: flush)
            }
            output += "\n"
            JSONValue.pad(&output, indent)
            output += "}"
        }
    }

    /// Appends an array of `count` elements, `indent` levels in, each appended by `element`.
    static func writeArray(count: Int, indent: Int, into output: inout String, element: (Int, inout String) -> Void) {
        guard count > 0 else {
            output += "[]"
            return
        }
        output += "[\n"
        for index in 0..<count {
            if index > 0 { output += ",\n" }
            pad(&output, indent + 1)
            element(index, &output)
        }
        output += "\n"
        pad(&output, indent)
        output += "]"
    }

    static func pad(_ output: inout String, _ indent: Int) {
        for _ in 0..<indent { output += "  " }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
