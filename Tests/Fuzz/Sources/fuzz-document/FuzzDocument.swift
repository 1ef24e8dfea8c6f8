import FactlintKit
import Foundation
import FuzzDriver

/// Reads arbitrary bytes as a Markdown report and lints it with a rule of each common shape,
/// then maps every block and sentence back to lines and columns.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let linter = Linter(rules: FuzzRules.rules)
    let (report, _) = linter.lint(bytes: bytes, path: "fuzz.md")
    let document = Document(source: SourceFile(path: "fuzz.txt", bytes: bytes))
    var checksum = report?.findings.count ?? 0
    for sentence in document.sentences {
        checksum &+= document.source.location(of: sentence.bytes.lowerBound).column
        checksum &+= document.text(of: sentence).utf8.count
    }
    return checksum == Int.min ? 1 : 0
}

enum FuzzRules {
    static let yaml = """
        rules:
          - id: sum
            kind: sum
            scope: paragraph
            total: "of the {total:count} convicted"
            part: "{n:count} (was|were) sentenced to"
          - id: part
            kind: compare
            scope: sentence
            template: "{part:count} of the {whole:count}"
            op: "<="
            left: part
            right: whole
          - id: same
            kind: same
            scope: document
            template: "{n:count} victims in {year:year}"
            key: year
            value: n
        """

    static let rules: [Rule] = RuleLoader.load(yaml: yaml, path: "fuzz.yml").0
}

@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzDocument))
    }
}
