#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A text file read a line at a time, so a file of any size takes the memory of its longest line.
enum TextLines {
    /// Calls `body` with each line of the file that is not empty, without its line break, and
    /// its number counted from 0 (empty lines counted too).
    ///
    /// - Returns: false when the file cannot be opened or read to its end.
    static func forEach(inFile path: String, _ body: (_ number: Int, _ line: String) -> Void) -> Bool {
        guard let stream = fopen(path, "r") else { return false }
        defer { fclose(stream) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var number = 0
        while true {
            let length = getline(&buffer, &capacity, stream)
            guard length >= 0, let buffer else { break }
            var count = length
            if count > 0, buffer[count - 1] == 0x0A { count -= 1 }
            if count > 0 { body(number, String(decoding: UnsafeRawBufferPointer(start: buffer, count: count), as: UTF8.self)) }
            number += 1
        }
        return ferror(stream) == 0
    }
}
