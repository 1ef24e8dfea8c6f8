import ArgumentParser
import FactlintKit

/// `factlint rules check`: validate rule files and report every mistake with its position.
struct CheckRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate rule files: report each mistake as file:line:col with the line and a caret."
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: ArgumentHelp("Rule files or folders to check (default: Rules/).", valueName: "file"))
    var paths: [String] = []

    func run() throws {
        let ruleSet = RuleLoader.load(paths: Rules.paths(ruleOptions, files: paths))
        let failed = Rules.report(ruleSet.diagnostics)
        let verdict = failed ? Rules.plural(ruleSet.diagnostics.count, "error") : "ok"
        print("\(Rules.plural(ruleSet.files.count, "rule file")), \(Rules.plural(ruleSet.rules.count, "rule")): \(verdict)")
        if failed { throw Exit.failure }
    }
}
