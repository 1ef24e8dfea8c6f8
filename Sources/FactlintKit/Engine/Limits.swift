/// Every cap factlint puts on its input, in one place.
///
/// Input past a cap is never a crash or a hang: it gives a diagnostic naming the file, the
/// position where there is one, the limit and what to do. README.md, "Limits", lists them.
public struct Limits: Sendable, Equatable {
    /// The largest report read, in bytes. A larger file is reported and not linted.
    ///
    /// Linting needs several times a file's size in memory (tokens, sentences, figures).
    public var maximumReportBytes: Int
    /// A report larger than this is read in parts of about this size, cut at headings (see
    /// `ReportParts`), so memory follows the part size; facts are compared within a part.
    public var reportPartBytes: Int
    /// How deep lists and block quotes may nest in a Markdown report. Deeper lines are read
    /// as plain paragraphs, and the first of them is reported.
    public var maximumMarkdownNesting: Int
    /// The largest rule file read, in bytes. A larger file is reported and its rules left out.
    public var maximumRuleFileBytes: Int
    /// How many values (scalars, mappings, sequences) a rule file's aliases (`*name`) may add,
    /// once expanded, beyond one per byte of the file. Aliases of aliases multiply ("billion
    /// laughs"), so a file past it is not read.
    public var maximumYAMLNodes: Int
    /// How deep mappings and sequences may nest in a rule file.
    public var maximumYAMLNesting: Int
    /// The longest template, in characters.
    public var maximumTemplateLength: Int
    /// How deep choices `(a|b)` and optional parts `[a]` may nest in a template.
    public var maximumTemplateNesting: Int
    /// How deep parentheses and signs may nest in an `expect` expression.
    public var maximumExpressionNesting: Int

    /// The most `maximumReportBytes` can be raised to: positions in a report are kept in 32 bits.
    public static let largestReportBytes = Int(UInt32.max)

    public init(
        maximumReportBytes: Int = 1 << 30,
        reportPartBytes: Int = 8 << 20,
        maximumMarkdownNesting: Int = 64,
        maximumRuleFileBytes: Int = 16 << 20,
        maximumYAMLNodes: Int = 1_000_000,
        maximumYAMLNesting: Int = 64,
        maximumTemplateLength: Int = 4_000,
        maximumTemplateNesting: Int = 32,
        maximumExpressionNesting: Int = 64
    ) {
        self.maximumReportBytes = maximumReportBytes
        self.reportPartBytes = reportPartBytes
        self.maximumMarkdownNesting = maximumMarkdownNesting
        self.maximumRuleFileBytes = maximumRuleFileBytes
        self.maximumYAMLNodes = maximumYAMLNodes
        self.maximumYAMLNesting = maximumYAMLNesting
        self.maximumTemplateLength = maximumTemplateLength
        self.maximumTemplateNesting = maximumTemplateNesting
        self.maximumExpressionNesting = maximumExpressionNesting
    }

    /// The limits factlint uses unless told otherwise.
    public static let standard = Limits()
}

extension Int {
    /// A byte count as people read it: "16 MB", "1 GB", "512 bytes" (binary multiples).
    var byteCountDescription: String {
        if self >= 1 << 30, self % (1 << 30) == 0 { return "\(self >> 30) GB" }
        if self >= 1 << 20 { return "\(self >> 20) MB" }
        if self >= 1 << 10 { return "\(self >> 10) KB" }
        return "\(self) bytes"
    }
}
