import Foundation

/// A progress line on standard error — "linted 120 of 4,000 files, 3.2 s" — rewritten in place.
///
/// It is drawn only when standard error is a terminal, so logs and pipes never see it, and at
/// most ten times a second; `finish()` clears it so the output that follows starts on a clean line.
final class ProgressLine {
    let total: Int
    let verb: String
    let isEnabled: Bool
    private let start = Date()
    private var lastDrawn: Date?
    private var drawn = false

    /// - Parameters:
    ///   - total: how many items the run will go through.
    ///   - verb: what is done to each, in the past tense ("linted").
    ///   - isEnabled: whether to draw at all; by default, when standard error is a terminal.
    init(total: Int, verb: String = "linted", isEnabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.total = total
        self.verb = verb
        self.isEnabled = isEnabled && total > 0
    }

    /// Records that `done` items are finished, redrawing the line when it is time to.
    func update(done: Int) {
        guard isEnabled else { return }
        let now = Date()
        if done < total, let lastDrawn, now.timeIntervalSince(lastDrawn) < 0.1 { return }
        lastDrawn = now
        let seconds = now.timeIntervalSince(start)
        let elapsed = String(format: "%.1f s", seconds)
        write("\r\u{1B}[K\(verb) \(done) of \(total) file\(total == 1 ? "" : "s"), \(elapsed)")
        drawn = true
    }

    /// Clears the line, if it was drawn.
    func finish() {
        guard isEnabled, drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
