import Foundation
import Testing
import FactlintTestSupport
@testable import FactlintKit

/// The files a folder holds, as `factlint lint reports/` finds them: by extension, hidden names
/// left out, in the byte order of their whole paths whatever order the folder lists them in.
@Suite("Walking folders of reports")
struct FileWalkerTests {
    /// Names chosen so that sorting by name alone, or as Swift compares strings, gives another order.
    static let names = [
        "zeta.md", "b.md", "b/inner.md", "b/a/deep.MD", "B.md", "a b.md", "a-b.md", "a.md",
        "caf\u{E9}.md", "cafe\u{301}.md", "z\u{308}.txt", "notes.Markdown", "chart.png", "README",
        ".hidden.md", ".drafts/kept-out.md", "c.md.bak", "x.TXT",
    ]

    @Test func filesComeInTheByteOrderOfTheirPaths() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for name in Self.names { try directory.write("reports/\(name)", "# Report\n") }
        let root = directory.url.appendingPathComponent("reports").path

        let (files, diagnostics) = FileWalker.walk(root, extensions: ["md", "markdown", "txt"])
        #expect(diagnostics.isEmpty)
        let found = files.map { String($0.dropFirst(root.count + 1)) }
        let expected = Self.names.filter { name in
            !name.hasPrefix(".") && ["md", "markdown", "txt"].contains(name.split(separator: ".").last.map { $0.lowercased() } ?? "")
        }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(found.count == 13)
        // `==` on strings cannot tell the two "café"s apart; compare bytes.
        #expect(found.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "found: \(found)")
        // A file beside a folder of the same name sorts as its path does: "." before "/".
        #expect(found.firstIndex(of: "b.md").map { $0 < found.firstIndex(of: "b/a/deep.MD")! } == true)

        // A path given with a trailing "/" gives the same files under the same prefix.
        let slashed = FileWalker.walk(root + "/", extensions: ["md", "markdown", "txt"]).files
        #expect(slashed.map { Array($0.utf8) } == files.map { Array($0.utf8) })
        // With no extensions to choose by, every file but the hidden ones.
        #expect(FileWalker.walkAll(root).files.count == 16)
    }

    @Test func pathsCompareByTheirBytes() {
        #expect(FileWalker.compare("a", "a") == 0)
        #expect(FileWalker.compare("", "") == 0)
        #expect(FileWalker.compare("", "a") == -1)
        #expect(FileWalker.compare("ab", "a") == 1)
        #expect(FileWalker.compare("B", "a") == -1)
        #expect(FileWalker.compare("b.md", "b/x") == -1)
        // Long names, stored apart from the string, and the two encodings of "é".
        let long = String(repeating: "reports/annual/", count: 8)
        #expect(FileWalker.compare(long + "2021.md", long + "2020.md") == 1)
        #expect(FileWalker.compare("caf\u{E9}", "cafe\u{301}") == 1)
        #expect(FileWalker.compare("cafe\u{301}", "caf\u{E9}") == -1)
        // A string bridged from Foundation compares as the same bytes do.
        let bridged = NSString(string: long + "2021.md").appendingPathComponent("x") as String
        #expect(FileWalker.compare(bridged, long + "2021.md/x") == 0)
    }

    @Test func extensionsAreReadWithoutRegardToCase() {
        #expect(FileWalker.pathExtension("Report.MD") == "md")
        #expect(FileWalker.pathExtension("report") == "")
        #expect(FileWalker.pathExtension(".md") == "")
        #expect(FileWalker.pathExtension("a.tar.GZ") == "gz")
        #expect(FileWalker.pathExtension("r.\u{C9}T\u{C9}") == "\u{E9}t\u{E9}")
    }
}
