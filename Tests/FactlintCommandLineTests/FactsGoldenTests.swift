import FactlintTestSupport
import Foundation
import Testing

/// `factlint facts` on every sample report matches a golden listing that was read line by line
/// when it was written. Set FACTLINT_UPDATE_GOLDEN=1 to rewrite the listings after a deliberate change,
/// then read the diff before committing it.
@Suite("facts golden listings")
struct FactsGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/facts")

    static let reports: [String] = {
        let folder = CommandRunner.packageRoot.appendingPathComponent("Reports")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }()

    @Test func everySampleReportHasAGoldenListing() throws {
        #expect(Self.reports.count >= 8)
        for report in Self.reports {
            let golden = Self.goldenDirectory.appendingPathComponent(report.replacingOccurrences(of: ".md", with: ".txt"))
            #expect(FileManager.default.fileExists(atPath: golden.path), "no golden listing for \(report)")
        }
    }

    @Test(arguments: reports)
    func factsMatchTheGoldenListing(_ report: String) throws {
        let result = try CommandRunner.run(["facts", "Reports/\(report)"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let golden = Self.goldenDirectory.appendingPathComponent(report.replacingOccurrences(of: ".md", with: ".txt"))
        if ProcessInfo.processInfo.environment["FACTLINT_UPDATE_GOLDEN"] == "1" {
            try Data(result.stdout.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let actualLines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, pair) in zip(actualLines, expectedLines).enumerated() where pair.0 != pair.1 {
            Issue.record("line \(number + 1) of \(report) differs:\n  expected: \(pair.1)\n  actual:   \(pair.0)")
        }
        #expect(actualLines.count == expectedLines.count, "\(report): \(actualLines.count) lines, golden has \(expectedLines.count)")
    }
}
