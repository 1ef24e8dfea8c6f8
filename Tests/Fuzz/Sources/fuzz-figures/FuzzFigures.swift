import FactlintFigures
import Foundation
import FuzzDriver

/// Reads figures from arbitrary bytes: tokenise, recognise, and touch every figure's interval.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFigures(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let text = String(decoding: bytes, as: UTF8.self)
    let figures = FigureRecognizer().figures(in: text)
    var checksum = 0
    for figure in figures {
        checksum &+= figure.bytes.lowerBound &+ figure.bytes.upperBound
    }
    return checksum == Int.min ? 1 : 0
}

@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzFigures))
    }
}
