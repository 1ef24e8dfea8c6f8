import FactlintKit
import Foundation
import FuzzDriver

/// Compiles arbitrary text as a template; when it compiles, runs it as a range rule's value
/// template over a short report, so the matcher sees every template the compiler accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    guard let template = try? Template(text) else { return 0 }
    let yaml = """
        rules:
          - id: fuzzed
            kind: range
            value: "\(FuzzSample.doubleQuoted(template.source))"
            min: 0
            max: 100
        """
    let (rules, _) = RuleLoader.load(yaml: yaml, path: "fuzz.yml")
    guard !rules.isEmpty else { return 0 }
    let (report, _) = Linter(rules: rules).lint(bytes: Array(FuzzSample.report.utf8), path: "fuzz.md")
    return report?.findings.count == Int.max ? 1 : 0
}

enum FuzzSample {
    static let report = """
        # Orlesia, 2021

        Of the 10 convicted, four were sentenced to six years; five were sentenced to three.
        Officers identified 52 victims in 2021, of whom 30 were women and 14 were girls.
        The law was adopted on 14 September 2017 and entered into force on 2 March 2018.
        Courts convicted about 70% of the 19 defendants, between 18 and 30 years old.
        Over 1,000 people, or 4.8% (up to 150 a year), were referred from 20 to 40 times.
        """

    /// The text as the inside of a YAML double-quoted scalar: everything but printable ASCII escaped.
    static func doubleQuoted(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case " "..."~": result.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16)
                result += "\\U" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
            }
        }
        return result
    }
}

@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzTemplate))
    }
}
