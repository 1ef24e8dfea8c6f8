import FactlintFigures

/// Stated figures agree with a table of official figures kept beside the rules.
///
/// Each row of the table gives key columns (a year, a country) and the official value; a
/// figure the template captures is looked up by the same keys and must allow the official
/// value at its stated precision ("about 20" allows 19).
public struct ReferenceCheck: Check {
    public var patterns: [Template]
    public var valueSlot: String
    public var keys: [String]
    /// The official values by key, the key parts normalised like template keys. A key named
    /// `document.FIELD` comes from the report's front matter rather than from a slot.
    public var table: [[String]: Double]
    public var tableName: String

    public var templates: [Template] { patterns }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        for match in context.matches.joined() {
            guard let (index, figure) = context.figure(match[valueSlot]) else { continue }
            var key: [String] = []
            for name in keys {
                // "document.country" reads the report's front matter.
                if name.hasPrefix("document.") {
                    guard let value = context.document.metadata[String(name.dropFirst("document.".count))] else { break }
                    key.append(ReferenceCheck.normalise(value))
                    continue
                }
                guard let binding = match[name] else { break }
                if let (_, keyFigure) = context.figure(binding) {
                    key.append(ReferenceCheck.normalise(keyFigure.valueDescription))
                } else {
                    key.append(ReferenceCheck.normalise(binding.key))
                }
            }
            guard key.count == keys.count, let official = table[key] else { continue }
            outcome.checksRun += 1
            outcome.usedFigures.insert(index)
            guard !figure.value.contains(official) else { continue }
            let officialText = Interval.format(official)
            var values = ["value": context.text(of: index), "official": officialText, "key": key.joined(separator: ", "), "table": tableName]
            for (name, binding) in match.bindings { values[name] = binding.text }
            let fallback = "\(context.text(of: index)) is stated here, but \(tableName) gives \(officialText) for \(key.joined(separator: ", "))"
            outcome.findings.append(Finding(
                ruleID: context.rule.id, severity: context.rule.severity,
                message: context.message(values, fallback: fallback),
                primary: context.label(index, "stated here"),
                related: [],
                evidence: Evidence(stated: figure.value, computed: .exactly(official), gap: figure.value.gap(to: .exactly(official)))
            ))
        }
        return outcome
    }

    static func normalise(_ text: String) -> String {
        SameCheck.normalisedKey(TemplateMatcher.key(for: text))
    }
}

/// Reads a table of official figures: CSV with a header row, or YAML (a list of mappings).
enum ReferenceTable {
    /// The rows of a CSV text as mappings from header to cell.
    static func rows(csv text: String) throws -> [[String: String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                record.append(field)
                field = ""
                if record.contains(where: { !$0.trimmingSpaces().isEmpty }) { records.append(record) }
                record = []
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        if quoted { throw ReferenceTableError(message: "a quoted field is never closed") }
        guard let header = records.first?.map({ $0.trimmingSpaces() }) else { return [] }
        return records.dropFirst().map { row in
            var mapping: [String: String] = [:]
            for (column, name) in header.enumerated() where column < row.count {
                mapping[name] = row[column].trimmingSpaces()
            }
            return mapping
        }
    }
}

struct ReferenceTableError: Error {
    var message: String
}
