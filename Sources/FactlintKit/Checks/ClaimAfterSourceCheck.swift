import FactlintFigures

/// A claim is not dated after the source it cites: a source published on June 4, 2008 cannot
/// report an event of July 2008.
///
/// Each match of the templates is a statement of an event: its date and the key slots that say
/// which event it is (what was done, and to what). A statement followed by inline markers
/// ("…ratified the Protocol.[2]") is a claim on the sources they cite. The event's date is the
/// claim's own, narrowed by every other statement of the same event in the scope: "in 2008"
/// cannot be said to follow June 4, 2008, but "in 2008" and, elsewhere, "in July 2008" can.
/// A finding only when every source cited has a publication date and the event certainly
/// comes after each; statements of one event that disagree are left to a `same` rule.
public struct ClaimAfterSourceCheck: Check {
    public var statements: [Template]
    public var dateSlot: String
    /// Slots that name the event; statements of one event agree on all of them.
    public var keys: [String]
    /// Slots that tell two events apart when both statements give them ("by Kazakhstan").
    public var optionalKeys: [String]

    public var templates: [Template] { statements }

    public init(statements: [Template], dateSlot: String, keys: [String], optionalKeys: [String] = []) {
        self.statements = statements
        self.dateSlot = dateSlot
        self.keys = keys
        self.optionalKeys = optionalKeys
    }

    struct Statement {
        var match: TemplateMatch
        var figure: Int
        var value: Interval
        var unit: Int
        var key: [String]
        var optionalKey: [String?]
    }

    /// A cited source and the date it was published.
    struct Source {
        var number: Int
        var figure: Int
        var value: Interval
    }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        let citations = Citations(document: context.document, references: context.references)
        guard !citations.references.isEmpty else { return outcome }
        let statements = self.statements(context, citations)
        // The statements by scope unit and key, in text order: the only ones `sameEvent` can
        // join, so a claim is not held against every statement of the report.
        var byEvent: [UnitKey: [Statement]] = [:]
        for statement in statements { byEvent[UnitKey(unit: statement.unit, key: statement.key), default: []].append(statement) }
        for claim in statements {
            guard let group = citations.group(citing: claim.match.bytes, inSentence: claim.match.sentence),
                  let sources = sources(of: group, citations, context) else { continue }
            let others = (byEvent[UnitKey(unit: claim.unit, key: claim.key)] ?? []).filter { $0.figure != claim.figure && sameEvent(claim, $0) }
            let event = others.reduce(claim.value) { $0.intersection($1.value) }
            // Statements of one event that cannot all be true are another rule's finding.
            guard !event.isEmpty else { continue }
            outcome.checksRun += 1
            outcome.usedFigures.insert(claim.figure)
            outcome.usedFigures.formUnion(sources.map(\.figure))
            guard ClaimAfterSourceCheck.isAfter(event, sources) else { continue }
            // The statements the finding rests on: the claim alone, or with the one that dates it closer.
            var deciding: [Statement] = []
            if !ClaimAfterSourceCheck.isAfter(claim.value, sources) {
                let single = others.first { ClaimAfterSourceCheck.isAfter(claim.value.intersection($0.value), sources) }
                deciding = single.map { [$0] } ?? others.filter { $0.value.lower > claim.value.lower }
            }
            outcome.usedFigures.formUnion(deciding.map(\.figure))
            outcome.findings.append(finding(claim, group, sources, deciding, event, context))
        }
        return outcome
    }

    /// The statements of events outside the reference list, one per date, in text order.
    func statements(_ context: CheckContext, _ citations: Citations) -> [Statement] {
        var result: [Statement] = []
        var seen: Set<Int> = []
        for match in context.matches.joined() {
            guard let (figureIndex, figure) = context.figure(match[dateSlot]), figure.kind == .date,
                  !citations.isInReferenceList(sentence: match.sentence) else { continue }
            var key: [String] = []
            for name in keys {
                guard let binding = match[name] else { break }
                key.append(ClaimAfterSourceCheck.keyPart(binding, context))
            }
            guard key.count == keys.count, seen.insert(figureIndex).inserted else { continue }
            let optionalKey = optionalKeys.map { name in match[name].map { ClaimAfterSourceCheck.keyPart($0, context) } }
            result.append(Statement(
                match: match, figure: figureIndex, value: figure.value, unit: context.unit(of: match),
                key: key, optionalKey: optionalKey
            ))
        }
        return result.sorted { $0.figure < $1.figure }
    }

    /// The sources a group of markers cites, each with its publication date; nil when one of
    /// them is not in the list or gives no publication date, since the claim may rest on it.
    func sources(of group: CitationGroup, _ citations: Citations, _ context: CheckContext) -> [Source]? {
        var sources: [Source] = []
        for number in group.numbers {
            guard let reference = citations.references.reference(numbered: number) else { return nil }
            // With two publication dates, the later one: the source is at its latest.
            let published = reference.dates(.published).max { context.document.figures[$0].value.upper < context.document.figures[$1].value.upper }
            guard let published else { return nil }
            sources.append(Source(number: number, figure: published, value: context.document.figures[published].value))
        }
        return sources.isEmpty ? nil : sources
    }

    /// Whether two statements tell of one event: the same key, and no optional key that differs.
    func sameEvent(_ a: Statement, _ b: Statement) -> Bool {
        guard a.unit == b.unit, a.key == b.key else { return false }
        for (first, second) in zip(a.optionalKey, b.optionalKey) {
            guard let first, let second else { continue }
            let x = SameCheck.words(first)
            let y = SameCheck.words(second)
            guard x.isSubset(of: y) || y.isSubset(of: x) else { return false }
        }
        return true
    }

    /// Whether an event dated `event` certainly comes after every source was published.
    static func isAfter(_ event: Interval, _ sources: [Source]) -> Bool {
        !event.isEmpty && sources.allSatisfy { CompareCheck.certainlyFails(event, .lessThanOrEqual, $0.value) }
    }

    /// A key slot's value for comparison: a figure's value, or its words normalised.
    static func keyPart(_ binding: Binding, _ context: CheckContext) -> String {
        if let (_, figure) = context.figure(binding) { return figure.valueDescription }
        return SameCheck.normalisedKey(binding.key)
    }

    func finding(
        _ claim: Statement, _ group: CitationGroup, _ sources: [Source], _ deciding: [Statement],
        _ event: Interval, _ context: CheckContext
    ) -> Finding {
        let document = context.document
        let date = context.text(of: claim.figure)
        let published = sources.map { context.text(of: $0.figure) }
        let publishedPhrase = sources.count == 1
            ? "\(group.label) was published on \(published[0])"
            : "every source it cites (" + zip(sources, published).map { "[\($0.number)] on \($1)" }.joined(separator: ", ") + ") was published"
        let other = deciding.first
        let otherText = other.map { context.text(of: $0.figure) } ?? ""
        let otherLine = other.map { String(document.source.location(of: document.figures[$0.figure].bytes.lowerBound).line) } ?? ""
        let fallback: String
        if other != nil {
            fallback = "the text cites \(group.label) for an event it dates to \(date) here and to \(otherText) on line \(otherLine), but \(publishedPhrase), before the event"
        } else {
            fallback = "the text cites \(group.label) for an event dated \(date), but \(publishedPhrase), before the event"
        }
        var values: [String: String] = [:]
        for (name, binding) in claim.match.bindings { values[name] = binding.text }
        values["date"] = date
        values["event_date"] = other == nil ? date : otherText
        values["other"] = otherText
        values["line"] = otherLine
        values["marker"] = group.label
        values["published"] = published.joined(separator: ", ")
        var related = deciding.map { context.label($0.figure, "the same event: \(context.text(of: $0.figure))") }
        related += zip(sources, published).map { context.label($0.figure, "[\($0.number)] published \($1)") }
        let latest = sources.map(\.value).max { $0.upper < $1.upper } ?? event
        return Finding(
            ruleID: context.rule.id, severity: context.rule.severity,
            message: context.message(values, fallback: fallback),
            primary: context.label(claim.figure, "claim cites \(group.label)"),
            related: related,
            evidence: Evidence(stated: event, computed: latest, gap: event.gap(to: latest), isDate: true)
        )
    }
}
