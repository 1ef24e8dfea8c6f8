import Foundation

/// What tells one build of factlint from another, so that a cache written by one build is not
/// trusted by the next (`LintCache`).
///
/// On Linux this is the GNU build ID the linker writes into the executable: a hash of the
/// program, the same for two copies of one build and different for any change to the code.
/// Elsewhere, or without the note, it is the executable's size and modification time; and
/// when even those cannot be read, a value of this run alone, so no cache is ever trusted.
public enum BuildIdentity {
    /// The identity of the running executable.
    public static let current: ContentHash = identity(ofExecutable: executablePath)

    static var executablePath: String {
        FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : Bundle.main.executablePath ?? ""
    }

    static func identity(ofExecutable path: String) -> ContentHash {
        var identity = ContentHash()
        if let buildID = gnuBuildID(ofFile: path) {
            identity.combine("build id")
            identity.combine(buildID)
            return identity
        }
        var status = stat()
        if stat(path, &status) == 0 {
            identity.combine("size and time")
            identity.combine(UInt64(status.st_size))
            #if os(Linux)
            identity.combine(UInt64(bitPattern: Int64(status.st_mtim.tv_sec)))
            identity.combine(UInt64(bitPattern: Int64(status.st_mtim.tv_nsec)))
            #else
            identity.combine(UInt64(bitPattern: Int64(status.st_mtimespec.tv_sec)))
            identity.combine(UInt64(bitPattern: Int64(status.st_mtimespec.tv_nsec)))
            #endif
            return identity
        }
        identity.combine("this run")
        identity.combine(UInt64.random(in: .min ... .max))
        return identity
    }

    /// The bytes of the GNU build ID note of a 64-bit little-endian ELF file, read from its
    /// program headers (a few small reads, not the whole file); nil when it has none.
    static func gnuBuildID(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        func bytes(at offset: Int, count: Int) -> [UInt8]? {
            guard offset >= 0, count > 0, count <= 1 << 16 else { return nil }
            var buffer = [UInt8](repeating: 0, count: count)
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return read == count ? buffer : nil
        }
        func integer(_ bytes: [UInt8], _ offset: Int, _ width: Int) -> Int {
            (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        // "\x7FELF", 64-bit, little-endian.
        guard let header = bytes(at: 0, count: 64), header[0..<4].elementsEqual([0x7F, 0x45, 0x4C, 0x46]), header[4] == 2, header[5] == 1 else { return nil }
        let tableOffset = integer(header, 32, 8)
        let entrySize = integer(header, 54, 2)
        let entryCount = integer(header, 56, 2)
        guard entrySize >= 56, let table = bytes(at: tableOffset, count: entrySize * entryCount) else { return nil }
        for entry in 0..<entryCount {
            let base = entry * entrySize
            // PT_NOTE segments hold notes: name size, description size, type, then name and
            // description, each padded to 4 bytes.
            guard integer(table, base, 4) == 4, let notes = bytes(at: integer(table, base + 8, 8), count: integer(table, base + 32, 8)) else { continue }
            var offset = 0
            while offset + 12 <= notes.count {
                let nameSize = integer(notes, offset, 4)
                let descriptionSize = integer(notes, offset + 4, 4)
                let type = integer(notes, offset + 8, 4)
                let name = offset + 12
                let description = name + (nameSize + 3) / 4 * 4
                guard description + descriptionSize <= notes.count else { break }
                // NT_GNU_BUILD_ID, named "GNU".
                if type == 3, nameSize == 4, notes[name..<name + 4].elementsEqual([0x47, 0x4E, 0x55, 0]), descriptionSize > 0 {
                    return Array(notes[description..<description + descriptionSize])
                }
                offset = description + (descriptionSize + 3) / 4 * 4
            }
        }
        return nil
    }
}
