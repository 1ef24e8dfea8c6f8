import ArgumentParser
import FactlintKit

/// Options shared by the commands that read rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file or a folder of rule files; repeatable.", valueName: "path"))
    var rulePaths: [String] = []

    /// The rule paths to load: those given, else `Rules/`.
    var resolvedRulePaths: [String] { rulePaths.isEmpty ? ["Rules"] : rulePaths }

    /// The rule paths to load: those given, else the configuration's, else `Rules/`.
    func resolvedRulePaths(_ configuration: Configuration) -> [String] {
        rulePaths.isEmpty ? configuration.rules ?? ["Rules"] : rulePaths
    }
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

extension FailLevel: ExpressibleByArgument {}

/// The `--config` option of the commands that read `.factlint.yml`.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file (default: the first .factlint.yml from the working directory upward).", valueName: "file"))
    var file: String?

    /// The configuration in effect; its mistakes are printed and end the run with exit code 2.
    func load() throws -> Configuration {
        let (configuration, diagnostics) = ConfigurationLoader.load(explicit: file)
        if !diagnostics.isEmpty {
            for diagnostic in diagnostics { Output.error(diagnostic.rendered()) }
            throw Exit.failure
        }
        return configuration
    }
}

/// `--jobs N`: how many reports are linted at once.
struct JobOptions: ParsableArguments {
    @Option(name: [.customShort("j"), .customLong("jobs")], help: ArgumentHelp("How many reports to lint at once (default: one per core). Output is the same whatever the number.", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The number of threads to lint on.
    var count: Int { jobs ?? LintRun.defaultJobs }
}
