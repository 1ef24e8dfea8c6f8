import FactlintTestSupport
import Foundation
import Testing

/// `--output FILE` interrupted by SIGINT or SIGTERM at different moments: FILE is always the old
/// file or the whole new one, and no temporary file is left beside it.
@Suite struct InterruptedOutputTests {
    @Test(.timeLimit(.minutes(2)))
    func anInterruptedRunLeavesTheOldFileOrTheWholeNewOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Enough findings that rendering and writing the output takes a while.
        let paragraph = "Of the 10 convicted, four were sentenced to six years; five were sentenced to three.\n\n"
        try directory.write("long.md", "# A long report\n\n" + String(repeating: paragraph, count: 500))
        let output = directory.url.appendingPathComponent("findings.json")
        let old = "the old output\n"
        let arguments = ["lint", "--rules", CLI.bundledRules, "--format", "json", "--output", "findings.json", "long.md"]

        var completed = 0
        var interrupted = 0
        for (attempt, delay) in [0.0, 0.1, 0.3, 0.5, 0.8, 1.2].enumerated() {
            try Data(old.utf8).write(to: output)
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = arguments
            process.currentDirectoryURL = directory.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, attempt.isMultiple(of: 2) ? SIGINT : SIGTERM)
            process.waitUntilExit()

            let text = try String(contentsOf: output, encoding: .utf8)
            if process.terminationReason == .uncaughtSignal {
                interrupted += 1
            } else {
                completed += 1
            }
            if text != old {
                // A new file is a whole JSON document with every finding.
                let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "after \(delay) s: not JSON")
                #expect((json["findings"] as? [Any])?.count == 500, "after \(delay) s")
            }
            let strays = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.contains(".factlint-") }
            #expect(strays.isEmpty, "after \(delay) s: \(strays)")
        }
        // A run left alone writes the new file.
        let result = try CLI.run(arguments, in: directory.url)
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        #expect((json?["findings"] as? [Any])?.count == 500)
        #expect(interrupted + completed == 6)
    }
}
