#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Helpers for reading UTF-8 bytes without building `String`s in hot paths.
public enum ByteText {
    @inlinable
    public static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    @inlinable
    public static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inlinable
    public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether `bytes[range]` equals `word` (already lowercase ASCII), ignoring ASCII case.
    @inlinable
    public static func equals(_ bytes: [UInt8], _ range: Range<Int>, lowercase word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        var index = range.lowerBound
        for expected in word {
            if lowercased(bytes[index]) != expected { return false }
            index += 1
        }
        return true
    }

    /// Whether `bytes[range]` starts with `prefix` (lowercase ASCII), ignoring ASCII case.
    @inlinable
    public static func hasPrefix(_ bytes: [UInt8], _ range: Range<Int>, lowercase prefix: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { hasPrefix($0, range, lowercase: prefix) }
    }

    /// Whether `bytes[range]` starts with `prefix` (lowercase ASCII), ignoring ASCII case.
    @inlinable
    public static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowercase prefix: [UInt8]) -> Bool {
        guard range.count >= prefix.count else { return false }
        var index = range.lowerBound
        for expected in prefix {
            if lowercased(bytes[index]) != expected { return false }
            index += 1
        }
        return true
    }

    /// The lowercased text of a range, for keys and lookups.
    public static func lowercasedString(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        // Written straight into the string's storage: decoding a lazily mapped slice went
        // through the runtime's dynamic casts on every call.
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for (offset, index) in range.enumerated() { buffer[offset] = lowercased(bytes[index]) }
            return range.count
        }
    }

    public static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether the byte starts an uppercase letter (ASCII, Latin-1 supplement, Cyrillic).
    public static func startsUppercase(_ bytes: [UInt8], at index: Int) -> Bool {
        bytes.withUnsafeBufferPointer { startsUppercase($0, at: index) }
    }

    /// Whether the byte starts an uppercase letter (ASCII, Latin-1 supplement, Cyrillic).
    @inlinable
    public static func startsUppercase(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte >= 0x41 && byte <= 0x5A { return true }
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        switch byte {
        case 0xC3: return next >= 0x80 && next <= 0x9E && next != 0x97
        case 0xD0: return next >= 0x80 && next <= 0xAF
        default: return false
        }
    }

    /// The offset of the first byte at or after `start` that is not ASCII, or `bytes.count`;
    /// reads eight bytes at a time.
    public static func endOfASCII(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            var index = start
            let count = raw.count
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            while index < count, raw[index] < 0x80 { index += 1 }
            return index
        }
    }

    /// The offset of the first `byte` in `bytes[range]`, or nil; memchr, so many bytes at a time.
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Whether `bytes[range]` holds `byte`.
    public static func contains(_ byte: UInt8, in bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { firstIndex(of: byte, in: $0, range) != nil }
    }

    /// Where `pattern` first occurs in `bytes[range]`, or nil.
    public static func range(of pattern: StaticString, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        pattern.withUTF8Buffer { pattern in
            guard let first = pattern.first else { return range.lowerBound..<range.lowerBound }
            var from = range.lowerBound
            while let found = firstIndex(of: first, in: bytes, from..<range.upperBound) {
                guard found + pattern.count <= range.upperBound else { return nil }
                if pattern.indices.allSatisfy({ bytes[found + $0] == pattern[$0] }) { return found..<(found + pattern.count) }
                from = found + 1
            }
            return nil
        }
    }

    /// Whether `pattern` occurs in `bytes[range]`.
    public static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: StaticString, _ range: Range<Int>) -> Bool {
        self.range(of: pattern, in: bytes, range) != nil
    }
}
