import FactlintKit
import Testing

/// `ContentHash`: what the cache uses to tell that a report, a rule file or a configuration changed.
@Suite struct ContentHashTests {
    /// A report of a few hundred bytes, so that words and the tail are both hashed.
    static let report = Array("Courts convicted 19 offenders in 2007. Of the 19, one was sentenced to 12 years and four to 10 years. ".utf8)

    @Test func everyOneByteChangeGivesAnotherHash() {
        let original = ContentHash(Self.report)
        var seen: Set<ContentHash> = [original]
        for offset in Self.report.indices {
            var changed = Self.report
            changed[offset] ^= 0x01
            #expect(seen.insert(ContentHash(changed)).inserted, "flipping a bit of byte \(offset)")
        }
        #expect(ContentHash(Self.report) == original, "the same bytes hash the same")
    }

    @Test func aByteMoreOrLessGivesAnotherHash() {
        var hashes: Set<ContentHash> = []
        for length in 0...Self.report.count {
            #expect(hashes.insert(ContentHash(Array(Self.report.prefix(length)))).inserted, "the first \(length) bytes")
        }
        // Zero bytes at the end are not lost in the last partial word.
        #expect(ContentHash([1, 2, 3]) != ContentHash([1, 2, 3, 0]))
        #expect(ContentHash([]) != ContentHash([0]))
    }

    @Test func piecesAreKeptApart() {
        var ab = ContentHash()
        ab.combine("ab")
        ab.combine("c")
        var a = ContentHash()
        a.combine("a")
        a.combine("bc")
        #expect(ab != a)
        var swapped = ContentHash()
        swapped.combine("c")
        swapped.combine("ab")
        #expect(ab != swapped)
    }

    @Test func theHexadecimalFormReadsBack() {
        let hash = ContentHash(Self.report)
        #expect(hash.description.count == 32)
        #expect(hash.description.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(ContentHash(hex: hash.description) == hash)
        #expect(ContentHash(hex: String(hash.description.dropLast())) == nil)
        #expect(ContentHash(hex: "z" + String(hash.description.dropFirst())) == nil)
        // Leading zeros are written.
        #expect(ContentHash(hex: "0000000000000001000000000000000a")?.description == "0000000000000001000000000000000a")
    }
}
