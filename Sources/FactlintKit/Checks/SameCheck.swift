import FactlintFigures

/// One fact stated twice agrees: the same key (a year, an organisation) gives the same value.
///
/// Values that are figures agree when their intervals overlap ("around 50" and "over 50"
/// can both be true); names agree when one is part of the other ("Ryl" and "Anna Ryl").
/// When `restatements` are given, only a restatement is compared with the statements, so
/// two independent statements (a total and a subtotal with the same wording) never clash.
public struct SameCheck: Check {
    public var statements: [Template]
    public var restatements: [Template]
    public var keys: [String]
    public var value: String

    public var templates: [Template] { statements + restatements }

    public var describedTemplates: [(role: String, source: String)] {
        statements.map { (role: "template", source: $0.source) } + restatements.map { (role: "restatement", source: $0.source) }
    }

    struct Statement {
        var match: TemplateMatch
        var isRestatement: Bool
        var key: String
        var binding: Binding
    }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        var groups: [String: [Statement]] = [:]
        var order: [String] = []
        for (templateIndex, matches) in context.matches.enumerated() {
            for match in matches {
                guard let binding = match[value] else { continue }
                var parts: [String] = []
                for key in keys {
                    guard let keyBinding = match[key] else { break }
                    if let (_, figure) = context.figure(keyBinding) {
                        parts.append(figure.valueDescription)
                    } else {
                        parts.append(SameCheck.normalisedKey(keyBinding.key))
                    }
                }
                guard parts.count == keys.count else { continue }
                let key = "\(context.unit(of: match))\u{1F}" + parts.joined(separator: "\u{1F}")
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(Statement(
                    match: match, isRestatement: templateIndex >= statements.count, key: parts.joined(separator: ", "), binding: binding
                ))
            }
        }
        for key in order {
            guard let statements = groups[key]?.sorted(by: { $0.binding.bytes.lowerBound < $1.binding.bytes.lowerBound }),
                  statements.count > 1 else { continue }
            let reference = statements[0]
            for other in statements.dropFirst() where other.binding.bytes != reference.binding.bytes {
                if !restatements.isEmpty, !reference.isRestatement, !other.isRestatement { continue }
                guard let agrees = agree(reference.binding, other.binding, context) else { continue }
                outcome.checksRun += 1
                for binding in [reference.binding, other.binding] {
                    if let index = binding.figure { outcome.usedFigures.insert(index) }
                }
                guard !agrees else { continue }
                let referenceLine = context.document.source.location(of: reference.binding.bytes.lowerBound).line
                var values = ["key": other.key, "other": reference.binding.text, "line": String(referenceLine)]
                for (name, binding) in other.match.bindings { values[name] = binding.text }
                values["value"] = other.binding.text
                let fallback = "\(other.key) is given as \(other.binding.text) here, but as \(reference.binding.text) on line \(referenceLine)"
                outcome.findings.append(Finding(
                    ruleID: context.rule.id, severity: context.rule.severity,
                    message: context.message(values, fallback: fallback),
                    primary: context.label(other.binding, "stated here"),
                    related: [context.label(reference.binding, "stated first here")]
                ))
            }
        }
        return outcome
    }

    /// Whether two values agree; nil when they cannot be compared (a figure against a name).
    func agree(_ first: Binding, _ second: Binding, _ context: CheckContext) -> Bool? {
        switch (context.figure(first), context.figure(second)) {
        case let (.some((_, a)), .some((_, b))):
            guard (a.kind == .date) == (b.kind == .date) else { return nil }
            return a.value.overlaps(b.value)
        case (.none, .none):
            let a = SameCheck.words(first.key)
            let b = SameCheck.words(second.key)
            guard !a.isEmpty, !b.isEmpty else { return nil }
            return a.isSubset(of: b) || b.isSubset(of: a)
        default:
            return nil
        }
    }

    static func words(_ key: String) -> Set<String> {
        Set(key.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)).subtracting(["the", "of", "a", "an"])
    }

    /// A key with a leading article and a plural "s" dropped, so "the traffickers" meets "trafficker".
    static func normalisedKey(_ key: String) -> String {
        var words = key.split(separator: " ").map(String.init)
        if let first = words.first, ["the", "a", "an"].contains(first) { words.removeFirst() }
        return words.map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        }.joined(separator: " ")
    }
}
