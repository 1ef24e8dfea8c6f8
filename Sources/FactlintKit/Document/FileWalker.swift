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

    /// -1, 0 or 1 as `a`'s bytes sort before, equal or after `b`'s. Over the strings' own
    /// storage: the generic comparison of two `utf8` views steps an iterator per byte, and
    /// sorting a folder of thousands of reports spent milliseconds there.
    static func compare(_ a: String, _ b: String) -> Int {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                for index in 0..<min(x.count, y.count) where x[index] != y[index] {
                    return x[index] < y[index] ? -1 : 1
                }
                return x.count == y.count ? 0 : x.count < y.count ? -1 : 1
            }
        }
    }

    /// What a path names, following symbolic links: one `stat` call.
    public static func kind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return status.st_mode & S_IFMT == S_IFDIR ? .directory : .file
    }

    /// The lowercase extension of a file name ("md" for "Report.MD"); empty when it has none.
    static func pathExtension(_ name: String) -> String {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
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
        for (entry, listedKind) in entries.sorted(by: { precedes($0.name, $1.name) }) where !entry.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            let ext = pathExtension(entry)
            switch listedKind ?? kind(of: path) {
            case .directory:
                walk(path, extensions: extensions, ancestors: &ancestors, files: &files, diagnostics: &diagnostics)
            case .file:
                if extensions?.contains(ext) ?? true { files.append(path) }
            case .missing:
                // A name that lists but does not resolve is a broken symbolic link.
                if extensions?.contains(ext) ?? false {
                    diagnostics.append(Diagnostic(path: path, message: "cannot read the file: it is a broken symbolic link", help: "fix or remove the link"))
                }
            }
        }
    }

    /// The names in a folder, each with what it names when the folder's listing says (a regular
    /// file or a folder), so only symbolic links and entries of unknown type cost a `stat`.
    private static func entries(of directory: String) -> [(name: String, kind: Kind?)]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: String, kind: Kind?)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            let kind: Kind?
            switch Int(entry.pointee.d_type) {
            case Int(DT_REG): kind = .file
            case Int(DT_DIR): kind = .directory
            default: kind = nil  // a link (followed, as `stat` does) or a file system that does not say
            }
            entries.append((name, kind))
        }
        return entries
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
