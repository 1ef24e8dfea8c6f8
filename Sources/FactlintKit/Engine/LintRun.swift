import Foundation

/// What linting one input produced: its report, or the diagnostics that kept it from being read.
public struct LintOutcome: Sendable {
    /// The path given, or the name given to standard input.
    public var path: String
    public var report: DocumentReport?
    public var diagnostics: [Diagnostic]
    /// The line that remembers this outcome in a `LintCache`, when the run keeps one.
    public var cacheLine: String?

    public init(path: String, report: DocumentReport?, diagnostics: [Diagnostic]) {
        self.path = path
        self.report = report
        self.diagnostics = diagnostics
    }
}

/// A run over many reports, as `factlint lint` and `factlint summary` make it: the files the
/// inputs name, the rules that apply to each under the configuration, and the linting itself,
/// in parallel, with outcomes handed back in input order.
public struct LintRun: Sendable {
    /// The input that stands for standard input.
    public static let standardInputPath = "-"

    public var configuration: Configuration
    /// Every rule loaded, before the configuration turned any off.
    public var loadedRules: [Rule]
    /// The rules that run on a report no override matches.
    public var rules: [Rule]
    /// Whether reports list every figure read (`factlint facts --format jsonl`).
    public var listsFigures = false
    /// Whether reports carry where their time went (`factlint lint --timing`).
    public var timesRules = false
    /// The hash of the rule files and tables the rules were read from (`RuleSet.sourceHash`).
    public let ruleSourceHash: ContentHash

    /// The run of the rules of `ruleSet` under `configuration`.
    public init(configuration: Configuration, ruleSet: RuleSet) {
        self.configuration = configuration
        self.loadedRules = ruleSet.rules
        self.rules = configuration.applied(to: ruleSet.rules)
        self.ruleSourceHash = ruleSet.sourceHash
    }

    /// The report files the inputs name, in order, each once; `-` is kept where it stands.
    ///
    /// Files found in folders or by patterns are left out when the configuration's `include`
    /// and `exclude` say so; a file named on its own is always linted.
    ///
    /// Reports are told apart by their paths as strings, which hold two names equal when they
    /// differ only in Unicode normalisation ("é" composed or decomposed): of two such files the
    /// first is linted and the second gets a diagnostic, rather than findings quoting the wrong one.
    public func files(for inputs: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        // Each file taken, as a string: the same name again is the same file, unless its bytes differ.
        var taken: Set<String> = []
        for input in inputs {
            if input == LintRun.standardInputPath {
                files.append(input)
                continue
            }
            let named = FileWalker.kind(of: input) == .file
            let (found, pathDiagnostics) = ReportPaths.expand([input], extensions: configuration.extensions)
            diagnostics += pathDiagnostics
            taken.reserveCapacity(taken.count + found.count)
            for file in found where named || configuration.selects(file) {
                let (isNew, first) = taken.insert(file)
                if isNew {
                    files.append(file)
                    continue
                }
                if FileWalker.compare(first, file) != 0 {
                    diagnostics.append(Diagnostic(
                        path: file, message: "not linted: its name looks the same as \(first)'s but encodes its accents differently (Unicode normalisation), and factlint tells reports apart by name",
                        help: "rename one of the two files; \(first) is linted"
                    ))
                }
            }
        }
        return (files, diagnostics)
    }

    /// The linter for each file: the plain one, or one with the rules of the overrides that match.
    func linters(for files: [String], standardInputName: String) -> (linters: [Linter], perFile: [Int]) {
        let knownRuleIDs = Set(loadedRules.map(\.id))
        func linter(_ rules: [Rule]) -> Linter {
            var linter = Linter(rules: rules, knownRuleIDs: knownRuleIDs)
            linter.listsFigures = listsFigures
            linter.timesRules = timesRules
            linter.limits = configuration.limits
            return linter
        }
        var linters = [linter(rules)]
        var byOverrides: [[Int]: Int] = [[]: 0]
        let perFile = files.map { file -> Int in
            let matching = configuration.overrides(for: file == LintRun.standardInputPath ? standardInputName : file)
            if let known = byOverrides[matching] { return known }
            linters.append(linter(configuration.applied(to: loadedRules, forOverrides: matching)))
            byOverrides[matching] = linters.count - 1
            return linters.count - 1
        }
        return (linters, perFile)
    }

    /// Lints the files on up to `jobs` threads and hands each outcome to `deliver` in the order of `files`.
    ///
    /// At most a few outcomes wait to be delivered, so memory does not grow with the number of files.
    ///
    /// - Parameters:
    ///   - standardInput: reads standard input, for the input `-`.
    ///   - standardInputName: the name messages give standard input.
    public func lint(
        files: [String], jobs: Int,
        standardInput: @escaping @Sendable () -> [UInt8] = { LintRun.standardInputBytes() },
        standardInputName: String = "<stdin>",
        cache: LintCache? = nil,
        deliver: (LintOutcome) -> Void
    ) {
        lint(files: files, jobs: jobs, standardInput: standardInput, standardInputName: standardInputName, cache: cache, finish: { _, outcome in outcome }, deliver: deliver)
    }

    /// Lints the files as `lint(files:jobs:deliver:)` does, and turns each outcome into what
    /// `deliver` is handed with `finish`, on the thread that linted the file: work done per
    /// report, such as encoding it, is shared among the jobs rather than left to the caller's.
    ///
    /// - Parameters:
    ///   - cache: what an earlier run remembered: a file whose bytes are as they were then is
    ///     not linted again. Each outcome of a file then carries its `cacheLine`.
    ///   - finish: given the file's place in `files` and its outcome.
    public func lint<Finished: Sendable>(
        files: [String], jobs: Int,
        standardInput: @escaping @Sendable () -> [UInt8] = { LintRun.standardInputBytes() },
        standardInputName: String = "<stdin>",
        cache: LintCache? = nil,
        finish: @escaping @Sendable (_ index: Int, _ outcome: LintOutcome) -> Finished,
        deliver: (Finished) -> Void
    ) {
        let (linters, perFile) = linters(for: files, standardInputName: standardInputName)
        forEachInput(files: files, jobs: jobs, standardInput: standardInput, standardInputName: standardInputName, work: { index, path, bytes in
            let linter = linters[perFile[index]]
            // Standard input is never cached: it has no file to be the same as next time.
            if let cache, bytes == nil, case .bytes(let contents) = ReportFile.read(path, limit: linter.limits.maximumReportBytes) {
                let hash = ContentHash(contents)
                if let remembered = cache.outcome(path: path, bytes: contents, hash: hash) { return finish(index, remembered) }
                let (report, diagnostics) = linter.lint(bytes: contents, path: path)
                var outcome = LintOutcome(path: path, report: report, diagnostics: diagnostics)
                outcome.cacheLine = LintCache.line(for: outcome, hash: hash)
                return finish(index, outcome)
            }
            // A file too large or unreadable is read again here, for the diagnostic that says why.
            let (report, diagnostics) = bytes.map { linter.lint(bytes: $0, path: path) } ?? linter.lint(file: path)
            return finish(index, LintOutcome(path: path, report: report, diagnostics: diagnostics))
        }, deliver: deliver)
    }

    /// What reading one input produced, rules aside (`factlint facts`): what was kept of each
    /// of its parts, nil when it could not be read, and the diagnostics.
    public struct ReadOutcome<Part: Sendable>: Sendable {
        /// The path given, or the name given to standard input.
        public var path: String
        public var parts: [Part]?
        public var diagnostics: [Diagnostic]
    }

    /// Reads the files without running rules, on up to `jobs` threads, and hands each outcome to
    /// `deliver` in the order of `files`; `part` keeps what is wanted of each part of a report.
    ///
    /// Reports are read as `lint` reads them (the configuration's limits, the same diagnostics),
    /// and as in `lint` at most a few outcomes wait to be delivered.
    public func read<Part: Sendable>(
        files: [String], jobs: Int,
        standardInput: @escaping @Sendable () -> [UInt8] = { LintRun.standardInputBytes() },
        standardInputName: String = "<stdin>",
        part: @escaping @Sendable (Document) -> Part,
        deliver: (ReadOutcome<Part>) -> Void
    ) {
        read(files: files, jobs: jobs, standardInput: standardInput, standardInputName: standardInputName, part: part, finish: { $0 }, deliver: deliver)
    }

    /// Reads the files as `read(files:jobs:part:deliver:)` does, and turns each outcome into
    /// what `deliver` is handed with `finish`, on the thread that read the file.
    public func read<Part: Sendable, Finished: Sendable>(
        files: [String], jobs: Int,
        standardInput: @escaping @Sendable () -> [UInt8] = { LintRun.standardInputBytes() },
        standardInputName: String = "<stdin>",
        part: @escaping @Sendable (Document) -> Part,
        finish: @escaping @Sendable (ReadOutcome<Part>) -> Finished,
        deliver: (Finished) -> Void
    ) {
        var linter = Linter(rules: [])
        linter.limits = configuration.limits
        let reader = linter
        forEachInput(files: files, jobs: jobs, standardInput: standardInput, standardInputName: standardInputName, work: { _, path, bytes in
            let (parts, diagnostics) = bytes.map { reader.read(bytes: $0, path: path, part: part) } ?? reader.read(file: path, part: part)
            return finish(ReadOutcome(path: path, parts: parts, diagnostics: diagnostics))
        }, deliver: deliver)
    }

    /// Runs `work` on each input on up to `jobs` threads and hands the outcomes to `deliver` in
    /// the order of `files`. `work` is given the input's place, its path (the name given to
    /// standard input for `-`) and, for standard input only, its bytes; a file it reads itself.
    private func forEachInput<Outcome: Sendable>(
        files: [String], jobs: Int, standardInput: @escaping @Sendable () -> [UInt8], standardInputName: String,
        work: @escaping @Sendable (_ index: Int, _ path: String, _ bytes: [UInt8]?) -> Outcome,
        deliver: (Outcome) -> Void
    ) {
        OrderedWork.run(count: files.count, jobs: jobs, work: { index in
            let file = files[index]
            return file == LintRun.standardInputPath
                ? work(index, standardInputName, standardInput())
                : work(index, file, nil)
        }, deliver: { _, outcome in deliver(outcome) })
    }

    /// Everything on standard input, for the input `-`.
    public static func standardInputBytes() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }

    /// The files of one shard, each with its place among all the files: a file belongs to shard
    /// `hash(path) mod count`, so it stays in its shard whatever files are added or removed.
    public static func shard(_ files: [String], _ shard: Shard?) -> [(index: Int, path: String)] {
        let all = files.enumerated().map { (index: $0.offset, path: $0.element) }
        guard let shard else { return all }
        return all.filter { Int(shardHash($0.path) % UInt64(shard.count)) == shard.number - 1 }
    }

    /// FNV-1a over the path's bytes: the same on every machine and every run.
    static func shardHash(_ path: String) -> UInt64 {
        fnv1a(path.utf8)
    }

    /// The number of jobs when none is asked for: one per core.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// One of `count` parts of a run's files, numbered from 1 (`--shard 2/3`).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public var number: Int
    public var count: Int

    /// Reads "I/N" with 1 ≤ I ≤ N; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let number = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(number) else { return nil }
        self.number = number
        self.count = count
    }

    public var description: String { "\(number)/\(count)" }
}
