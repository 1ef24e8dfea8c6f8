import ArgumentParser
import FactlintKit
import Foundation

/// `--cache` and `--cache-location`: reports unchanged since the last run are not linted again.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Reuse what the last run with --cache found in the reports unchanged since, and remember what this run finds.")
    var cache = false

    @Option(name: .customLong("cache-location"), help: ArgumentHelp("The cache file, or a folder to keep it in (default: .factlint-cache in the working directory); implies --cache.", valueName: "path"))
    var location: String?

    /// The cache file: the one given, the default name in the folder given, or the default.
    private var path: String {
        guard let location else { return LintCache.defaultFileName }
        return FileWalker.kind(of: location) == .directory ? URL(fileURLWithPath: location).appendingPathComponent(LintCache.defaultFileName).path : location
    }

    /// The cache of `run` and the file it is kept in, when the run uses one: what the file
    /// remembers when it was written for this very run, else an empty cache.
    ///
    /// - Throws: `Exit.failure` when the location is something other than a file or a folder
    ///   (`/dev/null`, a pipe), which writing the cache would replace.
    func load(for run: LintRun) throws -> (cache: LintCache, path: String)? {
        guard cache || location != nil else { return nil }
        let path = self.path
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            Output.error(Diagnostic(path: path, message: "the cache location is not a file", help: "give --cache-location a file or a folder; to run without a cache, leave out --cache").rendered())
            throw Exit.failure
        }
        let key = LintCache.key(for: run, workingDirectory: FileManager.default.currentDirectoryPath)
        return (LintCache.read(from: path, key: key), path)
    }

    /// Writes what the run found to the cache file; a failure is a problem of the run.
    func save(_ cache: (cache: LintCache, path: String)?, lines: [(path: String, line: String)], problems: InputProblems) {
        guard let cache else { return }
        do {
            try cache.cache.write(lines, to: cache.path) { FileWalker.kind(of: $0) == .file }
        } catch {
            problems.report(error)
        }
    }
}
