import FactlintFigures

/// A reference's own dates come in order: a source is published no later than it is archived,
/// and archived no later than it is retrieved.
///
/// Reads the report's reference list (see `ReferenceList`), so every date is compared only
/// with the dates of its own entry, whatever the paragraphs look like. A finding only when the
/// earlier role's first possible day is after the later role's last.
public struct ReferenceDatesCheck: Check {
    public var templates: [Template] { [] }

    public init() {}

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        let references = context.references ?? ReferenceList(document: context.document)
        let figures = context.document.figures
        for reference in references.references {
            for first in Reference.DateRole.allCases {
                for second in Reference.DateRole.allCases where second > first {
                    for earlier in reference.dates(first) {
                        for later in reference.dates(second) {
                            let a = figures[earlier].value
                            let b = figures[later].value
                            outcome.checksRun += 1
                            outcome.usedFigures.formUnion([earlier, later])
                            guard CompareCheck.certainlyFails(a, .lessThanOrEqual, b) else { continue }
                            let values = [
                                "first": context.text(of: earlier), "second": context.text(of: later),
                                "first_event": first.description, "second_event": second.description,
                                "reference": "[\(reference.number)]",
                            ]
                            let fallback = "source [\(reference.number)] is \(first) on \(context.text(of: earlier)), after it is \(second) on \(context.text(of: later))"
                            outcome.findings.append(Finding(
                                ruleID: context.rule.id, severity: context.rule.severity,
                                message: context.message(values, fallback: fallback),
                                primary: context.label(earlier, first.description),
                                related: [context.label(later, second.description)],
                                evidence: Evidence(stated: a, computed: b, gap: a.gap(to: b), isDate: true)
                            ))
                        }
                    }
                }
            }
        }
        return outcome
    }
}
