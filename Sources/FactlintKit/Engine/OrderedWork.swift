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
        let board = Board<Result>(count: count, window: window ?? threads * 8)
        // The calling thread is one of the workers: while the result it hands back next is not
        // in, it works on the next item itself rather than sleep until a worker wakes it.
        for _ in 1..<threads {
            let thread = Thread {
                while let index = board.claim() {
                    board.finish(index, work(index))
                }
            }
            // Parsers recurse on nested Markdown; give workers the main thread's room.
            thread.stackSize = 16 << 20
            thread.start()
        }
        var next = 0
        while next < count {
            if let result = board.take(next, waiting: false) {
                deliver(next, result)
                next += 1
            } else if let index = board.claim(waiting: false) {
                board.finish(index, work(index))
            } else if let result = board.take(next, waiting: true) {
                deliver(next, result)
                next += 1
            }
        }
    }

    /// The shared state of a run: the next item to hand out and the results not yet taken.
    ///
    /// A thread is woken only when what it waits for has come: the caller when the result it
    /// takes next is in, a worker when the window has room again. (Waking every thread on every
    /// result cost thousands of needless context switches per run.)
    private final class Board<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        /// Signalled when the result the caller waits for is in.
        private let resultIn = NSCondition()
        /// Signalled when the window has room for workers to claim more.
        private let roomFree = NSCondition()
        private let count: Int
        private let window: Int
        private var nextToClaim = 0
        private var nextToTake = 0
        private var results: [Int: Result] = [:]
        /// The index the caller waits for, if it waits.
        private var awaited: Int?
        private var workersWaiting = 0

        init(count: Int, window: Int) {
            self.count = count
            self.window = max(window, 1)
        }

        /// The next item to work on, once it is within the window; nil when every item is handed
        /// out, or, without `waiting`, when the window is full.
        func claim(waiting: Bool = true) -> Int? {
            roomFree.lock()
            defer { roomFree.unlock() }
            while true {
                lock.lock()
                if nextToClaim >= count {
                    lock.unlock()
                    return nil
                }
                if nextToClaim - nextToTake < window {
                    nextToClaim += 1
                    lock.unlock()
                    return nextToClaim - 1
                }
                guard waiting else {
                    lock.unlock()
                    return nil
                }
                workersWaiting += 1
                lock.unlock()
                roomFree.wait()
                lock.lock()
                workersWaiting -= 1
                lock.unlock()
            }
        }

        func finish(_ index: Int, _ result: Result) {
            resultIn.lock()
            lock.lock()
            results[index] = result
            let wakes = awaited == index
            lock.unlock()
            if wakes { resultIn.signal() }
            resultIn.unlock()
        }

        /// The result of `index`, removed; with `waiting`, once it is in, else nil if it is not yet.
        func take(_ index: Int, waiting: Bool) -> Result? {
            resultIn.lock()
            while true {
                lock.lock()
                if let result = results.removeValue(forKey: index) {
                    nextToTake = index + 1
                    awaited = nil
                    let wakes = workersWaiting > 0
                    lock.unlock()
                    resultIn.unlock()
                    if wakes {
                        roomFree.lock()
                        roomFree.broadcast()
                        roomFree.unlock()
                    }
                    return result
                }
                guard waiting else {
                    lock.unlock()
                    resultIn.unlock()
                    return nil
                }
                awaited = index
                lock.unlock()
                resultIn.wait()
            }
        }
    }
}
