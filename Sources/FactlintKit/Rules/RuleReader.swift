import Foundation
import Yams

/// A text's lines, split the first time they are asked for and kept: rule and configuration
/// files are split only when a diagnostic quotes a line.
final class SplitLines {
    private var split: [Substring]?

    func lines(of text: String) -> [Substring] {
        if let split { return split }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        split = lines
        return lines
    }

    /// Line `number` (from 1) of the text, or nil past its end.
    func line(_ number: Int, of text: String) -> String? {
        let lines = self.lines(of: text)
        return number >= 1 && number <= lines.count ? String(lines[number - 1]) : nil
    }
}

/// Walks the YAML nodes of one rule file, building rules and collecting diagnostics.
struct RuleReader {
    let path: String
    let text: String
    let limits: Limits
    /// The file's lines, split on first use: only diagnostics and template positions look lines
    /// up by number, and splitting by characters costs more than reading a file without mistakes.
    var lines: [Substring] { splitLines.lines(of: text) }
    private let splitLines = SplitLines()
    var diagnostics: [Diagnostic] = []
    /// The hash of every file the rules read besides this one (reference tables), path and
    /// bytes, or the path alone for one that could not be read: what the rules depend on.
    var tablesHash = ContentHash()
    /// The rule being read, so a missing key can point at the rule that lacks it.
    var currentRule: Node?

    static let commonKeys = ["id", "kind", "summary", "rationale", "link", "severity", "warn_if", "error_if", "scope", "message", "examples"]
    static let kindKeys: [RuleKind: [String]] = [
        .sum: ["total", "part", "complete", "min_parts", "opener", "only_complete"],
        .compare: ["template", "left", "right", "op", "key"],
        .same: ["template", "restatement", "key", "optional_key", "value"],
        .percent: ["template", "share", "part", "whole"],
        .range: ["value", "bounds", "min", "max"],
        .order: ["events"],
        .table: ["labels"],
        .expect: ["facts", "expect"],
        .reference: ["template", "table", "key", "column", "value"],
        .citation: ["check", "template", "date", "key", "optional_key"],
    ]

    init(path: String, text: String, limits: Limits = .standard) {
        self.path = path
        self.text = text
        self.limits = limits
    }

    func line(_ number: Int) -> String? {
        splitLines.line(number, of: text)
    }

    static func line(_ text: String, _ number: Int) -> String? {
        SplitLines().line(number, of: text)
    }

    /// Where a piece of a template stands in the file: the template text is searched for from the
    /// scalar's mark on, so escapes and block scalars still get the right line and column.
    func location(ofTemplateText template: String, offset: Int, scalar node: Node, style: Node.Scalar.Style) -> SourceLocation? {
        guard var start = location(node) else { return nil }
        let characters = Array(template)
        let needleStart = min(offset, characters.count)
        var needle = String(characters[needleStart...].prefix(while: { !$0.isNewline }).prefix(16))
        if needle.isEmpty { needle = String(characters.suffix(8)) }
        for lineNumber in start.line...max(start.line, min(lines.count, start.line + 40)) where lineNumber <= lines.count {
            let line = String(lines[lineNumber - 1])
            let from = lineNumber == start.line ? start.column - 1 : 0
            let scalars = Array(line.unicodeScalars)
            guard from <= scalars.count else { continue }
            let rest = String(String.UnicodeScalarView(scalars[from...]))
            if !needle.isEmpty, let range = rest.range(of: needle) {
                let column = from + rest.unicodeScalars.distance(from: rest.unicodeScalars.startIndex, to: range.lowerBound) + 1
                return SourceLocation(line: lineNumber, column: column)
            }
        }
        let quoted = style == .singleQuoted || style == .doubleQuoted
        start.column += offset + (quoted ? 1 : 0)
        return start
    }

    func location(_ node: Node?) -> SourceLocation? {
        guard let mark = node?.mark else { return nil }
        return SourceLocation(line: mark.line, column: mark.column)
    }

    mutating func error(_ node: Node?, _ message: String, help: String? = nil) {
        error(at: location(node ?? currentRule), message, help: help)
    }

    /// Reports a mistake at a character of a key's text (an expression, a name inside one), or
    /// at the key's value when the character cannot be placed.
    mutating func error(in key: String, of mapping: Node.Mapping, text: String, offset: Int, _ message: String) {
        let node = mapping[key]
        let location = node.flatMap { self.location(ofTemplateText: text, offset: offset, scalar: $0, style: $0.scalar?.style ?? .plain) }
        error(at: location ?? self.location(node ?? currentRule), message)
    }

    mutating func error(at location: SourceLocation?, _ message: String, help: String? = nil) {
        diagnostics.append(Diagnostic(
            path: path, location: location, message: message, help: help,
            sourceLine: location.flatMap { line($0.line) }
        ))
    }

    // MARK: - File

    mutating func readFile() -> [Rule] {
        let root: Node?
        do {
            root = try YAMLText.compose(text)
        } catch let error as YamlError {
            reportYAMLError(error)
            return []
        } catch {
            self.error(at: nil, "cannot parse the rule file: \(error)")
            return []
        }
        guard let root else { return [] }
        if let excess = YAMLSize.excess(of: root, limits: limits, writtenBytes: text.utf8.count) {
            self.error(excess.node, excess.message, help: excess.help)
            return []
        }
        let list: Node
        if let mapping = root.mapping {
            for (key, _) in mapping where key.string != "rules" {
                let suggestion = Suggestion.closest(to: key.string ?? "", among: ["rules"]).map { " (did you mean '\($0)'?)" } ?? ""
                error(key, "unknown key '\(key.string ?? "?")' at the top of a rule file\(suggestion)", help: "a rule file holds one key, 'rules', with a list of rules")
            }
            guard let rules = mapping["rules"] else {
                error(root, "a rule file needs a 'rules' list", help: "start the file with 'rules:' and list the rules under it")
                return []
            }
            list = rules
        } else {
            // A top-level list is a list of rules only when its items have ids; otherwise it is
            // data, such as a reference table kept beside the rules.
            guard let items = root.sequence, items.contains(where: { $0.mapping?["id"] != nil }) else { return [] }
            list = root
        }
        guard let sequence = list.sequence else {
            error(list, "'rules' must be a list of rules", help: "write each rule as an item starting with '- id: …'")
            return []
        }
        return sequence.compactMap { readRule($0) }
    }

    mutating func reportYAMLError(_ error: YamlError) {
        switch error {
        case .parser(_, let problem, let mark, _) where problem.contains("Maximum nesting level"):
            // libyaml stops at 1000 levels; say so in factlint's terms rather than libyaml's.
            self.error(at: SourceLocation(line: mark.line, column: mark.column), YAMLSize.tooDeepMessage(limits), help: YAMLSize.tooDeepHelp)
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            self.error(at: SourceLocation(line: mark.line, column: mark.column), "invalid YAML: \(problem)", help: "fix the YAML syntax at the caret")
        default:
            self.error(at: nil, "invalid YAML: \(error)")
        }
    }

    // MARK: - Rule

    mutating func readRule(_ node: Node) -> Rule? {
        guard let mapping = node.mapping else {
            error(node, "a rule must be a mapping of keys such as 'id' and 'kind'")
            return nil
        }
        let before = diagnostics.count
        currentRule = node
        defer { currentRule = nil }
        let id = scalar(mapping, "id", required: true)
        guard let id else { return nil }
        if !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) {
            error(mapping["id"], "rule id '\(id)' may hold only letters, digits, '-', '_' and '.'")
        }
        let kindText = scalar(mapping, "kind", required: true)
        let kind = kindText.flatMap { text -> RuleKind? in
            if let kind = RuleKind(rawValue: text) { return kind }
            let names = RuleKind.allCases.map(\.rawValue)
            let suggestion = Suggestion.closest(to: text, among: names).map { " (did you mean '\($0)'?)" } ?? ""
            error(mapping["kind"], "unknown rule kind '\(text)'\(suggestion)", help: "kinds: \(names.joined(separator: ", "))")
            return nil
        }
        let allowed = RuleReader.commonKeys + (kind.flatMap { RuleReader.kindKeys[$0] } ?? RuleReader.kindKeys.values.flatMap { $0 })
        for (key, _) in mapping {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let suggestion = Suggestion.closest(to: name, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            error(key, "unknown key '\(name)'\(suggestion)", help: kind.map { "keys of a \($0.rawValue) rule: \(allowed.joined(separator: ", "))" })
        }
        let severity = enumValue(mapping, "severity", Severity.self, default: .error)
        let scope = enumValue(mapping, "scope", Scope.self, default: .sentence)
        if scope == .corpus, kind != .same, let node = mapping["scope"] {
            error(node, "only a 'same' rule can have scope corpus: it compares one fact as every report states it", help: "use scope: document for this rule")
        }
        let summary = scalar(mapping, "summary", required: false) ?? ""
        let message = scalar(mapping, "message", required: false)
        var check: (any Check)?
        var slotNames: [String] = []
        var computed: [String] = []
        switch kind {
        case .sum?:
            (check, slotNames) = readSum(mapping)
            computed = ["total", "parts", "sum", "gap"]
        case .compare?:
            (check, slotNames) = readCompare(mapping)
            computed = ["left", "right", "op", "key"]
        case .same?:
            (check, slotNames) = readSame(mapping)
            computed = ["key", "value", "other", "line"] + (scope == .corpus ? ["file", "places"] : [])
        case .percent?:
            (check, slotNames) = readPercent(mapping)
            computed = ["share", "part", "whole", "actual", "nearest"]
        case .range?:
            (check, slotNames) = readRange(mapping)
            computed = ["value", "bounds"]
        case .order?:
            (check, slotNames) = readOrder(mapping)
            computed = ["first", "second", "first_event", "second_event"]
        case .reference?:
            (check, slotNames) = readReference(mapping)
            computed = ["value", "official", "key", "table"]
        case .expect?:
            (check, slotNames) = readExpect(mapping)
            computed = ["left", "right", "expect"]
        case .citation?:
            (check, slotNames, computed) = readCitation(mapping)
        case .table?:
            let labels = mapping["labels"] != nil ? strings(mapping, "labels").map { $0.lowercased() } : nil
            check = labels.map { TableTotalCheck(labels: Set($0)) } ?? TableTotalCheck()
            computed = ["total", "parts", "column", "gap"]
        case nil:
            break
        }
        if let message, check != nil {
            for name in MessageTemplate.placeholders(in: message) where !slotNames.contains(name) && !computed.contains(name) {
                let known = slotNames + computed
                let suggestion = Suggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                error(mapping["message"], "the message names '{\(name)}', which is no slot or value of this rule\(suggestion)", help: "placeholders: \(known.map { "{\($0)}" }.joined(separator: ", "))")
            }
        }
        let examples = readExamples(mapping["examples"])
        let warnIf = threshold(mapping, "warn_if")
        let errorIf = threshold(mapping, "error_if")
        guard diagnostics.count == before, let kind, let check, let severity, let scope else { return nil }
        return Rule(
            id: id, kind: kind, summary: summary, rationale: scalar(mapping, "rationale", required: false),
            link: scalar(mapping, "link", required: false), severity: severity, warnIf: warnIf, errorIf: errorIf,
            scope: scope, message: message,
            check: check, examples: examples, path: path, location: location(node) ?? SourceLocation(line: 1, column: 1)
        )
    }

    /// Throws when parentheses, or signs in a row ("- - -x"), nest past `limit`: the expression
    /// parser recurses once per level, and a hostile rule file must not exhaust the stack.
    static func checkNesting(ofExpression source: String, limit: Int) throws {
        var parentheses = 0
        var signs = 0
        for (offset, character) in source.enumerated() {
            switch character {
            case "(":
                parentheses += 1
                signs = 0
            case ")":
                parentheses -= 1
                signs = 0
            case "-":
                signs += 1
            case " ", "\t":
                break
            default:
                signs = 0
            }
            if parentheses > limit || signs > limit {
                throw ExpressionError(offset: offset, message: "the expression nests more than \(limit) deep in parentheses or signs")
            }
        }
    }

    // MARK: - Kinds

    mutating func readSum(_ mapping: Node.Mapping) -> ((any Check)?, [String]) {
        if mapping["opener"] != nil {
            // A list breakdown: the parts are the list after the opener, the total the count before it.
            for key in ["total", "part", "min_parts"] where mapping[key] != nil {
                error(mapping[key], "'\(key)' does not go with 'opener': the list after the opener gives the parts and the nearest count before it the total")
            }
            let openers = templates(mapping, "opener", required: true)
            let complete = bool(mapping, "complete", default: true)
            guard !openers.isEmpty else { return (nil, []) }
            var check = BreakdownCheck(openers: openers, completeWhen: complete ? nil : [])
            check.onlyComplete = bool(mapping, "only_complete", default: false)
            return (check, ["total", "parts", "sum", "gap"])
        }
        let totals = templates(mapping, "total", required: true)
        let parts = templates(mapping, "part", required: true)
        guard !totals.isEmpty, !parts.isEmpty else { return (nil, []) }
        let totalSlot = valueSlot(totals, preferred: ["total"], key: "total", mapping)
        let partSlot = valueSlot(parts, preferred: ["part", "n"], key: "part", mapping)
        let complete = bool(mapping, "complete", default: true)
        let minimum = integer(mapping, "min_parts", default: 2)
        guard let totalSlot, let partSlot else { return (nil, []) }
        let names = Set((totals + parts).flatMap { $0.slots.map(\.name) })
        return (SumCheck(totals: totals, parts: parts, totalSlot: totalSlot, partSlot: partSlot, complete: complete, minimumParts: minimum), Array(names))
    }

    mutating func readCompare(_ mapping: Node.Mapping) -> ((any Check)?, [String]) {
        if let leftNode = mapping["left"], let leftMapping = leftNode.mapping {
            return readKeyedCompare(mapping, leftMapping)
        }
        if mapping["key"] != nil {
            error(mapping["key"], "'key' joins two facts: give 'left' and 'right' each as {template: …, value: …}")
        }
        let pairs = templates(mapping, "template", required: true)
        let left = scalar(mapping, "left", required: true)
        let right = scalar(mapping, "right", required: true)
        let op = enumValue(mapping, "op", ComparisonOperator.self, default: nil)
        if mapping["op"] == nil { error(nil as Node?, "a compare rule needs 'op'") }
        guard !pairs.isEmpty, let left, let right, let op else { return (nil, []) }
        // A side is a slot, or arithmetic over slots: "after - before".
        guard let leftSide = compareSide("left", left, pairs, mapping), let rightSide = compareSide("right", right, pairs, mapping) else { return (nil, []) }
        let names = Set(pairs.flatMap { $0.slots.map(\.name) })
        return (CompareCheck(pairs: pairs, left: left, right: right, comparison: op, leftSide: leftSide, rightSide: rightSide), Array(names))
    }

    /// One side of a compare rule read as an expression, or nil after reporting why it is not
    /// one: every name must be a figure slot of every template.
    mutating func compareSide(_ key: String, _ side: String, _ pairs: [Template], _ mapping: Node.Mapping) -> Expression? {
        do {
            try RuleReader.checkNesting(ofExpression: side, limit: limits.maximumExpressionNesting)
            let expression = try ExpressionParser.parseArithmetic(side)
            for (name, offset) in expression.facts {
                guard requireSlot(name, in: pairs, figure: true, key: key, mapping, at: expression.name == nil ? (side, offset) : nil) else { return nil }
            }
            return expression
        } catch let failure as ExpressionError {
            error(in: key, of: mapping, text: side, offset: failure.offset, "in '\(key)': \(failure.message)")
        } catch {}
        return nil
    }

    /// `left: {template: …, value: n}`, `right: {…}`, `key: year`: two facts joined by a key.
    mutating func readKeyedCompare(_ mapping: Node.Mapping, _ leftMapping: Node.Mapping) -> ((any Check)?, [String]) {
        if mapping["template"] != nil {
            error(mapping["template"], "'template' does not go with 'left' and 'right' given as facts")
        }
        guard let rightMapping = mapping["right"]?.mapping else {
            error(mapping["right"], "'right' must be a fact like 'left': {template: …, value: …}")
            return (nil, [])
        }
        var sides: [(templates: [Template], slot: String)] = []
        for side in [leftMapping, rightMapping] {
            for (key, _) in side where !["template", "value"].contains(key.string ?? "") {
                let suggestion = Suggestion.closest(to: key.string ?? "", among: ["template", "value"]).map { " (did you mean '\($0)'?)" } ?? ""
                error(key, "unknown key '\(key.string ?? "?")' in a fact\(suggestion)")
            }
            let compiled = templates(side, "template", required: true)
            guard !compiled.isEmpty, let slot = valueSlot(compiled, preferred: [scalar(side, "value", required: false) ?? "value"], key: "template", side) else {
                return (nil, [])
            }
            sides.append((compiled, slot))
        }
        let keys = strings(mapping, "key")
        let op = enumValue(mapping, "op", ComparisonOperator.self, default: nil)
        if mapping["op"] == nil { error(nil as Node?, "a compare rule needs 'op'") }
        guard let op, !keys.isEmpty else { return (nil, []) }
        for key in keys {
            requireSlot(key, in: sides[0].templates, figure: false, key: "key", mapping)
            requireSlot(key, in: sides[1].templates, figure: false, key: "key", mapping)
        }
        let names = Set((sides[0].templates + sides[1].templates).flatMap { $0.slots.map(\.name) })
        let check = KeyedCompareCheck(left: sides[0].templates, leftSlot: sides[0].slot, right: sides[1].templates, rightSlot: sides[1].slot, keys: keys, comparison: op)
        return (check, Array(names))
    }

    mutating func readSame(_ mapping: Node.Mapping) -> ((any Check)?, [String]) {
        let statements = templates(mapping, "template", required: true)
        let restatements = templates(mapping, "restatement", required: false)
        let keys = strings(mapping, "key")
        let value = scalar(mapping, "value", required: true)
        guard !statements.isEmpty, !keys.isEmpty, let value else { return (nil, []) }
        for key in keys where !key.hasPrefix("document.") { requireSlot(key, in: statements + restatements, figure: false, key: "key", mapping) }
        let optionalKeys = mapping["optional_key"] != nil ? strings(mapping, "optional_key") : []
        for key in optionalKeys { requireSlot(key, in: statements + restatements, figure: false, key: "optional_key", mapping) }
        requireSlot(value, in: statements + restatements, figure: false, key: "value", mapping)
        let names = Set((statements + restatements).flatMap { $0.slots.map(\.name) })
        var check = SameCheck(statements: statements, restatements: restatements, keys: keys, value: value)
        check.optionalKeys = optionalKeys
        return (check, Array(names))
    }

    mutating func readPercent(_ mapping: Node.Mapping) -> ((any Check)?, [String]) {
        let patterns = templates(mapping, "template", required: true)
        let share = scalar(mapping, "share", required: false) ?? "share"
        let whole = scalar(mapping, "whole", required: false) ?? "whole"
        let part = scalar(mapping, "part", required: false)
        guard !patterns.isEmpty else { return (nil, []) }
        requireSlot(share, in: patterns, figure: true, key: "share", mapping)
        requireSlot(whole, in: patterns, figure: true, key: "whole", mapping)
        // The part is optional per template: "70% of the 19" has none.
        let names = Set(patterns.flatMap { $0.slots.map(\.name) })
        let partSlot = part ?? (names.contains("part") ? "part" : nil)
        return (PercentCheck(patterns: patterns, shareSlot: share, partSlot: partSlot, wholeSlot: whole), Array(names))
    }

    mutating func readRange(_ mapping: Node.Mapping) -> ((any Check)?, [String]) {
        let values = templates(mapping, "value", required: true)
        let bounds = templates(mapping, "bounds", required: false)
        let minimum = number(mapping, "min")
        let maximum = number(mapping, "max")
        guard !values.isEmpty else { return (nil, []) }
        if bounds.isEmpty, minimum == nil, maximum == nil, mapping["bounds"] == nil {
            error(nil as Node?, "a range rule needs 'bounds' (a template for the bounds the report states) or 'min'/'max'")
            return (nil, [])
        }
        let valueName = valueSlot(values, preferred: ["value"], key: "value", mapping)
        let boundsName = bounds.isEmpty ? nil : valueSlot(bounds, preferred: ["bounds"], key: "bounds", mapping)
        guard let valueName, bounds.isEmpty || boundsName != nil else { return (nil, []) }
        let names = Set((values + bounds).flatMap { $0.slots.map(\.name) })
        return (RangeCheck(values: values, valueSlot: valueName, bounds: bounds, boundsSlot: boundsName, minimum: minimum, maximum: maximum), Array(names))
    }

    mutating func readOrder(_ mapping: Node.Mapping) -> ((any Check)?, [String]) {
        guard let node = mapping["events"] else {
            error(nil as Node?, "an order rule needs 'events': a list of {name, template} in the order they must happen")
            return (nil, [])
        }
        guard let list = node.sequence, list.count >= 2 else {
            error(node, "'events' must list at least two events, each with 'name' and 'template'")
            return (nil, [])
        }
        var events: [OrderCheck.Event] = []
        for item in list {
            guard let event = item.mapping else {
                error(item, "an event is a mapping with 'name' and 'template'")
                continue
            }
            for (key, _) in event where !["name", "template"].contains(key.string ?? "") {
                let suggestion = Suggestion.closest(to: key.string ?? "", among: ["name", "template"]).map { " (did you mean '\($0)'?)" } ?? ""
                error(key, "unknown key '\(key.string ?? "?")' in an event\(suggestion)")
            }
            guard let name = scalar(event, "name", required: true) else { continue }
            let compiled = templates(event, "template", required: true)
            guard let template = compiled.first else { continue }
            let dateSlots = template.slots.filter { $0.type == .date || $0.type == .year }
            guard dateSlots.count == 1 else {
                error(event["template"], "the template of event '\(name)' needs exactly one date slot, such as {date:date}")
                continue
            }
            events.append(OrderCheck.Event(name: name, template: template, slot: dateSlots[0].name))
        }
        guard events.count == list.count else { return (nil, []) }
        return (OrderCheck(events: events), Array(Set(events.flatMap { $0.template.slots.map(\.name) })))
    }

    /// `table: official.csv` (beside the rule file), `key: [year]`, `column: convictions`, `template: …`.
    mutating func readReference(_ mapping: Node.Mapping) -> ((any Check)?, [String]) {
        let patterns = templates(mapping, "template", required: true)
        let keys = strings(mapping, "key")
        guard let tableName = scalar(mapping, "table", required: true), let column = scalar(mapping, "column", required: true),
              !patterns.isEmpty, !keys.isEmpty else { return (nil, []) }
        let valueName = scalar(mapping, "value", required: false)
        guard let slot = valueSlot(patterns, preferred: [valueName ?? "value"], key: "template", mapping) else { return (nil, []) }
        for key in keys where !key.hasPrefix("document.") { requireSlot(key, in: patterns, figure: false, key: "key", mapping) }
        // The table is found beside the rule file.
        let directory = (path as NSString).deletingLastPathComponent
        let tablePath = tableName.hasPrefix("/") ? tableName : (directory.isEmpty ? tableName : directory + "/" + tableName)
        let data = FileManager.default.contents(atPath: tablePath)
        tablesHash.combine(tablePath)
        if let data { tablesHash.combine([UInt8](data)) }
        guard let data else {
            error(mapping["table"], "cannot read the reference table '\(tablePath)'", help: "put the CSV or YAML table beside the rule file, or give its path")
            return (nil, [])
        }
        let text = String(decoding: data, as: UTF8.self)
        var rows: [[String: String]] = []
        do {
            if tablePath.lowercased().hasSuffix(".csv") {
                rows = try ReferenceTable.rows(csv: text)
            } else {
                let root = try YAMLText.compose(text)
                if let root, let excess = YAMLSize.excess(of: root, limits: limits, writtenBytes: text.utf8.count) {
                    error(mapping["table"], "in the reference table '\(tableName)': \(excess.message)", help: excess.help)
                    return (nil, [])
                }
                guard let list = root?.sequence else {
                    error(mapping["table"], "the reference table '\(tableName)' must be a CSV file or a YAML list of rows")
                    return (nil, [])
                }
                rows = list.compactMap { row in row.mapping.map { Dictionary(uniqueKeysWithValues: $0.compactMap { key, value in key.string.flatMap { k in value.scalar.map { (k, $0.string) } } }) } }
            }
        } catch let failure as ReferenceTableError {
            error(mapping["table"], "in the reference table '\(tableName)': \(failure.message)")
            return (nil, [])
        } catch {
            self.error(mapping["table"], "the reference table '\(tableName)' does not parse: \(error)")
            return (nil, [])
        }
        var table: [[String]: Double] = [:]
        for (number, row) in rows.enumerated() {
            let columns = keys.map { $0.hasPrefix("document.") ? String($0.dropFirst("document.".count)) : $0 }
            let keyParts = columns.map { row[$0].map(ReferenceCheck.normalise) }
            guard keyParts.allSatisfy({ $0 != nil }) else {
                let missing = columns.filter { row[$0] == nil }.joined(separator: ", ")
                error(mapping["table"], "row \(number + 1) of '\(tableName)' has no \(missing) column")
                return (nil, [])
            }
            guard let cell = row[column], let value = Double(cell.replacingOccurrences(of: ",", with: "")) else {
                error(mapping["table"], "row \(number + 1) of '\(tableName)' has no number in column '\(column)'")
                return (nil, [])
            }
            table[keyParts.compactMap { $0 }] = value
        }
        let names = Set(patterns.flatMap { $0.slots.map(\.name) })
        return (ReferenceCheck(patterns: patterns, valueSlot: slot, keys: keys, table: table, tableName: tableName), Array(names))
    }

    /// `facts: {name: template or {template: …, value: …}}` and `expect: "sheltered <= victims"`.
    mutating func readExpect(_ mapping: Node.Mapping) -> ((any Check)?, [String]) {
        guard let factsNode = mapping["facts"], let factsMapping = factsNode.mapping, !factsMapping.isEmpty else {
            error(mapping["facts"], "an expect rule needs 'facts': a mapping from fact names to templates")
            return (nil, [])
        }
        var facts: [ExpectCheck.Fact] = []
        for (nameNode, value) in factsMapping {
            guard let name = nameNode.string, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                error(nameNode, "a fact name may hold only letters, digits and '_'")
                continue
            }
            var compiled: [Template] = []
            var slotName: String?
            if let inner = value.mapping {
                compiled = templates(inner, "template", required: true)
                slotName = scalar(inner, "value", required: false)
            } else {
                var wrapper = Node.Mapping([])
                wrapper[Node("template")] = value
                compiled = templates(wrapper, "template", required: true)
            }
            guard !compiled.isEmpty, let slot = valueSlot(compiled, preferred: [slotName ?? "value"], key: "facts", factsMapping) else { continue }
            facts.append(ExpectCheck.Fact(name: name, templates: compiled, slot: slot))
        }
        guard let source = scalar(mapping, "expect", required: true), facts.count == factsMapping.count else { return (nil, []) }
        do {
            try RuleReader.checkNesting(ofExpression: source, limit: limits.maximumExpressionNesting)
            let expression = try ExpressionParser.parse(source)
            for (name, offset) in expression.facts where !facts.contains(where: { $0.name == name }) {
                let suggestion = Suggestion.closest(to: name, among: facts.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                error(in: "expect", of: mapping, text: source, offset: offset, "the expectation names '\(name)', which is no fact of this rule\(suggestion)")
                return (nil, [])
            }
            return (ExpectCheck(facts: facts, expectation: expression, source: source), facts.map(\.name))
        } catch let failure as ExpressionError {
            error(in: "expect", of: mapping, text: source, offset: failure.offset, "in expectation: \(failure.message)")
            return (nil, [])
        } catch {
            return (nil, [])
        }
    }

    /// `warn_if: {gap: 2}` or `{relative_gap: 0.05}`: the size of discrepancy that raises a finding.
    mutating func threshold(_ mapping: Node.Mapping, _ key: String) -> GapThreshold? {
        guard let node = mapping[key] else { return nil }
        guard let inner = node.mapping else {
            error(node, "'\(key)' must be a mapping such as {gap: 2} or {relative_gap: 0.05}")
            return nil
        }
        for (name, _) in inner where !["gap", "relative_gap"].contains(name.string ?? "") {
            let suggestion = Suggestion.closest(to: name.string ?? "", among: ["gap", "relative_gap"]).map { " (did you mean '\($0)'?)" } ?? ""
            error(name, "unknown key '\(name.string ?? "?")' in '\(key)'\(suggestion)")
        }
        let threshold = GapThreshold(gap: number(inner, "gap"), relativeGap: number(inner, "relative_gap"))
        if threshold.gap == nil, threshold.relativeGap == nil {
            error(node, "'\(key)' needs 'gap' or 'relative_gap'")
            return nil
        }
        return threshold
    }

    mutating func number(_ mapping: Node.Mapping, _ key: String) -> Double? {
        guard let node = mapping[key] else { return nil }
        guard let text = node.plainScalar, let value = Double(text), value.isFinite else {
            error(node, "'\(key)' must be a number")
            return nil
        }
        return value
    }

    /// The slot that carries a template's value: a preferred name, else its only figure slot.
    mutating func valueSlot(_ templates: [Template], preferred: [String], key: String, _ mapping: Node.Mapping) -> String? {
        for name in preferred where templates.allSatisfy({ $0.slot(named: name)?.type.capturesFigure == true }) {
            return name
        }
        let candidates = templates.map { $0.slots.filter(\.type.capturesFigure).map(\.name) }
        if let first = candidates.first, first.count == 1, candidates.allSatisfy({ $0 == first }) {
            return first[0]
        }
        error(mapping[key], "every '\(key)' template needs one figure slot named '\(preferred[0])', such as {\(preferred[0]):count}")
        return nil
    }

    /// Reports a slot that some template lacks, or that captures words where a figure is needed.
    ///
    /// - Parameter at: the text of `key`'s value and the name's offset in it, when the name is
    ///   part of longer text (`after - before`): the error then points at the name itself.
    /// - Returns: whether every template has the slot.
    @discardableResult
    mutating func requireSlot(_ name: String, in templates: [Template], figure: Bool, key: String, _ mapping: Node.Mapping, at place: (text: String, offset: Int)? = nil) -> Bool {
        func report(_ message: String) {
            if let place {
                error(in: key, of: mapping, text: place.text, offset: place.offset, message)
            } else {
                error(mapping[key], message)
            }
        }
        for template in templates {
            guard let slot = template.slot(named: name) else {
                let suggestion = Suggestion.closest(to: name, among: template.slots.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                report("'\(key)' names slot '\(name)', which the template \"\(template.source)\" does not have\(suggestion)")
                return false
            }
            if figure, !slot.type.capturesFigure {
                report("'\(key)' names slot '\(name)', which captures words, not a figure")
                return false
            }
        }
        return true
    }

    // MARK: - Values

    mutating func scalar(_ mapping: Node.Mapping, _ key: String, required: Bool) -> String? {
        guard let node = mapping[key] else {
            if required { error(nil as Node?, "a rule needs '\(key)'") }
            return nil
        }
        guard let scalar = node.scalar else {
            error(node, "'\(key)' must be text, not a \(node.sequence != nil ? "list" : "mapping")")
            return nil
        }
        return scalar.string
    }

    mutating func strings(_ mapping: Node.Mapping, _ key: String) -> [String] {
        guard let node = mapping[key] else {
            error(nil as Node?, "a rule needs '\(key)'")
            return []
        }
        if let scalar = node.scalar { return [scalar.string] }
        if let sequence = node.sequence {
            return sequence.compactMap { item in
                guard let text = item.scalar?.string else {
                    error(item, "'\(key)' must list slot names")
                    return nil
                }
                return text
            }
        }
        error(node, "'\(key)' must be a slot name or a list of them")
        return []
    }

    mutating func bool(_ mapping: Node.Mapping, _ key: String, default value: Bool) -> Bool {
        guard let node = mapping[key] else { return value }
        guard let bool = node.plainScalar.flatMap(RuleReader.flag) else {
            error(node, "'\(key)' must be true or false")
            return value
        }
        return bool
    }

    mutating func integer(_ mapping: Node.Mapping, _ key: String, default value: Int) -> Int {
        guard let node = mapping[key] else { return value }
        guard let number = node.plainScalar.flatMap({ Int($0) }), number >= 0 else {
            error(node, "'\(key)' must be a whole number of at least 0")
            return value
        }
        return number
    }

    mutating func enumValue<Value: RawRepresentable & CaseIterable>(_ mapping: Node.Mapping, _ key: String, _ type: Value.Type, default value: Value?) -> Value? where Value.RawValue == String {
        guard let node = mapping[key] else { return value }
        guard let text = node.scalar?.string else {
            error(node, "'\(key)' must be text")
            return nil
        }
        if let parsed = Value(rawValue: text) { return parsed }
        let names = Value.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: text, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        error(node, "'\(text)' is not a valid \(key)\(suggestion)", help: "\(key) is one of: \(names.joined(separator: ", "))")
        return nil
    }

    /// One template or a list of them, compiled; syntax errors point into the template text.
    mutating func templates(_ mapping: Node.Mapping, _ key: String, required: Bool) -> [Template] {
        guard let node = mapping[key] else {
            if required { error(nil as Node?, "a rule of this kind needs '\(key)'") }
            return []
        }
        let items: [Node]
        if node.scalar != nil {
            items = [node]
        } else if let sequence = node.sequence {
            items = Array(sequence)
        } else {
            error(node, "'\(key)' must be a template or a list of templates")
            return []
        }
        var result: [Template] = []
        for item in items {
            guard let scalar = item.scalar else {
                error(item, "a template must be text")
                continue
            }
            do {
                result.append(try Template(scalar.string))
            } catch let failure as TemplateError {
                let location = location(ofTemplateText: scalar.string, offset: failure.offset, scalar: item, style: scalar.style)
                error(at: location, "in template: \(failure.message)", help: "template syntax: words, (a|b), [optional], ..., {name:type}")
            } catch {
                self.error(item, "in template: \(error)")
            }
        }
        return result
    }

    mutating func readExamples(_ node: Node?) -> RuleExamples {
        var examples = RuleExamples()
        guard let node else { return examples }
        guard let mapping = node.mapping else {
            error(node, "'examples' must have 'valid' and 'invalid' lists")
            return examples
        }
        for (key, value) in mapping {
            guard let name = key.string, name == "valid" || name == "invalid" else {
                let suggestion = Suggestion.closest(to: key.string ?? "", among: ["valid", "invalid"]).map { " (did you mean '\($0)'?)" } ?? ""
                error(key, "unknown key '\(key.string ?? "?")' in examples\(suggestion)")
                continue
            }
            let texts = (value.sequence.map(Array.init) ?? [value]).compactMap { item -> String? in
                if let text = item.scalar?.string { return text }
                error(item, "an example must be text")
                return nil
            }
            if name == "valid" { examples.valid = texts } else { examples.invalid = texts }
        }
        return examples
    }
}

/// How large a composed YAML tree is once its aliases are expanded, and how deep it nests.
///
/// How factlint composes YAML (rule files, configuration, front matter): every scalar is read
/// as text and converted where a number or a flag is expected, and the text is read as UTF-8.
/// Yams' defaults would type each scalar with regular expressions (compiled on first use, more
/// than a millisecond) and read the whole process environment to pick an encoding, per call.
enum YAMLText {
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic, .default, .utf8)
    }
}

/// Yams shares an alias's node rather than copying it, so composing a "billion laughs" file is
/// cheap; walking it is not, because nine aliases of nine aliases stand for 9⁹ nodes. Every
/// reader of rule files walks the tree, so the tree is measured first, within a budget.
enum YAMLSize {
    struct Excess {
        var node: Node
        var message: String
        var help: String
    }

    static let tooDeepHelp = "rule files need a few levels (rules, a rule, its examples); flatten the nesting"

    static func tooDeepMessage(_ limits: Limits) -> String {
        "mappings and sequences nest more than \(limits.maximumYAMLNesting) deep"
    }

    /// Why the tree is too large or too deep, or nil when it is within the limits.
    ///
    /// The budget is `limits.maximumYAMLNodes` values more than the text's size in bytes: every
    /// value written out takes at least a byte, so only aliases can exceed it.
    ///
    /// - Complexity: O(min(nodes after expanding aliases, budget)).
    static func excess(of root: Node, limits: Limits, writtenBytes: Int) -> Excess? {
        let budget = limits.maximumYAMLNodes + writtenBytes
        // Nodes are counted as they are queued, so the queue never holds more than the budget.
        var pending: [(node: Node, depth: Int)] = [(root, 0)]
        var count = 1
        while let (node, depth) = pending.popLast() {
            if depth > limits.maximumYAMLNesting {
                return Excess(node: node, message: tooDeepMessage(limits), help: tooDeepHelp)
            }
            switch node {
            case .mapping(let mapping):
                count += 2 * mapping.count
                guard count <= budget else { return tooMany(node, limits) }
                for (key, value) in mapping {
                    pending.append((key, depth + 1))
                    pending.append((value, depth + 1))
                }
            case .sequence(let sequence):
                count += sequence.count
                guard count <= budget else { return tooMany(node, limits) }
                for item in sequence { pending.append((item, depth + 1)) }
            case .scalar, .alias:
                break
            }
        }
        return nil
    }

    static func tooMany(_ node: Node, _ limits: Limits) -> Excess {
        Excess(
            node: node,
            message: "its aliases (*name) expand to more than \(limits.maximumYAMLNodes) values beyond those written out",
            help: "aliases that repeat aliases multiply (a \"billion laughs\"); write the values out or use fewer aliases"
        )
    }
}

extension RuleReader {
    /// YAML's spellings of true and false.
    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

extension Node {
    /// The text of a scalar written without quotes: a quoted "12" is text, not a number.
    var plainScalar: String? {
        guard let scalar, scalar.style == .plain else { return nil }
        return scalar.string
    }
}
