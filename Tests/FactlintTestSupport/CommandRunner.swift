import Foundation

/// Runs the built `factlint` executable and captures what it prints, like a user at a terminal.
public enum CommandRunner {
    public struct Result {
        public var stdout: String
        public var stderr: String
        public var status: Int32
    }

    /// The package's root folder, where `Reports/` and `Rules/` live.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The project's shared folder (schemas, bench, devset): $FACTLINT_SHARED, else `../shared`
    /// beside the package, else /work/shared.
    public static var sharedDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["FACTLINT_SHARED"] { return URL(fileURLWithPath: path) }
        let beside = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: "/work/shared")
    }

    /// The folder holding the built products (`factlint` among them).
    public static var productsDirectory: URL {
        Bundle.main.bundleURL.hasDirectoryPath && Bundle.main.bundleURL.pathExtension != "xctest"
            ? Bundle.main.bundleURL
            : Bundle.main.bundleURL.deletingLastPathComponent()
    }

    public static var executable: URL { productsDirectory.appendingPathComponent("factlint") }

    /// Runs factlint with `arguments` in `directory` (default: the package root), with NO_COLOR set
    /// unless `unsetting` names it, and `input` on its standard input when given.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        unsetting: [String] = [], input: String? = nil
    ) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        for key in unsetting { env.removeValue(forKey: key) }
        return try runProgram(executable, arguments, in: directory ?? packageRoot, environment: env, input: input)
    }

    /// Runs any program with `arguments` in `directory` and the given environment, `input` on its
    /// standard input when given. Standard error is read on another thread while standard
    /// output is read here, so a program that fills one pipe never waits on the other.
    public static func runProgram(
        _ program: URL, _ arguments: [String], in directory: URL, environment: [String: String], input: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = input.map { _ in Pipe() }
        if let stdin { process.standardInput = stdin }
        try process.run()
        let stderrReader = PipeReader(err.fileHandleForReading)
        if let stdin, let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = stderrReader.wait()
        process.waitUntilExit()
        return Result(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self), status: process.terminationStatus)
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe held, once its writer closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}

/// A fresh folder under the system's temporary directory, for files a test writes.
public struct TemporaryDirectory {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("factlint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
        return file.path
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
