import FactlintTestSupport
import Foundation
import Testing

/// `--output FILE` interrupted by SIGINT or SIGTERM at different moments: FILE is always the old
/// file or the whole new one, and no temporary file is left beside it.
@Suite struct InterruptedOutputTests {
    /// Starts factlint in `directory`, sends it `signal` after `delay` seconds and waits for it to end.
    static func interrupt(_ arguments: [String], in directory: TemporaryDirectory, after delay: Double, with signal: Int32) throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process
    }

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
            let process = try Self.interrupt(arguments, in: directory, after: delay, with: attempt.isMultiple(of: 2) ? SIGINT : SIGTERM)

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

    /// A shard's records go to the temporary file as each report is read, so the temporary file
    /// is there for the whole run: interrupted at any moment, the output is the old file or every
    /// record, and nothing is left beside it.
    @Test(.timeLimit(.minutes(2)))
    func anInterruptedShardLeavesTheOldFileOrEveryRecord() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paragraph = "Of the 10 convicted, four were sentenced to six years; five were sentenced to three.\n\n"
        let reports = 150
        for index in 0..<reports {
            try directory.write("reports/report-\(index).md", "# Report \(index)\n\n" + String(repeating: paragraph, count: 10))
        }
        let output = directory.url.appendingPathComponent("shard.jsonl")
        let old = "the old output\n"
        let arguments = ["facts", "--format", "jsonl", "--rules", CLI.bundledRules, "--output", "shard.jsonl", "reports"]

        for (attempt, delay) in [0.0, 0.05, 0.1, 0.2, 0.4].enumerated() {
            try Data(old.utf8).write(to: output)
            _ = try Self.interrupt(arguments, in: directory, after: delay, with: attempt.isMultiple(of: 2) ? SIGINT : SIGTERM)

            let text = try String(contentsOf: output, encoding: .utf8)
            if text != old {
                // The run's line, then one line per report.
                #expect(text.split(separator: "\n").count == reports + 1, "after \(delay) s")
            }
            let strays = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.contains(".factlint-") }
            #expect(strays.isEmpty, "after \(delay) s: \(strays)")
        }
        let result = try CLI.run(arguments, in: directory.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == reports + 1)
        #expect(lines.last?.contains("reports/report-99.md") == true, "records come in the order of the files")

        // A folder that is not there: said at once, before any report is read, and nothing written.
        let missing = try CLI.run(["facts", "--format", "jsonl", "--rules", CLI.bundledRules, "--output", "no-such-folder/shard.jsonl", "reports"], in: directory.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("no-such-folder/shard.jsonl: error: cannot write the output"), "stderr: \(missing.stderr)")
    }
}
