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

    /// The run the configuration and the rule files describe. Problems with rule files go to
    /// `report`; a configuration naming a rule no file defines ends the command (exit 2).
    func lintRun(_ configuration: Configuration, report: (Diagnostic) -> Void) throws -> LintRun {
        let ruleSet = RuleLoader.load(paths: resolvedRulePaths(configuration), limits: configuration.limits)
        ruleSet.diagnostics.forEach(report)
        let unknownRules = configuration.diagnostics(forRuleIDs: ruleSet.rules.map(\.id))
        if !unknownRules.isEmpty {
            unknownRules.forEach { Output.error($0.rendered()) }
            throw Exit.failure
        }
        return LintRun(configuration: configuration, ruleSet: ruleSet)
    }
}

/// `--shard I/N`: one part of the files, for a CI matrix.
struct ShardOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only shard I of N of the files, split stably by path, for a CI matrix; `factlint merge` joins the shards' `facts --format jsonl` output.", valueName: "I/N"))
    var shard: String?

    func validate() throws {
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, as in --shard 2/3") }
    }

    var value: Shard? { shard.flatMap(Shard.init) }
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

/// `--format`, `--output` and `--no-color` of the commands that print findings (`lint`, `merge`).
struct LintOutputOptions: ParsableArguments {
    @Option(help: "Output format: text, line, json, sarif, github, junit, checkstyle or markdown.")
    var format: LintFormat = .text

    @Option(help: ArgumentHelp("Write the output to this file, replacing it whole, instead of to standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    /// The printer these options ask for; text gets colour only on a terminal.
    func printer(failOn: FailLevel, rules: [Rule]) -> RunPrinter {
        let useColor = format == .text && Output.colorsStandardOutput(writingTo: output, noColor: noColor)
        return RunPrinter(format: format, output: output, failOn: failOn, rules: rules, useColor: useColor)
    }
}

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
    @Option(name: [.customShort("j", allowingJoined: true), .customLong("jobs")], help: ArgumentHelp("How many reports to read at once (default: one per core). Output is the same whatever the number.", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The number of threads to read reports on.
    var count: Int { jobs ?? LintRun.defaultJobs }
}

/// `--fail-on LEVEL` and `--strict`: which findings fail the run.
struct FailOptions: ParsableArguments {
    @Option(name: .customLong("fail-on"), help: "The lowest severity that fails the run: error, warning, info or never (default: the configuration's fail_on, else error).")
    var failOn: FailLevel?

    @Flag(help: "Fail on any finding, warnings and notes included (the same as --fail-on info).")
    var strict = false

    /// The level in force: `--strict`, else `--fail-on`, else the configuration's, else error.
    func level(_ configuration: Configuration) -> FailLevel {
        strict ? .info : failOn ?? configuration.failOn ?? .error
    }
}
