import Foundation

/// Runs work items on several threads and hands their results back in item order.
///
/// Workers take the next item as soon as they are free, so a slow file does not hold the
/// others up, but at most `window` results wait to be handed back: memory stays bounded
/// however many items there are, and the output order does not depend on timing.
enum OrderedWork {
    /// Runs `work` for each index in `0..<count` on up to `jobs` threads; calls `deliver` on the
    /// calling thread, once per index, in increasing order.
    ///
    /// - Complexity: O(count) hand-overs; with one job everything runs on the calling thread.
    static func run<Result: Sendable>(
        count: Int, jobs: Int, window: Int? = nil,
        work: @escaping @Sendable (Int) -> Result,
        deliver: (Int, Result) -> Void
    ) {
        let threads = min(max(jobs, 1), count)
        if threads <= 1 {
            for index in 0..<count { deliver(index, work(index)) }
            return
        }
        let board = Board<Result>(count: count, window: window ?? threads * 4)
        for _ in 0..<threads {
            let thread = Thread {
                while let index = board.claim() {
                    board.finish(index, work(index))
                }
            }
            // Parsers recurse on nested Markdown; give workers the main thread's room.
            thread.stackSize = 16 << 20
            thread.start()
        }
        for index in 0..<count {
            deliver(index, board.take(index))
        }
    }

    /// The shared state of a run: the next item to hand out and the results not yet taken.
    private final class Board<Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let window: Int
        private var nextToClaim = 0
        private var nextToTake = 0
        private var results: [Int: Result] = [:]

        init(count: Int, window: Int) {
            self.count = count
            self.window = max(window, 1)
        }

        /// The next item to work on, once it is within the window; nil when every item is handed out.
        func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while nextToClaim < count && nextToClaim - nextToTake >= window {
                condition.wait()
            }
            guard nextToClaim < count else { return nil }
            nextToClaim += 1
            return nextToClaim - 1
        }

        func finish(_ index: Int, _ result: Result) {
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the result of `index` and removes it.
        func take(_ index: Int) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = results.removeValue(forKey: index) {
                    nextToTake = index + 1
                    condition.broadcast()
                    return result
                }
                condition.wait()
            }
        }
    }
}
