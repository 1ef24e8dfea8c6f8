import ArgumentParser
import FactlintKit

/// `factlint rules test`: run every rule's examples and print the ones that misbehave.
struct TestRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the rules' examples: valid texts must be checked and pass, invalid texts must give a finding."
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: ArgumentHelp("Rule files or folders whose examples to run (default: Rules/).", valueName: "file"))
    var paths: [String] = []

    func run() throws {
        let ruleSet = RuleLoader.load(paths: Rules.paths(ruleOptions, files: paths))
        let failed = Rules.report(ruleSet.diagnostics)
        let report = RuleExampleRunner().run(ruleSet.rules)
        for failure in report.failures {
            let kind = failure.isValid ? "valid" : "invalid"
            print("FAIL \(failure.ruleID) \(kind) \"\(Rules.shortened(failure.text))\": \(Rules.oneLine(failure.failureDescription ?? ""))")
        }
        let examples = Rules.plural(report.results.count, "example")
        let rules = Rules.plural(report.rulesWithExamples, "rule")
        print("\(examples) of \(rules): \(report.passed) passed, \(report.failures.count) failed")
        if failed { throw Exit.failure }
        if !report.failures.isEmpty { throw Exit.findings }
    }
}
