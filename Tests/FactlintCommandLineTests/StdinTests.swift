import FactlintTestSupport
import Foundation
import Testing

/// A report read from standard input, as an editor sends its buffer.
@Suite("Standard input")
struct StdinTests {
    func run(_ arguments: [String], input: String) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = CommandRunner.packageRoot
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self), process.terminationStatus)
    }

    static let draft = "Courts convicted 5 traffickers. Of the 5 convicted, two were sentenced to 3 years and two were sentenced to 2 years.\n"

    @Test func aDashReadsStandardInputUnderTheGivenName() throws {
        let result = try run(["lint", "--format", "line", "--stdin-filename", "drafts/veridia.md", "-"], input: Self.draft)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("drafts/veridia.md:1:40: error: the sentences listed add up to 4 (2 + 2), but 5 offenders were convicted [sentences-add-up-to-convictions]"))
    }

    @Test func withoutANameStandardInputIsCalledStdin() throws {
        let result = try run(["lint", "--format", "line", "-"], input: Self.draft)
        #expect(result.stdout.hasPrefix("<stdin>:1:40:"))
        #expect(result.stderr.contains("1 report, "))
    }
}
