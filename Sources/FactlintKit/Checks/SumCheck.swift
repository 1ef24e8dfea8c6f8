import FactlintFigures

/// Parts add up to a total: "Of the 19 convicted, one was sentenced to …, four …".
///
/// Each total takes the parts that follow it in its scope, up to the next total. A complete
/// breakdown must meet the total at the figures' stated precision; an incomplete one
/// (`complete: false`, or a breakdown that says "including", "other", "remaining" …) is a
/// finding only when the parts certainly exceed the total.
public struct SumCheck: Check {
    public var totals: [Template]
    public var parts: [Template]
    public var totalSlot: String
    public var partSlot: String
    public var complete: Bool
    public var minimumParts: Int

    /// Words that say a list does not name every part.
    static let openWords: Set<String> = ["including", "include", "includes", "included", "among", "remaining", "remainder", "rest", "other", "others", "such", "e.g", "some"]

    public var templates: [Template] { totals + parts }

    public var describedTemplates: [(role: String, source: String)] {
        totals.map { (role: "total", source: $0.source) } + parts.map { (role: "part", source: $0.source) }
    }

    /// Every finding starts from a match.
    public var judgesMatchesOnly: Bool { true }

    /// A total is judged by the parts that follow it: a report needs both.
    public var requiredMatches: [Range<Int>] { Self.consecutiveGroups(totals.count, parts.count) }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        let totalMatches = TemplateMatch.inReadingOrder(context.matches.prefix(totals.count))
        let partMatches = TemplateMatch.inReadingOrder(context.matches.dropFirst(totals.count))
        // Units (sentence, block, section) never decrease in reading order, so the next total in
        // this unit is the next total or none, and the parts end at the first part in a later unit:
        // each total looks only at its own parts, and a long document is not quadratic.
        for (position, total) in totalMatches.enumerated() {
            guard let (totalIndex, totalFigure) = context.figure(total[totalSlot]) else { continue }
            let unit = context.unit(of: total)
            let following = position + 1 < totalMatches.count ? totalMatches[position + 1] : nil
            let next = following.flatMap { context.unit(of: $0) == unit ? $0 : nil }
            var seen: Set<Int> = [totalIndex]
            var found: [(Int, Figure)] = []
            var lastSentence: Int?
            var low = 0
            var high = partMatches.count
            while low < high {
                let middle = (low + high) / 2
                if partMatches[middle].bytes.lowerBound >= total.bytes.upperBound { high = middle } else { low = middle + 1 }
            }
            for part in partMatches[low...] {
                let partUnit = context.unit(of: part)
                if partUnit > unit { break }
                guard partUnit == unit else { continue }
                if let next, part.bytes.lowerBound >= next.bytes.lowerBound { break }
                guard let (index, figure) = context.figure(part[partSlot]) else { continue }
                if seen.contains(index) {
                    lastSentence = part.sentence
                    continue
                }
                seen.insert(index)
                found.append((index, figure))
                lastSentence = part.sentence
            }
            guard !found.isEmpty else { continue }
            let sentences = total.sentence...max(total.sentence, lastSentence ?? total.sentence)
            let isComplete = complete && !mentionsOpenWords(context.document, sentences: sentences)
            if isComplete, found.count < minimumParts { continue }
            let sum = found.map(\.1.value).reduce(Interval.exactly(0), +)
            outcome.checksRun += 1
            outcome.usedFigures.insert(totalIndex)
            outcome.usedFigures.formUnion(found.map(\.0))
            let violated = isComplete ? !sum.overlaps(totalFigure.value) : !sum.canBeBelow(totalFigure.value, strict: false)
            guard violated else { continue }
            let expression = context.sumExpression(found.map(\.0))
            var values = ["parts": sum.description, "sum": expression, "gap": Interval.format(sum.gap(to: totalFigure.value))]
            values["total"] = context.text(of: totalIndex)
            values[totalSlot] = context.text(of: totalIndex)
            let fallback = isComplete
                ? "the parts add up to \(sum) (\(expression)), but the total is \(context.text(of: totalIndex))"
                : "the parts add up to \(sum) (\(expression)), more than the total of \(context.text(of: totalIndex))"
            outcome.findings.append(Finding(
                ruleID: context.rule.id, severity: context.rule.severity,
                message: context.message(values, fallback: fallback),
                primary: context.label(totalIndex, "total"),
                related: found.map { context.label($0.0, "part") },
                evidence: Evidence(stated: totalFigure.value, computed: sum, gap: sum.gap(to: totalFigure.value))
            ))
        }
        return outcome
    }

    func mentionsOpenWords(_ document: Document, sentences: ClosedRange<Int>) -> Bool {
        for sentence in sentences {
            for index in document.sentences[sentence].tokens where document.tokens[index].kind == .word {
                let word = ByteText.lowercasedString(document.source.bytes, document.tokens[index].bytes)
                if SumCheck.openWords.contains(word) { return true }
            }
        }
        return false
    }
}
