import FactlintKit
import Foundation
import FuzzDriver

/// Loads arbitrary bytes as a rule file; every rule that loads also runs its examples.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let (rules, diagnostics) = RuleLoader.load(yaml: text, path: "fuzz.yml")
    var checksum = diagnostics.count
    for diagnostic in diagnostics {
        checksum &+= diagnostic.rendered().utf8.count
    }
    checksum &+= rules.count
    return checksum == Int.min ? 1 : 0
}

@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzRules))
    }
}
