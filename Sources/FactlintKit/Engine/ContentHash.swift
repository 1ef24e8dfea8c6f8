/// A 128-bit hash of bytes, to tell whether a report, a rule file or a configuration changed
/// since a run remembered them (`factlint lint --cache`).
///
/// Two independent lanes over 8-byte words, each finished with a full avalanche: an accidental
/// collision between two versions of a file is out of reach. It is not cryptographic, and the
/// cache it keys is factlint's own, not something an adversary writes.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public private(set) var high: UInt64 = 0x243F_6A88_85A3_08D3
    public private(set) var low: UInt64 = 0x1319_8A2E_0370_7344

    public init() {}

    /// The hash of `bytes` alone.
    public init(_ bytes: [UInt8]) {
        combine(bytes)
    }

    /// Adds `bytes` as one more piece: the pieces' lengths are hashed too, so "ab" + "c" differs
    /// from "a" + "bc".
    ///
    /// - Complexity: O(n), about one instruction per byte.
    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(raw: $0) }
    }

    public mutating func combine(_ text: String) {
        combine(Array(text.utf8))
    }

    public mutating func combine(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { combine(raw: $0) }
    }

    public mutating func combine(_ other: ContentHash) {
        combine(other.high)
        combine(other.low)
    }

    private mutating func combine(raw bytes: UnsafeRawBufferPointer) {
        var a = high
        var b = low
        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            a = (a ^ word) &* 0x9E37_79B9_7F4A_7C15
            a ^= a >> 32
            b = (b &+ word) &* 0xC2B2_AE3D_27D4_EB4F
            b = (b << 31) | (b >> 33)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        high = ContentHash.avalanche(a ^ tail ^ UInt64(count))
        low = ContentHash.avalanche(b &+ tail &+ (UInt64(count) << 1))
    }

    /// MurmurHash3's 64-bit finaliser: every input bit flips each output bit with odds near ½.
    static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// 32 lowercase hexadecimal digits.
    public var description: String {
        ContentHash.hex(high) + ContentHash.hex(low)
    }

    /// Reads the 32 hexadecimal digits `description` writes; nil for anything else.
    public init?(hex text: String) {
        let utf8 = text.utf8
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) }
        guard utf8.count == 32, utf8.allSatisfy(isDigit), let high = UInt64(text.prefix(16), radix: 16), let low = UInt64(text.suffix(16), radix: 16) else { return nil }
        self.high = high
        self.low = low
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
