import ArgumentParser

/// A command whose arguments are a list of paths: reports, rule files or shard outputs.
protocol ListsPaths: ParsableCommand {
    var paths: [String] { get set }
}

extension Lint: ListsPaths {}
extension Summary: ListsPaths {}
extension Facts: ListsPaths {}
extension Merge: ListsPaths {}
extension CheckRules: ListsPaths {}
extension TestRules: ListsPaths {}

/// Hands long lists of paths to the argument parser as a few placeholders, and back.
///
/// The argument parser stores each value of a list argument by copying the list gathered so
/// far, so n paths took time in n²: the 20,000 paths of a shell glob over an archive took
/// 15 seconds to parse, ten times as long as linting the reports. Every option of factlint
/// takes one value at most, so in a run of words that do not start with "-", every word after
/// the first is a path (the first may be an option's value). `fold` puts one placeholder in
/// place of each such tail; after parsing, `unfold` puts the paths back, in their order.
enum PathRuns {
    /// A placeholder starts with a NUL byte, which no argument from the command line can hold.
    static let mark: Character = "\u{0}"

    /// `arguments` (the command line without the program's name) with each run of paths
    /// after its first word replaced by a placeholder, for a command that lists paths; the
    /// arguments as they are for any other command. Command names are never folded.
    static func fold(_ arguments: [String], root: ParsableCommand.Type = Factlint.self) -> [String] {
        var command = root
        var start = 0
        var names: Set<String> = ["help"]
        collectNames(of: root, into: &names)
        while start < arguments.count,
              let subcommand = command.configuration.subcommands.first(where: { $0.configuration.commandName == arguments[start] }) {
            command = subcommand
            start += 1
        }
        // With no command named, the default one runs, unless the first word asks for help.
        let listsPaths = command is any ListsPaths.Type
            || (start == 0 && root.configuration.defaultSubcommand is any ListsPaths.Type && !(arguments.first.map(names.contains) ?? false))
        guard listsPaths else { return arguments }
        var folded = Array(arguments[..<start])
        var index = start
        /// Whether a word may be folded: a path for certain once it follows another plain word.
        func isPlain(_ word: String) -> Bool { !word.hasPrefix("-") && !names.contains(word) }
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" {
                // Everything after the terminator is a path.
                folded.append(word)
                folded += fold(arguments, index + 1..<arguments.count)
                break
            }
            folded.append(word)
            index += 1
            guard isPlain(word) else { continue }
            var end = index
            while end < arguments.count, isPlain(arguments[end]) { end += 1 }
            folded += fold(arguments, index..<end)
            index = end
        }
        return folded
    }

    /// A placeholder for `arguments[range]`, or the words themselves when there are fewer than two.
    private static func fold(_ arguments: [String], _ range: Range<Int>) -> [String] {
        range.count < 2 ? Array(arguments[range]) : ["\(mark)\(range.lowerBound) \(range.upperBound)"]
    }

    private static func collectNames(of command: ParsableCommand.Type, into names: inout Set<String>) {
        for subcommand in command.configuration.subcommands {
            if let name = subcommand.configuration.commandName { names.insert(name) }
            collectNames(of: subcommand, into: &names)
        }
    }

    /// The paths a command parsed from `fold(arguments)`, with each placeholder replaced by the
    /// words it stands for.
    static func unfold(_ values: [String], from arguments: [String]) -> [String] {
        guard values.contains(where: { $0.first == mark }) else { return values }
        var paths: [String] = []
        for value in values {
            guard value.first == mark else {
                paths.append(value)
                continue
            }
            let bounds = value.dropFirst().split(separator: " ").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] >= 0, bounds[0] < bounds[1], bounds[1] <= arguments.count else {
                paths.append(value)
                continue
            }
            paths += arguments[bounds[0]..<bounds[1]]
        }
        return paths
    }
}
