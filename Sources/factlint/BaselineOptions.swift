import ArgumentParser
import FactlintKit
import Foundation

/// `--baseline` and `--write-baseline`, of the commands that print findings (`lint`, `merge`).
struct BaselineOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Report only findings that this baseline file does not hold.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record today's findings in this file, to adopt factlint on old reports.", valueName: "file"))
    var writeBaseline: String?

    /// The baseline work of one run: the baseline given, else the configuration's (which is not
    /// read while a new one is being written).
    func start(_ configuration: Configuration, problems: InputProblems) -> BaselineRun {
        BaselineRun(reading: baseline ?? (writeBaseline == nil ? configuration.baseline : nil), writingTo: writeBaseline, problems: problems)
    }
}

/// Holds back the findings a baseline records (each recorded finding absorbs one) and records
/// the run's findings when a new baseline is to be written.
struct BaselineRun {
    let loaded: Baseline?
    let writesTo: String?
    private var remaining: [Baseline.Entry: Int]
    private var recorded: [Baseline.Entry] = []

    /// Reads the baseline at `path`, if any; one that cannot be read is a problem with the input,
    /// and the run goes on without it.
    init(reading path: String?, writingTo writesTo: String?, problems: InputProblems) {
        var loaded: Baseline?
        if let path {
            do {
                loaded = try Baseline.load(path: path)
            } catch let diagnostic as Diagnostic {
                problems.report(diagnostic)
            } catch {
                problems.report(Diagnostic(path: path, message: "cannot read the baseline: \(error.localizedDescription)"))
            }
        }
        self.loaded = loaded
        self.writesTo = writesTo
        remaining = loaded?.counts ?? [:]
    }

    /// Whether findings are held back or recorded at all: their entries are worked out only then.
    private var isUsed: Bool { loaded != nil || writesTo != nil }

    /// A report's findings less those the baseline holds, given the entry of each finding
    /// (`Baseline.entries(of:)`, in the order of the findings).
    mutating func newFindings(_ findings: [Finding], entries: @autoclosure () -> [Baseline.Entry]) -> [Finding] {
        guard isUsed else { return findings }
        let entries = entries()
        if writesTo != nil { recorded += entries }
        guard let loaded else { return findings }
        return loaded.newFindings(findings, entries: entries, using: &remaining)
    }

    /// The same for the findings made across reports, known by the lines they quote.
    mutating func newFindings(acrossReports findings: inout [Finding], quoting: (String, Int) -> QuotedLine?) {
        findings = newFindings(findings, entries: findings.map { Baseline.entry(for: $0, quoting: quoting) })
    }

    /// Writes the recorded findings, when asked to, and says how many on standard error.
    func finish(problems: InputProblems) {
        guard let writesTo else { return }
        do {
            try Baseline(entries: recorded).write(to: writesTo)
            Output.error("recorded \(recorded.count) finding\(recorded.count == 1 ? "" : "s") in \(writesTo)")
        } catch let diagnostic as Diagnostic {
            problems.report(diagnostic)
        } catch {
            problems.report(Diagnostic(path: writesTo, message: "cannot write the baseline: \(error.localizedDescription)"))
        }
    }
}
