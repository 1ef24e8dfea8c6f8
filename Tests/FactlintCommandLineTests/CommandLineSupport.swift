import FactlintTestSupport
import Foundation
import Testing

/// Helpers shared by the command-line tests: running factlint, reading its output, sample reports.
enum CLI {
    /// What one run of factlint printed, and its exit status.
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The bundled rules, by absolute path, for runs whose working directory is a temporary folder.
    static var bundledRules: String { CommandRunner.packageRoot.appendingPathComponent("Rules").path }

    /// How many rules the bundled packs define (every `- id:` entry), so the summary's count can be checked.
    static func bundledRuleCount() throws -> Int {
        let root = CommandRunner.packageRoot.appendingPathComponent("Rules")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return 0 }
        var count = 0
        for case let url as URL in walker where ["yml", "yaml"].contains(url.pathExtension) {
            let text = try String(contentsOf: url, encoding: .utf8)
            count += text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- id:") }.count
        }
        return count
    }

    /// Runs factlint in `directory` (default: the package root), with NO_COLOR set as CommandRunner does.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Output {
        let result = try CommandRunner.run(arguments, in: directory)
        return Output(stdout: result.stdout, stderr: result.stderr, status: result.status)
    }

    /// Runs factlint with NO_COLOR removed from the environment and stdout a pipe (not a terminal).
    static func runWithoutNoColor(_ arguments: [String], in directory: URL) throws -> Output {
        let result = try CommandRunner.run(arguments, in: directory, unsetting: ["NO_COLOR"])
        return Output(stdout: result.stdout, stderr: result.stderr, status: result.status)
    }

    /// Runs factlint with its stdout on a pseudo-terminal, as a user at a terminal sees it.
    ///
    /// - Parameter noColor: whether NO_COLOR is set in the environment.
    /// - Returns: what factlint wrote to the terminal (the terminal turns "\n" into "\r\n") and the exit status.
    static func runOnTerminal(_ arguments: [String], in directory: URL, noColor: Bool) throws -> (terminal: String, status: Int32) {
        let pty = try PseudoTerminal()
        let primary = pty.primary
        let secondary = pty.secondary
        defer { close(primary) }
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        if noColor { environment["NO_COLOR"] = "1" }
        environment["TERM"] = "xterm-256color"
        process.environment = environment
        process.standardOutput = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
        process.standardError = Pipe()
        do {
            try process.run()
        } catch {
            close(secondary)
            throw error
        }
        close(secondary)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(primary, &buffer, buffer.count)
            if count <= 0 { break }  // EIO once factlint has exited and closed the terminal.
            bytes += buffer[0..<count]
        }
        process.waitUntilExit()
        return (String(decoding: bytes, as: UTF8.self), process.terminationStatus)
    }

    /// The non-empty lines of `text`.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// Whether `text` holds an ANSI escape sequence (colour or style).
    static func hasANSIEscape(_ text: String) -> Bool {
        text.contains("\u{1B}[")
    }
}

/// A pseudo-terminal pair, opened through libc's `posix_openpt` family.
///
/// Glibc's Swift module hides these XSI functions, so they are looked up by symbol name.
struct PseudoTerminal {
    let primary: Int32
    let secondary: Int32

    init() throws {
        typealias IntOfInt = @convention(c) (Int32) -> Int32
        typealias NameOfInt = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        guard let libc = dlopen(nil, RTLD_NOW),
              let openSymbol = dlsym(libc, "posix_openpt"),
              let grantSymbol = dlsym(libc, "grantpt"),
              let unlockSymbol = dlsym(libc, "unlockpt"),
              let nameSymbol = dlsym(libc, "ptsname")
        else { throw POSIXError(.ENOSYS) }
        let openPrimary = unsafeBitCast(openSymbol, to: IntOfInt.self)
        let grant = unsafeBitCast(grantSymbol, to: IntOfInt.self)
        let unlock = unsafeBitCast(unlockSymbol, to: IntOfInt.self)
        let name = unsafeBitCast(nameSymbol, to: NameOfInt.self)
        let primary = openPrimary(O_RDWR | O_NOCTTY)
        guard primary >= 0 else { throw POSIXError(.ENXIO) }
        guard grant(primary) == 0, unlock(primary) == 0, let path = name(primary) else {
            close(primary)
            throw POSIXError(.ENXIO)
        }
        let secondary = open(path, O_RDWR | O_NOCTTY)
        guard secondary >= 0 else {
            close(primary)
            throw POSIXError(.ENXIO)
        }
        self.primary = primary
        self.secondary = secondary
    }
}

/// One line of `--format line` output: `path:line:col: severity: message [rule]`.
struct LineFinding: Equatable, CustomStringConvertible {
    var path: String
    var line: Int
    var column: Int
    var severity: String
    var message: String
    var rule: String

    init(path: String, line: Int, column: Int, severity: String, message: String = "", rule: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.rule = rule
    }

    /// Parses a line, or returns nil when it does not have the `path:line:col: severity: message [rule]` form.
    init?(parsing text: String) {
        let pattern = /^(.+?):(\d+):(\d+): (error|warning|note|info): (.+) \[([A-Za-z0-9._-]+)\]$/
        guard let match = text.wholeMatch(of: pattern), let line = Int(match.2), let column = Int(match.3) else { return nil }
        self.init(path: String(match.1), line: line, column: column, severity: String(match.4), message: String(match.5), rule: String(match.6))
    }

    /// Everything but the message, which rule authors may reword.
    var position: String { "\(path):\(line):\(column): \(severity) [\(rule)]" }

    var description: String { "\(path):\(line):\(column): \(severity): \(message) [\(rule)]" }
}

/// Sample reports written for these tests, in the genre factlint is for.
enum SampleReport {
    /// A clean anti-trafficking law-enforcement report whose breakdowns add up.
    static let clean = """
        # Orlesia: law enforcement against human trafficking, 2022

        ## Investigations and prosecutions

        In 2022 the national police opened 31 trafficking investigations and initiated 18 prosecutions.
        Of the 9 convicted traffickers, four were sentenced to seven years' imprisonment and five were
        sentenced to four years' imprisonment.

        ## Protection

        Officers identified 52 victims, of whom 30 were women, 14 were girls and 8 were men.
        Shelters housed 40 of the 52 victims.

        """

    /// One error: the sentences listed (4 + 5) do not add up to the 10 convicted. "10" is at 3:8.
    static let sentencesShort = """
        # Orlesia, 2021

        Of the 10 convicted, four were sentenced to six years; five were sentenced to three.

        """

    /// The line of `sentencesShort` the finding points at.
    static let sentencesShortLine = "Of the 10 convicted, four were sentenced to six years; five were sentenced to three."

    /// One warning only: two different heads of one shelter. The second name is at 5:1.
    static let twoHeads = """
        # Orlesia: the shelters

        Mara Lind, head of the "Harbour Light" shelter, described how victims are referred.

        Tomas Berg, head of the "Harbour Light" shelter, said that funding had fallen.

        """

    /// One error from part-within-whole: 31 housed "of the 23". "31" is at 3:20.
    static let partLargerThanWhole = """
        # Norvask shelters

        The shelter housed 31 of the 23 victims.

        """
}
