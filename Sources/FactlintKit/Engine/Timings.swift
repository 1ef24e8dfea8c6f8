/// Where a run spent its time: reading reports, and evaluating each rule (`factlint lint --timing`).
///
/// Times add up across threads, so with several jobs they exceed the wall-clock time.
public struct Timings: Sendable {
    /// Reading reports into blocks, sentences and figures, and indexing their sentences.
    public var reading: Duration = .zero
    /// Matching each rule's templates and running its check, by rule id.
    public var rules: [String: Duration] = [:]
    /// Reports taken from the cache (`--cache`): neither read nor linted, so not timed.
    public var cachedReports = 0

    public init() {}

    public mutating func add(_ other: Timings) {
        reading += other.reading
        for (id, time) in other.rules { rules[id, default: .zero] += time }
    }

    /// The total of reading and every rule.
    public var total: Duration { rules.values.reduce(reading, +) }

    /// A table of the slowest entries first, as "rule  milliseconds  share":
    ///
    ///     Rule                          Time (ms)  Share
    ///     (reading reports)                 231.4  41.2%
    ///     sentences-add-up                   98.0  17.4%
    public func table(limit: Int = 10) -> String {
        let entries = ([("(reading reports)", reading)] + rules.map { ($0.key, $0.value) })
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let total = self.total
        let shown = entries.prefix(limit)
        let width = max(4, shown.map(\.0.count).max() ?? 0)
        func milliseconds(_ time: Duration) -> Double {
            Double(time.components.seconds) * 1000 + Double(time.components.attoseconds) / 1e15
        }
        func fixed(_ value: Double, _ digits: Int) -> String {
            let scale = digits == 1 ? 10.0 : 1.0
            let rounded = (value * scale).rounded() / scale
            let text = digits == 1 ? String(rounded) : String(Int(rounded))
            return text
        }
        func padded(_ text: String, _ width: Int, left: Bool) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + padding : padding + text
        }
        let totalMilliseconds = milliseconds(total)
        var lines = [padded("Rule", width, left: true) + "  " + padded("Time (ms)", 10, left: false) + "  " + padded("Share", 6, left: false)]
        for (name, time) in shown {
            let ms = milliseconds(time)
            let share = totalMilliseconds > 0 ? ms / totalMilliseconds * 100 : 0
            lines.append(padded(name, width, left: true) + "  " + padded(fixed(ms, 1), 10, left: false) + "  " + padded(fixed(share, 1) + "%", 6, left: false))
        }
        if entries.count > limit {
            lines.append("(\(entries.count - limit) more rules below \(fixed(milliseconds(shown.last?.1 ?? .zero), 1)) ms)")
        }
        lines.append(padded("Total", width, left: true) + "  " + padded(fixed(totalMilliseconds, 1), 10, left: false))
        if cachedReports > 0 {
            lines.append("(\(cachedReports) report\(cachedReports == 1 ? "" : "s") unchanged, taken from the cache: not timed)")
        }
        return lines.joined(separator: "\n")
    }
}
