import ArgumentParser
import FactlintKit

/// Options shared by the commands that read rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file or a folder of rule files; repeatable.", valueName: "path"))
    var rulePaths: [String] = []

    /// The rule paths to load: those given, else `Rules/`.
    var resolvedRulePaths: [String] { rulePaths.isEmpty ? ["Rules"] : rulePaths }
}

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, line
}

enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    var threshold: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .info: return .info
        case .never: return nil
        }
    }
}
