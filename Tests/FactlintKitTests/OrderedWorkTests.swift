@testable import FactlintKit
import Foundation
import Testing

/// Work spread over threads comes back in item order, each item once.
@Suite struct OrderedWorkTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsArriveInOrderWhateverTheirDurations(jobs: Int) {
        var delivered: [Int] = []
        var values: [String] = []
        OrderedWork.run(count: 40, jobs: jobs, window: 3, work: { index in
            // Early items take longest, so without ordering later ones would overtake them.
            usleep(UInt32((40 - index) % 7) * 300)
            return "item \(index)"
        }, deliver: { index, value in
            delivered.append(index)
            values.append(value)
        })

        #expect(delivered == Array(0..<40))
        #expect(values == (0..<40).map { "item \($0)" })
    }

    @Test(arguments: [2, 3])
    func everyItemIsWorkedOnOnceWhileTheCallerWorksToo(jobs: Int) {
        // The calling thread takes items while the result it hands back next is not in; no item
        // may be worked on twice or skipped, whichever thread takes it.
        let tally = WorkTally(count: 200)
        var delivered = 0
        OrderedWork.run(count: 200, jobs: jobs, window: 4, work: { index in
            tally.worked(on: index)
            if index % 9 == 0 { usleep(200) }
            return index
        }, deliver: { index, value in
            #expect(index == value)
            delivered += 1
        })
        #expect(delivered == 200)
        #expect(tally.counts == [Int](repeating: 1, count: 200))
    }

    @Test func noItemsDeliverNothing() {
        var calls = 0
        OrderedWork.run(count: 0, jobs: 4, work: { $0 }, deliver: { _, _ in calls += 1 })
        #expect(calls == 0)
    }

    @Test func theWindowBoundsHowFarWorkersRunAhead() {
        let tracker = AheadTracker()
        OrderedWork.run(count: 30, jobs: 4, window: 2, work: { index in
            tracker.started(index)
            return index
        }, deliver: { index, _ in
            usleep(200)
            tracker.delivered(index)
        })
        // The item being handed over has left the window but is not yet marked delivered here, hence + 1.
        #expect(tracker.largestLead <= 2 + 1, "a worker started item n + \(tracker.largestLead) before item n was delivered")
    }
}

/// How far ahead of the last delivered item work was started.
final class AheadTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var nextToDeliver = 0
    private(set) var largestLead = 0

    func started(_ index: Int) {
        lock.lock()
        largestLead = max(largestLead, index - nextToDeliver + 1)
        lock.unlock()
    }

    func delivered(_ index: Int) {
        lock.lock()
        nextToDeliver = index + 1
        lock.unlock()
    }
}

/// How many times each item was worked on.
final class WorkTally: @unchecked Sendable {
    private let lock = NSLock()
    private var tally: [Int]

    init(count: Int) {
        tally = [Int](repeating: 0, count: count)
    }

    func worked(on index: Int) {
        lock.lock()
        tally[index] += 1
        lock.unlock()
    }

    var counts: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return tally
    }
}
