import ArgumentParser
import FactlintKit
import Foundation

/// `--cache` and `--cache-location`: reports unchanged since the last run are not linted again.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Reuse what the last run with --cache found in the reports unchanged since, and remember what this run finds.")
    var cache = false

    @Option(name: .customLong("cache-location"), help: ArgumentHelp("The cache file, or a folder to keep it in (default: .factlint-cache in the working directory); implies --cache.", valueName: "path"))
    var location: String?

    /// Whether the run uses a cache.
    var isOn: Bool { cache || location != nil }

    /// The cache file: the one given, the default name in the folder given, or the default.
    var path: String {
        guard let location else { return LintCache.defaultFileName }
        return FileWalker.kind(of: location) == .directory ? URL(fileURLWithPath: location).appendingPathComponent(LintCache.defaultFileName).path : location
    }

    /// The cache of `run` when the run uses one: what the file remembers when it was written
    /// for this very run, else an empty cache.
    func load(for run: LintRun) -> LintCache? {
        guard isOn else { return nil }
        return LintCache.read(from: path, key: CacheOptions.key(for: run))
    }

    /// Writes what the run found to the cache file; a failure is a problem of the run.
    func save(_ cache: LintCache?, lines: [(path: String, line: String)], problems: InputProblems) {
        guard let cache else { return }
        do {
            try cache.write(lines, to: path) { FileWalker.kind(of: $0) == .file }
        } catch {
            problems.report(error)
        }
    }

    /// What decides every report's outcome besides its bytes: the factlint build, the working
    /// directory (paths in the configuration are read from it), the configuration and the rules.
    static func key(for run: LintRun) -> ContentHash {
        var key = ContentHash()
        key.combine("factlint \(Factlint.configuration.version) cache \(LintCache.format)")
        key.combine(executableIdentity())
        key.combine(FileManager.default.currentDirectoryPath)
        key.combine(run.configuration.sourceHash)
        key.combine(run.ruleSourceHash)
        return key
    }

    /// The running executable's size, modification time and file number, so that a rebuilt
    /// factlint (a developer's, between two runs) does not trust what the old one found.
    static func executableIdentity() -> ContentHash {
        var identity = ContentHash()
        var status = stat()
        let executable = FileWalker.kind(of: "/proc/self/exe") == .file ? "/proc/self/exe" : Bundle.main.executablePath ?? ""
        guard stat(executable, &status) == 0 else { return identity }
        identity.combine(UInt64(status.st_size))
        identity.combine(UInt64(status.st_ino))
        #if os(Linux)
        identity.combine(UInt64(bitPattern: Int64(status.st_mtim.tv_sec)))
        identity.combine(UInt64(bitPattern: Int64(status.st_mtim.tv_nsec)))
        #else
        identity.combine(UInt64(bitPattern: Int64(status.st_mtimespec.tv_sec)))
        identity.combine(UInt64(bitPattern: Int64(status.st_mtimespec.tv_nsec)))
        #endif
        return identity
    }
}
