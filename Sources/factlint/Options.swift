import ArgumentParser
import FactlintKit

/// Options shared by the commands that read rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file or a folder of rule files; repeatable.", valueName: "path"))
    var rulePaths: [String] = []

    /// The rule paths to load: those given, else `Rules/`.
    var resolvedRulePaths: [String] { rulePaths.isEmpty ? ["Rules"] : rulePaths }
}

/// The output formats of `factlint lint`.
enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, line, json, sarif, github, junit, checkstyle, markdown

    /// Whether findings are written one at a time as the run goes (else the whole run at once).
    var isStreaming: Bool { self == .text || self == .line }

    /// The reporter for a format that renders the whole run at once; nil for text and line.
    func runReporter(toolVersion: String, baseDirectory: String) -> (any RunReporter)? {
        switch self {
        case .text, .line: return nil
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(toolVersion: toolVersion, informationURI: Lint.homepage, baseDirectory: baseDirectory)
        case .github: return GitHubReporter()
        case .junit: return JUnitReporter()
        case .checkstyle: return CheckstyleReporter()
        case .markdown: return MarkdownReporter()
        }
    }
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
