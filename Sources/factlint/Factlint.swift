import ArgumentParser
import FactlintKit
import Foundation

/// The `factlint` command: parses arguments, does the I/O and picks the exit code.
@main
struct Factlint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factlint",
        abstract: "Check that the figures in a report agree with each other.",
        version: "0.1.0",
        subcommands: [Lint.self, Summary.self, Facts.self, Merge.self, Rules.self, Explain.self, Config.self, Init.self],
        defaultSubcommand: Lint.self
    )

    /// Runs the command and maps every outcome to factlint's exit codes: 0 clean, 1 findings, 2 anything else wrong.
    static func main() {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            var command = try parseAsRoot(PathRuns.fold(arguments))
            if var listing = command as? any ListsPaths {
                listing.paths = PathRuns.unfold(listing.paths, from: arguments)
                command = listing
            }
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Output.error(message) }
            // Usage mistakes are exit code 2, as every other input error.
            Foundation.exit(code == .success ? 0 : 2)
        }
    }
}

/// Writes to standard output and standard error.
enum Output {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// Whether text output gets colour: only on a terminal, never into a file, with
    /// `--no-color` or with `NO_COLOR` set.
    static func colorsStandardOutput(writingTo output: String?, noColor: Bool) -> Bool {
        output == nil && !noColor && stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// Exit codes as DESIGN.md states them.
enum Exit {
    static let findings = ExitCode(1)
    static let failure = ExitCode(2)
}
