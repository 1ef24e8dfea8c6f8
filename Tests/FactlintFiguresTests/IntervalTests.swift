import FactlintFigures
import Testing

/// Checks decide "can these figures all be true at once" with intervals, so an off-by-one
/// at an open end is a false finding or a missed one.
@Suite("Interval")
struct IntervalTests {
    static func closed(_ lower: Double, _ upper: Double) -> Interval { Interval(lower: lower, upper: upper) }
    static func open(_ lower: Double, _ upper: Double) -> Interval {
        Interval(lower: lower, upper: upper, lowerIsClosed: false, upperIsClosed: false)
    }
    static func closedOpen(_ lower: Double, _ upper: Double) -> Interval {
        Interval(lower: lower, upper: upper, lowerIsClosed: true, upperIsClosed: false)
    }
    static func openClosed(_ lower: Double, _ upper: Double) -> Interval {
        Interval(lower: lower, upper: upper, lowerIsClosed: false, upperIsClosed: true)
    }

    struct Pair: Sendable, CustomTestStringConvertible {
        var left: Interval
        var right: Interval
        var expected: Bool
        var testDescription: String { "\(left) vs \(right) → \(expected)" }
    }

    static let overlapCases: [Pair] = [
        Pair(left: closed(0, 1), right: closed(1, 2), expected: true),
        Pair(left: closedOpen(0, 1), right: closed(1, 2), expected: false),
        Pair(left: closed(0, 1), right: openClosed(1, 2), expected: false),
        Pair(left: closedOpen(0, 1), right: openClosed(1, 2), expected: false),
        Pair(left: open(1000, .infinity), right: .exactly(1000), expected: false),
        Pair(left: open(1000, .infinity), right: .exactly(1001), expected: true),
        Pair(left: closed(12, .infinity), right: .exactly(12), expected: true),
        Pair(left: closedOpen(0, 50), right: closed(50, 60), expected: false),
        Pair(left: closedOpen(0, 50), right: closed(49.9, 60), expected: true),
        Pair(left: closed(45, 55), right: closed(54, 70), expected: true),
        Pair(left: closed(3, 4), right: closed(5, 6), expected: false),
        Pair(left: closed(0, 10), right: closed(3, 4), expected: true),
        Pair(left: .exactly(19), right: .exactly(19), expected: true),
        Pair(left: .exactly(19), right: .exactly(20), expected: false),
        Pair(left: .unbounded, right: .exactly(-5), expected: true),
        Pair(left: closedOpen(5, 5), right: closed(0, 10), expected: false),  // empty
    ]

    @Test("overlaps respects open and closed ends, in both orders", arguments: overlapCases)
    func overlaps(_ pair: Pair) {
        #expect(pair.left.overlaps(pair.right) == pair.expected)
        #expect(pair.right.overlaps(pair.left) == pair.expected)
    }

    @Test("contains respects open and closed ends")
    func contains() {
        #expect(!IntervalTests.open(1000, .infinity).contains(1000))
        #expect(IntervalTests.open(1000, .infinity).contains(1000.5))
        #expect(IntervalTests.closedOpen(0, 50).contains(0))
        #expect(!IntervalTests.closedOpen(0, 50).contains(50))
        #expect(IntervalTests.closed(4.75, 4.85).contains(4.85))
        #expect(!IntervalTests.closed(4.75, 4.85).contains(4.86))
        #expect(Interval.unbounded.contains(-1e300))
    }

    @Test("emptiness")
    func emptiness() {
        #expect(IntervalTests.closedOpen(1, 1).isEmpty)
        #expect(IntervalTests.openClosed(1, 1).isEmpty)
        #expect(!Interval.exactly(1).isEmpty)
        #expect(IntervalTests.closed(2, 1).isEmpty)
        #expect(!Interval.unbounded.isEmpty)
    }

    @Test("infinite ends are never closed")
    func infiniteEndsAreOpen() {
        let atLeast = Interval(lower: 12, upper: .infinity, lowerIsClosed: true, upperIsClosed: true)
        #expect(atLeast.lowerIsClosed)
        #expect(!atLeast.upperIsClosed)
        #expect(!Interval.unbounded.lowerIsClosed && !Interval.unbounded.upperIsClosed)
    }

    struct Sum: Sendable, CustomTestStringConvertible {
        var left: Interval
        var right: Interval
        var expected: Interval
        var testDescription: String { "\(left) + \(right) = \(expected)" }
    }

    static let sums: [Sum] = [
        Sum(left: .exactly(12), right: .exactly(7), expected: .exactly(19)),
        Sum(left: closed(1, 2), right: closed(3, 4), expected: closed(4, 6)),
        Sum(left: closedOpen(1, 2), right: closed(3, 4), expected: closedOpen(4, 6)),
        Sum(left: openClosed(1, 2), right: closed(3, 4), expected: openClosed(4, 6)),
        Sum(left: open(1, .infinity), right: .exactly(2), expected: open(3, .infinity)),
        Sum(left: closed(0, 5), right: closed(0, .infinity), expected: closed(0, .infinity)),
        Sum(left: closed(69.5, 70.5), right: closed(29.5, 30.5), expected: closed(99, 101)),
    ]

    @Test("adding intervals adds their ends and keeps an end closed only if both are", arguments: sums)
    func addition(_ sum: Sum) {
        let result = sum.left + sum.right
        #expect(result == sum.expected)
        #expect(sum.right + sum.left == sum.expected)
    }

    @Test("gap is the distance between intervals that do not meet", arguments: [
        (closed(0, 1), closed(3, 4), 2.0),
        (closed(0, 10), closed(3, 4), 0.0),
        (closed(0, 1), closed(1, 2), 0.0),
        (closedOpen(0, 1), closed(1, 2), 0.0),
        (open(1000, .infinity), Interval.exactly(900), 100.0),
        (Interval.exactly(19), Interval.exactly(13), 6.0),
        (closedOpen(0, 50), closed(75, 80), 25.0),
    ])
    func gap(_ left: Interval, _ right: Interval, _ expected: Double) {
        #expect(left.gap(to: right) == expected)
        #expect(right.gap(to: left) == expected)
    }

    struct Below: Sendable, CustomTestStringConvertible {
        var left: Interval
        var right: Interval
        var strict: Bool
        var expected: Bool
        var testDescription: String { "\(left) \(strict ? "<" : "≤") \(right) possible: \(expected)" }
    }

    static let belowCases: [Below] = [
        Below(left: .exactly(5), right: .exactly(5), strict: false, expected: true),
        Below(left: .exactly(5), right: .exactly(5), strict: true, expected: false),
        Below(left: openClosed(5, 6), right: closed(0, 5), strict: false, expected: false),
        Below(left: closed(5, 6), right: closed(0, 5), strict: false, expected: true),
        Below(left: closed(5, 6), right: closedOpen(0, 5), strict: false, expected: false),
        Below(left: closed(5, 6), right: closedOpen(0, 5), strict: true, expected: false),
        Below(left: closed(0, 10), right: .exactly(3), strict: true, expected: true),
        Below(left: closed(4, 5), right: closed(0, 3), strict: false, expected: false),
        Below(left: closed(4, 5), right: closed(0, 3), strict: true, expected: false),
        Below(left: closedOpen(1, 1), right: closed(0, 10), strict: false, expected: false),  // empty
        Below(left: .exactly(5), right: closed(5, .infinity), strict: true, expected: true),
        Below(left: open(1000, .infinity), right: .exactly(1000), strict: false, expected: false),
        // Convictions "over 1,000" cannot be at most 1,000 prosecutions; "at least 1,000" can.
        Below(left: closed(1000, .infinity), right: .exactly(1000), strict: false, expected: true),
    ]

    @Test("canBeBelow respects open and closed ends", arguments: belowCases)
    func canBeBelow(_ below: Below) {
        #expect(below.left.canBeBelow(below.right, strict: below.strict) == below.expected)
    }

    @Test("isEntirelyBelow respects open and closed ends")
    func entirelyBelow() {
        #expect(IntervalTests.closed(1, 2).isEntirelyBelow(IntervalTests.closed(3, 4), strict: true))
        #expect(IntervalTests.closed(1, 2).isEntirelyBelow(IntervalTests.closed(2, 3), strict: false))
        #expect(!IntervalTests.closed(1, 2).isEntirelyBelow(IntervalTests.closed(2, 3), strict: true))
        #expect(IntervalTests.closedOpen(1, 2).isEntirelyBelow(IntervalTests.closed(2, 3), strict: true))
        #expect(!IntervalTests.closed(1, 3).isEntirelyBelow(IntervalTests.closed(2, 4), strict: false))
    }

    @Test("intersection keeps the tighter end")
    func intersection() {
        #expect(IntervalTests.closed(0, 10).intersection(IntervalTests.openClosed(5, 20)) == IntervalTests.openClosed(5, 10))
        #expect(IntervalTests.closed(0, 10).intersection(IntervalTests.closedOpen(0, 10)) == IntervalTests.closedOpen(0, 10))
    }

    @Test("description as shown in messages", arguments: [
        (Interval.exactly(19), "19"),
        (closed(45, 55), "[45, 55]"),
        (open(1000, .infinity), "(1000, ∞)"),
        (closed(12, .infinity), "[12, ∞)"),
        (closedOpen(0, 50), "[0, 50)"),
        (closed(4.75, 4.85), "[4.75, 4.85]"),
        (Interval.exactly(-3), "-3"),
        (Interval.exactly(0.5), "0.5"),
    ])
    func description(_ interval: Interval, _ expected: String) {
        #expect(interval.description == expected)
    }

    @Test("midpoint")
    func midpoint() {
        #expect(IntervalTests.closed(45, 55).midpoint == 50)
        #expect(IntervalTests.closed(12, .infinity).midpoint == 12)
        #expect(Interval(lower: -.infinity, upper: 150).midpoint == 150)
        #expect(Interval.unbounded.midpoint == 0)
    }
}
