import FactlintFigures
import Testing
@testable import FactlintKit

/// Comparing corpus facts across reports: the same finding and count as holding every pair of
/// statements against each other, and a bounded finding when thousands of reports state a fact.
@Suite struct CorpusCheckTests {
    static let rule = RuleLoader.load(yaml: """
        rules:
          - id: yearly-convictions-agree
            kind: same
            summary: A year's convictions are the same in every report.
            scope: corpus
            template: "convicted {n:count} traffickers in {year:year}"
            key: [year]
            value: n

        """, path: "rules.yml").0

    /// A statement of the fact "convictions in 2021" in report `path`, on line `line`.
    static func fact(_ value: Value, path: String, line: Int) -> CorpusFact {
        let span = SourceSpan(path: path, bytes: 0..<2, start: Location(line: line, column: 1), end: Location(line: line, column: 3))
        var interval: Interval?
        var isDate = false
        var words: String?
        switch value {
        case let .count(low, high): interval = Interval(lower: low, upper: high)
        case let .day(day): (interval, isDate) = (Interval(lower: day, upper: day), true)
        case let .words(text): words = text
        }
        return CorpusFact(
            rule: "yearly-convictions-agree", key: ["2021"], keyIsWords: [false], interval: interval, isDate: isDate, words: words,
            text: value.text, label: Label(span: span, message: ""), line: QuotedLine(path: path, number: line, start: 0, text: "convicted \(value.text)"),
            bindings: [:])
    }

    enum Value {
        /// A count known between two bounds ("about 80" is 75 to 85, say).
        case count(Double, Double)
        case day(Double)
        case words(String)

        var text: String {
            switch self {
            case let .count(low, high): low == high ? "\(Int(low))" : "\(Int(low))-\(Int(high))"
            case let .day(day): "day \(Int(day))"
            case let .words(text): text
            }
        }
    }

    /// The first statement that disagrees with an earlier one from another report, and the number
    /// of pairs from different reports that could be compared, found by holding every statement
    /// against every earlier one.
    static func pairwise(_ facts: [CorpusFact]) -> (conflict: (Int, Int)?, checks: Int) {
        var conflict: (Int, Int)?
        var checks = 0
        for (position, fact) in facts.enumerated() {
            for (earlierPosition, earlier) in facts[..<position].enumerated() where earlier.path != fact.path {
                guard let agrees = earlier.agrees(with: fact) else { continue }
                checks += 1
                if !agrees, conflict == nil { conflict = (position, earlierPosition) }
            }
        }
        return (conflict, checks)
    }

    /// A generator with a fixed seed, so a failure names a case that can be run again.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func givesTheSameFindingAndCountAsHoldingEveryPairAgainstEachOther() {
        // Values that overlap (80 and 78-82), that cannot be compared (a day against a count,
        // words against a figure) and words that hold each other ("Shelter Hope", "Hope").
        let values: [Value] = [.count(80, 80), .count(84, 84), .count(78, 82), .day(14_000), .day(14_001), .words("shelter hope"), .words("hope"), .words("harbour")]
        var generator = Seeded(state: 7)
        for trial in 0..<400 {
            let count = Int.random(in: 1...14, using: &generator)
            let reports = Int.random(in: 1...4, using: &generator)
            let kinds = Int.random(in: 1...values.count, using: &generator)
            let facts = (0..<count).map { line in
                Self.fact(values[Int.random(in: 0..<kinds, using: &generator)], path: "r\(Int.random(in: 0..<reports, using: &generator)).md", line: line + 1)
            }
            let expected = Self.pairwise(facts)
            let outcome = CorpusCheck.evaluate(facts, rules: Self.rule)

            #expect(outcome.checksRun == expected.checks, "trial \(trial)")
            #expect(outcome.findings.count == (expected.conflict == nil ? 0 : 1), "trial \(trial)")
            if let (stated, other) = expected.conflict, let finding = outcome.findings.first {
                #expect(finding.primary.span.start.line == stated + 1, "trial \(trial)")
                #expect(finding.message.contains("\(facts[other].path):\(other + 1) "), "trial \(trial): \(finding.message)")
            }
        }
    }

    @Test func aFactStatedInManyReportsNamesAFewPlacesPerValueAndCountsTheRest() throws {
        // 40 reports give 19, then 3 give 12, then 10 more give 19.
        let values = [Double](repeating: 19, count: 40) + [12, 12, 12] + [Double](repeating: 19, count: 10)
        let facts = values.enumerated().map { index, value in Self.fact(.count(value, value), path: "r\(index).md", line: 3) }

        let outcome = CorpusCheck.evaluate(facts, rules: Self.rule)

        let finding = try #require(outcome.findings.first)
        #expect(outcome.findings.count == 1)
        #expect(finding.primary.span.path == "r40.md", "the first 12, the first statement to disagree")
        // Five statements of 19 and all three of 12, less the finding's own place.
        #expect(finding.related.map(\.span.path) == ["r0.md", "r1.md", "r2.md", "r3.md", "r4.md", "r41.md", "r42.md"])
        #expect(finding.message.contains("12 in r42.md:3; 45 more statements of 19"), "message: \(finding.message)")
        #expect(!finding.message.contains("r5.md"))
        #expect(outcome.lines.keys.sorted() == ["r0.md", "r1.md", "r2.md", "r3.md", "r4.md", "r40.md", "r41.md", "r42.md"])
        // Every pair of statements is still counted as one check.
        #expect(outcome.checksRun == Self.pairwise(facts).checks)
    }

    @Test func statementsThatAgreeAreCountedNotKept() {
        // A thousand reports give 19 and two give 12: what is kept is a few statements per
        // value, however many reports agree.
        var facts = CorpusFacts()
        for index in 0..<1_000 { facts.add([Self.fact(.count(19, 19), path: "r\(index).md", line: 3)]) }
        facts.add([Self.fact(.count(12, 12), path: "late.md", line: 3), Self.fact(.count(12, 12), path: "late.md", line: 9)])

        #expect(facts.statementsKept <= 2 * (CorpusCheck.placesPerValue + 1) + 1, "kept \(facts.statementsKept)")
        let outcome = facts.evaluate(rules: Self.rule)
        #expect(outcome.findings.first?.message.contains("995 more statements of 19") == true)
        // The 19s pairwise (1,000 × 999 / 2) and each 12 against each 19.
        #expect(outcome.checksRun == 499_500 + 2_000)
    }
}
