#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file all at once: readers see the old file or the whole new one, never a part.
///
/// The text goes to a temporary file in the same folder (so the rename stays on one file
/// system), is flushed to disk, and is renamed over the destination. On any failure the
/// temporary file is removed and the old file, if there was one, is left as it was; if
/// SIGINT, SIGTERM or SIGHUP arrives while the temporary file exists, it is removed before
/// the signal ends the process as it would have.
public enum AtomicFile {
    /// Replaces the file at `path` with `text`, keeping the old file's permissions if it had one.
    ///
    /// - Throws: a `Diagnostic` naming `path` and the system's reason when the folder cannot be
    ///   written, the disk is full, or `path` is a folder.
    public static func write(_ text: String, to path: String) throws {
        let bytes = Array(text.utf8)
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder).\(name).factlint-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw failure(path, errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let cleanup = SignalCleanup(removing: temporary)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
            cleanup.end()
        }

        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glue.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let error = errno
                close(descriptor)
                throw failure(path, error)
            }
            written += count
        }
        // mkstemp creates the file readable by its owner only; give it the mode a new file or the old file would have.
        var existing = stat()
        let mode: mode_t
        if stat(path, &existing) == 0 {
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else {
            let error = errno
            close(descriptor)
            throw failure(path, error)
        }
        guard close(descriptor) == 0 else { throw failure(path, errno) }
        guard rename(temporary, path) == 0 else { throw failure(path, errno) }
        succeeded = true
    }

    static func failure(_ path: String, _ code: Int32) -> Diagnostic {
        Diagnostic(
            path: path, message: "cannot write the output: \(String(cString: strerror(code)))",
            help: "check that the folder exists and that you may write to it; the old file, if any, is unchanged"
        )
    }
}

/// The C library's `write`, whose name the enclosing type's method hides.
private enum Glue {
    static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, buffer, count)
        #elseif canImport(Musl)
        return Musl.write(descriptor, buffer, count)
        #else
        return Darwin.write(descriptor, buffer, count)
        #endif
    }
}

/// The temporary file to remove if a signal ends the process during a write.
///
/// A signal handler may only call async-signal-safe functions, so the path is kept as a C
/// string in a global the handler reads; writes are rare and short, so one slot suffices.
nonisolated(unsafe) private var pendingTemporaryFile: UnsafeMutablePointer<CChar>?

private struct SignalCleanup {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    var previous: [sigaction] = []

    init(removing path: String) {
        pendingTemporaryFile = strdup(path)
        for signal in SignalCleanup.signals {
            previous.append(handle(signal, with: removePendingTemporaryFile))
        }
    }

    /// Puts the previous handlers back and forgets the path.
    func end() {
        for (signal, old) in zip(SignalCleanup.signals, previous) {
            var old = old
            sigaction(signal, &old, nil)
        }
        let path = pendingTemporaryFile
        pendingTemporaryFile = nil
        free(path)
    }
}

/// Removes the pending temporary file, then lets the signal do what it would have done.
private func removePendingTemporaryFile(_ signal: Int32) {
    if let path = pendingTemporaryFile { unlink(path) }
    handle(signal, with: SIG_DFL)
    raise(signal)
}

/// Sets the handler of a signal; returns the action it replaces.
@discardableResult
private func handle(_ signal: Int32, with handler: (@convention(c) (Int32) -> Void)?) -> sigaction {
    var action = sigaction()
    #if canImport(Darwin)
    action.__sigaction_u.__sa_handler = handler
    #else
    action.__sigaction_handler.sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    var old = sigaction()
    sigaction(signal, &action, &old)
    return old
}
