import FactlintKit

/// The problems with a command's input (rule files, paths, reports, shards, output files):
/// each is printed on standard error as it is found and kept for the formats that list them,
/// and any of them fails the run (exit code 2).
final class InputProblems {
    private(set) var diagnostics: [Diagnostic] = []

    /// Whether a problem was reported.
    var failed: Bool { !diagnostics.isEmpty }

    func report(_ diagnostic: Diagnostic) {
        Output.error(diagnostic.rendered())
        diagnostics.append(diagnostic)
    }
}
