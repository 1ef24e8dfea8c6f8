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
    /// - Parameter what: what the file is, for the message when it cannot be written.
    /// - Throws: a `Diagnostic` naming `path` and the system's reason when the folder cannot be
    ///   written, the disk is full, or `path` is a folder.
    public static func write(_ text: String, to path: String, what: String = "the output") throws(Diagnostic) {
        try write(to: path, what: what) { $0(text) }
    }

    /// Replaces the file at `path` with the pieces `produce` hands over, in order, holding one
    /// piece at a time. Once a piece cannot be written, the rest are dropped and nothing replaces
    /// the file.
    ///
    /// - Throws: as `write(_:to:what:)`.
    public static func write(to path: String, what: String = "the output", _ produce: ((String) -> Void) -> Void) throws(Diagnostic) {
        let file = try Writer(path: path, what: what)
        var failure: Diagnostic?
        produce { piece in
            guard failure == nil else { return }
            do throws(Diagnostic) { try file.write(piece) } catch { failure = error }
        }
        if let failure { throw failure }
        try file.commit()
    }

    /// A file written piece by piece, as a long output is produced, that replaces the file at
    /// its path only on `commit()`: until then the pieces go to the temporary file, so memory
    /// holds one piece at a time however long the output. A writer dropped without a commit
    /// removes its temporary file and leaves the old file as it was.
    ///
    /// One writer at a time: the signal handler that removes the temporary file knows of one.
    public final class Writer {
        let path: String
        /// What the file is, for messages: "the output", "the cache".
        let what: String
        private let temporary: String
        private var descriptor: Int32
        private let cleanup: SignalCleanup
        private var committed = false
        /// Pieces gather here and go to the file in writes of at least `bufferSize` bytes.
        private var buffer: [UInt8] = []
        static let bufferSize = 1 << 16

        /// Creates the temporary file beside `path`.
        public init(path: String, what: String = "the output") throws(Diagnostic) {
            self.path = path
            self.what = what
            let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
            let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
            var template = Array("\(folder).\(name).factlint-XXXXXX".utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                return mkstemp(base)
            }
            guard descriptor >= 0 else { throw AtomicFile.failure(path, errno, what: what) }
            temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            cleanup = SignalCleanup(removing: temporary)
            buffer.reserveCapacity(Writer.bufferSize)
        }

        deinit {
            guard !committed else { return }
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
            cleanup.end()
        }

        /// Appends `text` to the file.
        public func write(_ text: String) throws(Diagnostic) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= Writer.bufferSize { try flush() }
        }

        private func flush() throws(Diagnostic) {
            var written = 0
            while written < buffer.count {
                let count = buffer[written...].withUnsafeBytes { Glue.write(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw AtomicFile.failure(path, errno, what: what)
                }
                written += count
            }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Flushes the file to disk and renames it over `path`, with the mode a new file or
        /// the old file would have.
        public func commit() throws(Diagnostic) {
            try flush()
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
            guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else { throw AtomicFile.failure(path, errno, what: what) }
            let closed = close(descriptor)
            descriptor = -1
            guard closed == 0 else { throw AtomicFile.failure(path, errno, what: what) }
            guard rename(temporary, path) == 0 else { throw AtomicFile.failure(path, errno, what: what) }
            committed = true
            cleanup.end()
        }
    }

    static func failure(_ path: String, _ code: Int32, what: String) -> Diagnostic {
        Diagnostic(
            path: path, message: "cannot write \(what): \(String(cString: strerror(code)))",
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
