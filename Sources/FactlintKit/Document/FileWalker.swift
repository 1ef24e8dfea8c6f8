import Foundation

/// Finds files under folders, in a stable order, without following symbolic-link loops.
public enum FileWalker {
    public enum Kind { case file, directory, missing }

    public static func kind(of path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .directory : .file
    }

    /// Files under `root` whose extension is one of `extensions`, sorted by path.
    public static func files(under root: String, extensions: Set<String>) -> [String] {
        var result: [String] = []
        var visited: Set<String> = []
        walk(root, extensions: extensions, visited: &visited, into: &result)
        return result.sorted()
    }

    private static func walk(_ directory: String, extensions: Set<String>, visited: inout Set<String>, into result: inout [String]) {
        let resolved = (directory as NSString).resolvingSymlinksInPath
        guard visited.insert(resolved).inserted else { return }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            switch kind(of: path) {
            case .directory:
                walk(path, extensions: extensions, visited: &visited, into: &result)
            case .file:
                let ext = (entry as NSString).pathExtension.lowercased()
                if extensions.contains(ext) { result.append(path) }
            case .missing:
                break
            }
        }
    }
}
