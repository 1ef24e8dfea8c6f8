import FactlintFigures
import Foundation

/// Finds files under folders, in a stable order, without following symbolic-link loops.
public enum FileWalker {
    public enum Kind { case file, directory, missing }

    /// Whether path `a` sorts before `b` byte by byte. Two names that differ only in Unicode
    /// normalisation ("é" composed or decomposed) are two files here, though `String` holds
    /// them equal and would leave their order to chance.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// -1, 0 or 1 as `a`'s bytes sort before, equal or after `b`'s: one `memcmp` over the
    /// strings' own storage. (Stepping the two `utf8` views byte by byte cost milliseconds when
    /// sorting a folder of thousands of reports, whose paths share long prefixes.)
    static func compare(_ a: String, _ b: String) -> Int {
        let order = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in compare(x, y) }
        }
        if let order = order ?? nil { return order }
        // A string bridged from elsewhere may keep its bytes apart; copy them.
        return compare(Array(a.utf8), Array(b.utf8))
    }

    static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(x.count, y.count)
        if common > 0, let left = x.baseAddress, let right = y.baseAddress {
            let order = memcmp(left, right, common)
            if order != 0 { return order < 0 ? -1 : 1 }
        }
        return x.count == y.count ? 0 : x.count < y.count ? -1 : 1
    }

    private static func compare(_ x: [UInt8], _ y: [UInt8]) -> Int {
        x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in compare(x, y) } }
    }

    /// What a path names, following symbolic links: one `stat` call.
    public static func kind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return status.st_mode & S_IFMT == S_IFDIR ? .directory : .file
    }

    /// The lowercase extension of a file name ("md" for "Report.MD"); empty when it has none.
    static func pathExtension(_ name: String) -> String {
        pathExtension(ArraySlice(name.utf8))
    }

    /// The lowercase extension of a file name given as bytes: ASCII lowercased byte by byte, any
    /// other as `String.lowercased()` does it.
    static func pathExtension(_ name: ArraySlice<UInt8>) -> String {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        let suffix = name[(dot + 1)...]
        guard suffix.allSatisfy({ $0 < 0x80 }) else { return String(decoding: suffix, as: UTF8.self).lowercased() }
        return String(unsafeUninitializedCapacity: suffix.count) { buffer in
            for (offset, byte) in suffix.enumerated() { buffer[offset] = ByteText.lowercased(byte) }
            return suffix.count
        }
    }

    /// The canonical path with every symbolic link resolved, or nil if it cannot be resolved.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Files under `root` whose extension is one of `extensions`, sorted by path, and a
    /// diagnostic for each entry that cannot be followed (a broken link, a link back to a
    /// folder already being walked).
    public static func walk(_ root: String, extensions: Set<String>) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var ancestors: [String] = []
        walk(root, extensions: extensions, ancestors: &ancestors, files: &files, diagnostics: &diagnostics)
        return (files.sorted(by: FileWalker.precedes), diagnostics)
    }

    /// Every file under `root`, sorted by path, following no symbolic-link loop.
    public static func walkAll(_ root: String) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var ancestors: [String] = []
        walk(root, extensions: nil, ancestors: &ancestors, files: &files, diagnostics: &diagnostics)
        return (files.sorted(by: FileWalker.precedes), diagnostics)
    }

    /// Files under `root` whose extension is one of `extensions`, sorted by path.
    public static func files(under root: String, extensions: Set<String>) -> [String] {
        walk(root, extensions: extensions).files
    }

    private static func walk(_ directory: String, extensions: Set<String>?, ancestors: inout [String], files: inout [String], diagnostics: inout [Diagnostic]) {
        guard let resolved = realPath(directory) else { return }
        if ancestors.contains(where: { compare($0, resolved) == 0 }) {
            diagnostics.append(Diagnostic(path: directory, message: "symbolic link loop: this folder leads back to a folder that holds it", help: "remove the link or lint the folders it points to directly"))
            return
        }
        ancestors.append(resolved)
        defer { ancestors.removeLast() }
        guard let entries = entries(of: directory) else {
            diagnostics.append(Diagnostic(path: directory, message: "cannot read the folder", help: "check that it exists and that you may read it"))
            return
        }
        let prefix = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8)
        for entry in entries.sorted() {
            let path = entries.path(entry, prefix: prefix)
            switch entry.kind ?? kind(of: path) {
            case .directory:
                walk(path, extensions: extensions, ancestors: &ancestors, files: &files, diagnostics: &diagnostics)
            case .file:
                if extensions?.contains(entries.pathExtension(entry)) ?? true { files.append(path) }
            case .missing:
                // A name that lists but does not resolve is a broken symbolic link.
                if extensions?.contains(entries.pathExtension(entry)) ?? false {
                    diagnostics.append(Diagnostic(path: path, message: "cannot read the file: it is a broken symbolic link", help: "fix or remove the link"))
                }
            }
        }
    }

    /// The names in a folder that do not start with ".", each with what it names when the
    /// folder's listing says (a regular file or a folder), so only symbolic links and entries of
    /// unknown type cost a `stat`.
    private static func entries(of directory: String) -> Listing? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var listing = Listing()
        while let entry = readdir(stream) {
            let kind: Kind?
            switch Int(entry.pointee.d_type) {
            case Int(DT_REG): kind = .file
            case Int(DT_DIR): kind = .directory
            default: kind = nil  // a link (followed, as `stat` does) or a file system that does not say
            }
            withUnsafeBytes(of: entry.pointee.d_name) { name in
                let length = name.firstIndex(of: 0) ?? name.count
                guard length > 0, name[0] != UInt8(ascii: ".") else { return }
                listing.add(UnsafeRawBufferPointer(rebasing: name[..<length]), kind: kind)
            }
        }
        return listing
    }

    /// A folder's names, their bytes kept side by side in one array: sorting them moves no
    /// strings, and a string is made only for each name taken, in order.
    private struct Listing {
        struct Entry {
            /// Where the name's bytes are in `bytes`.
            var name: Range<Int>
            var kind: Kind?
        }

        private var bytes: [UInt8] = []
        private var entries: [Entry] = []

        mutating func add(_ name: UnsafeRawBufferPointer, kind: Kind?) {
            entries.append(Entry(name: bytes.count..<bytes.count + name.count, kind: kind))
            bytes.append(contentsOf: name)
        }

        /// The entries in byte order of their names.
        func sorted() -> [Entry] {
            bytes.withUnsafeBufferPointer { bytes in
                entries.sorted { a, b in
                    FileWalker.compare(UnsafeBufferPointer(rebasing: bytes[a.name]), UnsafeBufferPointer(rebasing: bytes[b.name])) < 0
                }
            }
        }

        /// The entry's path: its name after `prefix`, the folder's path and a "/".
        func path(_ entry: Entry, prefix: [UInt8]) -> String {
            String(decoding: prefix + bytes[entry.name], as: UTF8.self)
        }

        func pathExtension(_ entry: Entry) -> String {
            FileWalker.pathExtension(bytes[entry.name])
        }
    }
}

/// A path compared and hashed by its bytes, for sets of files: see `FileWalker.precedes`.
struct ExactPath: Hashable {
    let path: String

    init(_ path: String) {
        self.path = path
    }

    static func == (a: ExactPath, b: ExactPath) -> Bool {
        FileWalker.compare(a.path, b.path) == 0
    }

    func hash(into hasher: inout Hasher) {
        var path = path
        path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
