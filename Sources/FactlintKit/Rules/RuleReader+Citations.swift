import Yams

extension RuleReader {
    /// The checks a `citation` rule can run.
    enum CitationCheckName: String, CaseIterable {
        /// A claim is not dated after the source it cites was published.
        case claimAfterSource = "claim-after-source"
        /// A reference's own dates are in order: published, archived, retrieved.
        case datesInOrder = "dates-in-order"
    }

    static let citationClaimValues = ["date", "event_date", "other", "line", "marker", "published"]
    static let citationDateValues = ["first", "second", "first_event", "second_event", "reference"]

    /// `check: claim-after-source` with `template`, `date`, `key` and `optional_key`, or
    /// `check: dates-in-order` alone. Returns the check, its slot names and the values it computes.
    mutating func readCitation(_ mapping: Node.Mapping) -> ((any Check)?, [String], [String]) {
        guard mapping["check"] != nil else {
            error(nil as Node?, "a citation rule needs 'check': claim-after-source or dates-in-order")
            return (nil, [], [])
        }
        guard let name = enumValue(mapping, "check", CitationCheckName.self, default: nil) else { return (nil, [], []) }
        switch name {
        case .datesInOrder:
            for key in ["template", "date", "key", "optional_key"] where mapping[key] != nil {
                error(mapping[key], "'\(key)' does not go with 'check: dates-in-order', which reads the dates of the reference list itself")
            }
            return (ReferenceDatesCheck(), [], RuleReader.citationDateValues)
        case .claimAfterSource:
            let patterns = templates(mapping, "template", required: true)
            let dateName = scalar(mapping, "date", required: false) ?? "date"
            let keys = strings(mapping, "key")
            let optionalKeys = mapping["optional_key"] != nil ? strings(mapping, "optional_key") : []
            guard !patterns.isEmpty, !keys.isEmpty else { return (nil, [], []) }
            requireSlot(dateName, in: patterns, figure: true, key: "date", mapping)
            for template in patterns {
                guard let slot = template.slot(named: dateName), slot.type != .date, slot.type != .year else { continue }
                error(mapping["date"] ?? mapping["template"], "'date' names slot '\(dateName)' of \"\(template.source)\", which is no date: write it {\(dateName):date}")
                break
            }
            for key in keys { requireSlot(key, in: patterns, figure: false, key: "key", mapping) }
            let names = Set(patterns.flatMap { $0.slots.map(\.name) })
            for key in optionalKeys where !names.contains(key) {
                let suggestion = Suggestion.closest(to: key, among: Array(names)).map { " (did you mean '\($0)'?)" } ?? ""
                error(mapping["optional_key"], "'optional_key' names slot '\(key)', which no template has\(suggestion)")
            }
            let check = ClaimAfterSourceCheck(statements: patterns, dateSlot: dateName, keys: keys, optionalKeys: optionalKeys)
            return (check, Array(names), RuleReader.citationClaimValues)
        }
    }
}
