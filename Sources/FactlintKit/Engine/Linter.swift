import Foundation
import FactlintFigures

/// What linting one document produced.
public struct DocumentReport: Sendable {
    public var source: SourceFile
    public var findings: [Finding]
    public var figuresRead: Int
    /// Figures at least one rule compared with another.
    public var figuresUsed: Int
    public var checksRun: Int
    /// The statements this report makes of facts compared across reports (rules of scope `corpus`).
    public var facts: [CorpusFact] = []
    /// Every figure read, when the linter was asked to list them (`factlint facts --format jsonl`).
    public var figures: [FigureListing.Entry]?
    /// Where the time went, when the linter was asked to time itself (`--timing`).
    public var timings: Timings?
    /// The report's suppressions that name a rule compared across reports (or `all`): they may
    /// silence a finding across reports, so whether they silence anything is judged once those
    /// are known (`HeldSuppressions`).
    public var heldSuppressions: [SuppressionDirective] = []
}

/// Evaluates rules against documents: match every template, then let each rule's check judge.
public struct Linter: Sendable {
    public let rules: [Rule]
    public var recognizer: FigureRecognizer
    /// Every rule id a suppression may name: the rules that run and those turned off by configuration.
    public var knownRuleIDs: Set<String>
    /// The rules of scope `corpus`, whose findings come after every report is linted.
    let corpusRuleIDs: Set<String>
    /// Every word and mark the rules' templates require, for indexing each document's sentences.
    let lookedFor: HashNumbering
    /// Each rule's templates with their required groups numbered by `lookedFor`, worked out once.
    let templates: [[(template: Template, groups: [[Int]])]]
    /// What each rule's check is told of its rule, made once rather than for every document.
    let checkedRules: [CheckedRule]
    /// For each rule, whether its check judges its matches only (`Check.judgesMatchesOnly`).
    let judgesMatchesOnly: [Bool]
    /// For each rule, the groups of templates searched first, each of which must match for the
    /// rule to find anything in a report (`Check.requiredMatches`; none for rules of scope `corpus`).
    let requiredMatches: [[Range<Int>]]
    /// Whether a citation rule runs, so each document's reference list is read once for all of them.
    let readsReferences: Bool
    /// Whether reports list every figure read, as `factlint facts` does.
    public var listsFigures = false
    /// The caps on what one report may hold (`limits:` in `.factlint.yml`).
    public var limits = Limits.standard
    /// Whether reports carry the time spent reading them and on each rule (`--timing`).
    public var timesRules = false

    public init(rules: [Rule], recognizer: FigureRecognizer = FigureRecognizer(), knownRuleIDs: Set<String> = []) {
        self.rules = rules
        self.recognizer = recognizer
        self.knownRuleIDs = knownRuleIDs.union(rules.map(\.id))
        self.corpusRuleIDs = Set(rules.filter { $0.scope == .corpus }.map(\.id))
        let lookedFor = HashNumbering(templates: rules.flatMap(\.check.templates))
        self.lookedFor = lookedFor
        self.templates = rules.map { rule in rule.check.templates.map { ($0, lookedFor.groups(of: $0)) } }
        self.checkedRules = rules.map(CheckedRule.init)
        self.judgesMatchesOnly = rules.map { $0.check.judgesMatchesOnly }
        self.requiredMatches = rules.map { rule in
            rule.scope == .corpus ? [] : rule.check.requiredMatches.filter { !$0.isEmpty && $0.upperBound <= rule.check.templates.count }
        }
        self.readsReferences = rules.contains { $0.kind == .citation }
    }

    /// Lints one document.
    ///
    /// - Complexity: O(rules × templates × sentence length) for matching, plus each check's grouping.
    public func lint(_ document: Document) -> DocumentReport {
        lint(document, readingTime: nil)
    }

    func lint(_ document: Document, readingTime: Duration?) -> DocumentReport {
        var outcome = RulesOutcome(timed: timesRules)
        runRules(on: document, readingTime: readingTime, into: &outcome)
        return report(outcome, source: document.source)
    }

    /// What the rules made of a report, part by part, before its suppressions are applied.
    struct RulesOutcome {
        var findings: [Finding] = []
        var figuresRead = 0
        var figuresUsed = 0
        var checksRun = 0
        var facts: [CorpusFact] = []
        var figures: [FigureListing.Entry] = []
        /// The report's HTML comments, where suppressions are written.
        var comments: [(text: String, bytes: Range<Int>)] = []
        var timings: Timings?

        init(timed: Bool) {
            timings = timed ? Timings() : nil
        }
    }

    /// Runs every rule on a document (a whole report, or one part of one) and adds what they find.
    func runRules(on document: Document, readingTime: Duration?, into outcome: inout RulesOutcome) {
        let clock = ContinuousClock()
        var started = clock.now
        outcome.timings?.reading += readingTime ?? .zero
        var seen: Set<Finding> = []
        var used = [Bool].filled(with: false, count: document.figures.count)
        // Each sentence's words and figures, built once for every template of every rule.
        let index = SentenceIndex(document: document, lookedFor: lookedFor)
        let references = readsReferences ? ReferenceList(document: document) : nil
        if timesRules {
            let now = clock.now
            outcome.timings?.reading += now - started
            started = now
        }
        // The time since the last lap goes to a rule, with `--timing`.
        func lap(_ ruleIndex: Int) {
            guard timesRules else { return }
            let now = clock.now
            outcome.timings?.rules[rules[ruleIndex].id, default: .zero] += now - started
            started = now
        }
        // Rules are read in place: a `Rule` carries texts and examples, too much to copy per document.
        let scratch = TemplateMatcher.SearchScratch()
        // The document's arrays are taken once for every search (`TemplateMatcher.DocumentBuffers`).
        TemplateMatcher.withBuffers(of: document, index: index) { buffers in
            for ruleIndex in rules.indices {
                // A template is looked at only where it may match: most templates may match nowhere
                // in a given report.
                func search(_ position: Int) -> [TemplateMatch] {
                    let candidates = index.candidates(groups: templates[ruleIndex][position].groups, scratch: scratch)
                    guard !candidates.isEmpty else { return [] }
                    return TemplateMatcher.matches(of: templates[ruleIndex][position].template, in: candidates, document: document, index: index,
                                                   buffers: buffers, scratch: scratch)
                }
                let matches: [[TemplateMatch]]
                if requiredMatches[ruleIndex].isEmpty {
                    matches = templates[ruleIndex].indices.map(search)
                } else {
                    // The templates that must match first; the others only when each group matched.
                    var searched = [[TemplateMatch]?].filled(with: nil, count: templates[ruleIndex].count)
                    var passed = false
                    for group in requiredMatches[ruleIndex] {
                        for position in group where searched[position] == nil { searched[position] = search(position) }
                        if group.allSatisfy({ searched[$0]?.isEmpty != false }) {
                            passed = true
                            break
                        }
                    }
                    if passed {
                        lap(ruleIndex)
                        continue
                    }
                    matches = searched.indices.map { searched[$0] ?? search($0) }
                }
                if judgesMatchesOnly[ruleIndex], matches.allSatisfy({ $0.isEmpty }) {
                    lap(ruleIndex)
                    continue
                }
                let context = CheckContext(document: document, rule: checkedRules[ruleIndex], matches: matches, index: index, references: references)
                let evaluated = rules[ruleIndex].check.evaluate(context)
                for var finding in evaluated.findings {
                    if rules[ruleIndex].tolerates(finding.evidence) { continue }
                    finding.severity = rules[ruleIndex].severity(for: finding.evidence)
                    // Two templates can reach one discrepancy; report it once.
                    if seen.insert(finding).inserted { outcome.findings.append(finding) }
                }
                for figure in evaluated.usedFigures.indices { used[figure] = true }
                outcome.checksRun += evaluated.checksRun
                outcome.facts += evaluated.facts
                lap(ruleIndex)
            }
        }
        outcome.figuresRead += document.figures.count
        outcome.figuresUsed += used.reduce(0) { $0 + ($1 ? 1 : 0) }
        outcome.comments += Suppressions.comments(of: document)
        if listsFigures { outcome.figures += FigureListing(document: document).entries }
    }

    /// The report of what the rules found, less what the report's suppressions silence, plus
    /// findings about suppressions that do nothing.
    func report(_ outcome: RulesOutcome, source: SourceFile) -> DocumentReport {
        var findings = outcome.findings
        var suppressions = Suppressions(comments: outcome.comments, source: source)
        var held: [SuppressionDirective] = []
        if !suppressions.directives.isEmpty {
            findings = suppressions.filter(findings)
            let heldIndices = corpusRuleIDs.isEmpty ? [] : suppressions.directives.indices.filter { suppressions.directives[$0].names(anyOf: corpusRuleIDs) }
            findings += suppressions.findingsAboutDirectives(knownRules: knownRuleIDs, runningRules: Set(rules.map(\.id)), held: Set(heldIndices))
            held = heldIndices.map { suppressions.directives[$0] }
        }
        findings.sort(by: Finding.inReadingOrder)
        var report = DocumentReport(source: source, findings: findings, figuresRead: outcome.figuresRead, figuresUsed: outcome.figuresUsed,
                                    checksRun: outcome.checksRun, facts: outcome.facts, figures: listsFigures ? outcome.figures : nil, timings: outcome.timings)
        report.heldSuppressions = held
        return report
    }

    /// Reads and lints a file; a file that cannot be read is a diagnostic.
    ///
    /// A file that is not valid UTF-8 is still linted (invalid bytes read as "�"), and the
    /// first invalid byte is reported so the run fails and the user can fix the encoding.
    public func lint(file path: String) -> (report: DocumentReport?, diagnostics: [Diagnostic]) {
        withBytes(ofFile: path) { lint(bytes: $0, path: path) }
    }

    /// Reads a file's figures part by part without running the rules, as `factlint facts` does:
    /// `part` keeps what is wanted of each part. The diagnostics are those `lint(file:)` gives.
    public func read<Part>(file path: String, part: (Document) -> Part) -> (parts: [Part]?, diagnostics: [Diagnostic]) {
        withBytes(ofFile: path) { read(bytes: $0, path: path, part: part) }
    }

    /// `read(file:part:)` of a report given as bytes.
    public func read<Part>(bytes: [UInt8], path: String, part: (Document) -> Part) -> (parts: [Part]?, diagnostics: [Diagnostic]) {
        var parts: [Part] = []
        let (source, diagnostics) = read(bytes: bytes, path: path) { parts.append(part($0)) }
        return (source == nil ? nil : parts, diagnostics)
    }

    /// What `body` makes of a file's bytes, or the diagnostic that says why they were not read.
    private func withBytes<Outcome>(ofFile path: String, _ body: ([UInt8]) -> (Outcome?, [Diagnostic])) -> (Outcome?, [Diagnostic]) {
        switch ReportFile.read(path, limit: limits.maximumReportBytes) {
        case .bytes(let bytes):
            return body(bytes)
        case .tooLarge(let size):
            // An oversized file is refused before it is read.
            return (nil, [tooLarge(size, path: path)])
        case .unreadable:
            return (nil, [Diagnostic(path: path, message: "cannot read the file", help: "check that it exists, that it is a regular file and that you may read it")])
        }
    }

    /// The diagnostic for a report over `limits.maximumReportBytes`.
    func tooLarge(_ size: Int, path: String) -> Diagnostic {
        Diagnostic(
            path: path, message: "the file is \(size.byteCountDescription), larger than the \(limits.maximumReportBytes.byteCountDescription) factlint reads in one report",
            help: "split the report into smaller files, or raise `limits: {report_size: …}` in .factlint.yml"
        )
    }

    /// Lints a report given as bytes (standard input, an editor's buffer), named `path` in messages.
    ///
    /// Bytes that are not text are reported and the rest is still linted: the first invalid
    /// UTF-8 byte, the first NUL byte, and the first list or quote nested past
    /// `Limits.maximumMarkdownNesting`. A report larger than `Limits.maximumReportBytes` is
    /// reported and not linted.
    ///
    /// - Complexity: O(n) in the size of the report, plus matching.
    public func lint(bytes: [UInt8], path: String) -> (report: DocumentReport?, diagnostics: [Diagnostic]) {
        let clock = ContinuousClock()
        var outcome = RulesOutcome(timed: timesRules)
        var started = clock.now
        let (source, diagnostics) = read(bytes: bytes, path: path) { document in
            runRules(on: document, readingTime: clock.now - started, into: &outcome)
            started = clock.now
        }
        guard let source else { return (nil, diagnostics) }
        return (report(outcome, source: source), diagnostics)
    }

    /// Reads a report given as bytes, handing each part to `body` (a report too large to read
    /// whole is read part by part, each part released before the next), and reports what is not
    /// text: see `lint(bytes:path:)`.
    ///
    /// - Returns: the report's source, nil when it is too large to read; and the diagnostics.
    func read(bytes: [UInt8], path: String, _ body: (Document) -> Void) -> (source: SourceFile?, diagnostics: [Diagnostic]) {
        guard bytes.count <= min(limits.maximumReportBytes, Limits.largestReportBytes) else { return (nil, [tooLarge(bytes.count, path: path)]) }
        let source = SourceFile(path: path, bytes: bytes)
        var diagnostics: [Diagnostic] = []
        func located(_ offset: Int, _ message: String, help: String) -> Diagnostic {
            let location = source.location(of: offset)
            return Diagnostic(path: path, location: location, message: message, help: help, sourceLine: source.snippetLine(at: offset))
        }
        if let offset = source.firstInvalidUTF8Offset {
            diagnostics.append(located(
                offset, "the file is not valid UTF-8 (byte 0x\(String(source.bytes[offset], radix: 16, uppercase: true)))",
                help: "save the report as UTF-8; factlint read the invalid bytes as \"�\""
            ))
        }
        if let offset = bytes.withUnsafeBufferPointer({ ByteText.firstIndex(of: 0, in: $0, 0..<$0.count) }) {
            diagnostics.append(located(
                offset, "the file holds a NUL byte (0x00), which text does not",
                help: "a NUL byte comes from a binary file or a UTF-16 encoding; save the report as UTF-8 text (factlint read the rest of it)"
            ))
        }
        var tooDeep: Int?
        Document.forEachPart(of: source, recognizer: recognizer, limits: limits) { document in
            if let problem = document.frontMatterProblem {
                diagnostics.append(located(problem.offset, problem.message, help: "fix the front matter between the '---' lines; factlint read the rest of the report without its fields"))
            }
            tooDeep = tooDeep ?? document.firstTooDeepOffset
            body(document)
        }
        if let offset = tooDeep {
            diagnostics.append(located(
                offset, "lists or block quotes nest more than \(limits.maximumMarkdownNesting) deep here; deeper lines are read as plain paragraphs",
                help: "flatten the nesting; factlint read the rest of the report"
            ))
        }
        return (source, diagnostics)
    }
}

/// Expands the paths given on the command line into report files.
public enum ReportPaths {
    public static let defaultExtensions: Set<String> = ["md", "markdown", "txt"]

    /// The report files under the given paths, in a stable order, and a diagnostic for each path that does not exist.
    public static func expand(_ paths: [String], extensions: Set<String> = defaultExtensions) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        // The files of one path are each found once; only a second path can name one again.
        var seen: Set<ExactPath> = []
        func isNew(_ file: String) -> Bool {
            paths.count == 1 || seen.insert(ExactPath(file)).inserted
        }
        for path in paths {
            switch FileWalker.kind(of: path) {
            case .file:
                if isNew(path) { files.append(path) }
            case .directory:
                let walked = FileWalker.walk(path, extensions: extensions)
                diagnostics.append(contentsOf: walked.diagnostics)
                for file in walked.files where isNew(file) {
                    files.append(file)
                }
            case .missing:
                if ReportPaths.isGlob(path) {
                    let matched = ReportPaths.glob(path)
                    diagnostics.append(contentsOf: matched.diagnostics)
                    if matched.files.isEmpty {
                        diagnostics.append(Diagnostic(path: path, message: "no report matches the pattern", help: "check the pattern; quote it so the shell leaves it to factlint"))
                    }
                    for file in matched.files where isNew(file) { files.append(file) }
                } else {
                    diagnostics.append(Diagnostic(path: path, message: "no such file or folder", help: "pass the path of a report or of a folder of reports"))
                }
            }
        }
        return (files, diagnostics)
    }

    /// Whether a path is a pattern: it holds `*`, `?` or `[`.
    static func isGlob(_ path: String) -> Bool {
        path.contains("*") || path.contains("?") || path.contains("[")
    }

    /// The files a pattern matches: `*` and `?` within a path component, `[abc]` classes, and
    /// `**` for any number of folders. The folder before the first pattern component is walked.
    static func glob(_ pattern: String) -> (files: [String], diagnostics: [Diagnostic]) {
        let components = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let literal = components.prefix { !isGlob($0) }
        var root = literal.joined(separator: "/")
        if root.isEmpty { root = pattern.hasPrefix("/") ? "/" : "." }
        guard FileWalker.kind(of: root) == .directory else { return ([], []) }
        // Walk every file below the root, whatever its extension, and keep those that match.
        let walked = FileWalker.walkAll(root)
        let files = walked.files.filter { ReportPaths.matches(pattern, $0) }
        return (files, walked.diagnostics)
    }

    /// Whether `path` matches `pattern`, component by component; `**` matches any number of components.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let normalised = path.hasPrefix("./") && !pattern.hasPrefix("./") ? String(path.dropFirst(2)) : path
        let patternParts = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let pathParts = normalised.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func match(_ p: Int, _ q: Int) -> Bool {
            if p == patternParts.count { return q == pathParts.count }
            if patternParts[p] == "**" {
                for next in q...pathParts.count where match(p + 1, next) { return true }
                return false
            }
            guard q < pathParts.count, fnmatch(patternParts[p], pathParts[q], 0) == 0 else { return false }
            return match(p + 1, q + 1)
        }
        return match(0, 0)
    }
}
