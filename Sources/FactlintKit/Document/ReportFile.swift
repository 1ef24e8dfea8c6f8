#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a report file straight into bytes: one `open`, one `fstat`, reads into an array of
/// the file's size. Anything but a regular file (a FIFO, a device) is refused without waiting on it.
public enum ReportFile {
    public enum Contents: Sendable {
        case bytes([UInt8])
        /// The file is larger than the limit; it was not read.
        case tooLarge(Int)
        /// It does not exist, is not a regular file, or may not be read.
        case unreadable
    }

    public static func read(_ path: String, limit: Int) -> Contents {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .unreadable }
        let size = Int(status.st_size)
        guard size <= limit else { return .tooLarge(size) }
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let read = readSome(descriptor, buffer.baseAddress! + count, size - count)
                if read < 0 { failed = true }
                guard read > 0 else { break }
                count += read
            }
        }
        if failed { return .unreadable }
        // A file that grew while it was read: take the rest too, within the limit. Most have not,
        // which one read into a buffer on the stack tells without allocating.
        let grown: Int? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer in
            while true {
                let read = max(0, readSome(descriptor, buffer.baseAddress!, buffer.count))
                if read == 0 { return nil }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<read]))
                if bytes.count > limit { return bytes.count }
            }
        }
        if let grown { return .tooLarge(grown) }
        return .bytes(bytes)
    }

    /// `read(2)`, tried again when a signal interrupts it.
    private static func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        while true {
            #if canImport(Glibc)
            let read = Glibc.read(descriptor, buffer, count)
            #else
            let read = Darwin.read(descriptor, buffer, count)
            #endif
            if read < 0, errno == EINTR { continue }
            return read
        }
    }
}
