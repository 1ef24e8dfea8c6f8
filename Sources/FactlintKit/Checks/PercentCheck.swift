import FactlintFigures

/// A stated share agrees with the counts it is a share of.
///
/// With a part and a whole ("14 (74%) of the 19 victims") the share must meet 100 × part /
/// whole at the precision it was written with. With only the whole ("70% of the 19
/// victims") the granularity test applies: some whole number of the 19 must give the share,
/// and a finding names the nearest feasible values ("13 is 68.4%, 14 is 73.7%").
public struct PercentCheck: Check {
    public var patterns: [Template]
    public var shareSlot: String
    public var partSlot: String?
    public var wholeSlot: String

    public var templates: [Template] { patterns }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        for match in context.matches.joined() {
            guard let (shareIndex, share) = context.figure(match[shareSlot]), share.kind == .percent,
                  let (wholeIndex, whole) = context.figure(match[wholeSlot]), whole.kind == .count,
                  whole.value.isExact, whole.stated > 0 else { continue }
            let total = whole.stated
            if let partSlot, let (partIndex, part) = context.figure(match[partSlot]) {
                guard part.kind == .count else { continue }
                let implied = Interval(lower: 100 * part.value.lower / total, upper: 100 * part.value.upper / total,
                                       lowerIsClosed: part.value.lowerIsClosed, upperIsClosed: part.value.upperIsClosed)
                outcome.checksRun += 1
                outcome.usedFigures.formUnion([shareIndex, partIndex, wholeIndex])
                guard !implied.overlaps(share.value) else { continue }
                let actual = PercentCheck.format(percentOf: part.stated, in: total)
                var values = ["share": context.text(of: shareIndex), "part": context.text(of: partIndex), "whole": context.text(of: wholeIndex), "actual": actual]
                values[shareSlot] = context.text(of: shareIndex)
                values[partSlot] = context.text(of: partIndex)
                values[wholeSlot] = context.text(of: wholeIndex)
                outcome.findings.append(Finding(
                    ruleID: context.rule.id, severity: context.rule.severity,
                    message: context.message(values, fallback: "\(context.text(of: partIndex)) of \(context.text(of: wholeIndex)) is \(actual), not \(context.text(of: shareIndex))"),
                    primary: context.label(shareIndex, "share"),
                    related: [context.label(partIndex, "part"), context.label(wholeIndex, "whole")],
                    evidence: Evidence(stated: share.value, computed: implied, gap: implied.gap(to: share.value))
                ))
                continue
            }
            // Only the whole: is there a whole number of it that gives the share?
            guard total <= 1_000_000, total == total.rounded() else { continue }
            outcome.checksRun += 1
            outcome.usedFigures.formUnion([shareIndex, wholeIndex])
            let lowest = max(0, (share.value.lower * total / 100).rounded(.down) - 1)
            let highest = min(total, (share.value.upper * total / 100).rounded(.up) + 1)
            var feasible = false
            var below: Double?
            var above: Double?
            var count = lowest
            while count <= highest {
                let percent = 100 * count / total
                if share.value.contains(percent) {
                    feasible = true
                    break
                }
                if percent < share.value.lower { below = count } else if above == nil { above = count }
                count += 1
            }
            guard !feasible else { continue }
            let nearest = [below, above].compactMap { $0 }.map { "\(Interval.format($0)) is \(PercentCheck.format(percentOf: $0, in: total))" }
            var values = ["share": context.text(of: shareIndex), "whole": context.text(of: wholeIndex), "nearest": nearest.joined(separator: " and ")]
            values[shareSlot] = context.text(of: shareIndex)
            values[wholeSlot] = context.text(of: wholeIndex)
            let fallback = "no whole number of \(context.text(of: wholeIndex)) is \(context.text(of: shareIndex)): \(nearest.joined(separator: " and "))"
            let nearestInterval = Interval(lower: below.map { 100 * $0 / total } ?? 0, upper: above.map { 100 * $0 / total } ?? 100)
            outcome.findings.append(Finding(
                ruleID: context.rule.id, severity: context.rule.severity,
                message: context.message(values, fallback: fallback),
                primary: context.label(shareIndex, "share"),
                related: [context.label(wholeIndex, "whole")],
                evidence: Evidence(stated: share.value, computed: nearestInterval, gap: nearestInterval.gap(to: share.value))
            ))
        }
        return outcome
    }

    /// "68.4%": a share to one decimal.
    static func format(percentOf part: Double, in whole: Double) -> String {
        let value = (1000 * part / whole).rounded() / 10
        return Interval.format(value) + "%"
    }
}
