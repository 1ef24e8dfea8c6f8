import FactlintFigures

/// The evaluation of one rule kind: what templates it needs and how it judges their matches.
public protocol Check: Sendable {
    /// Every template the check matches, in a fixed order; `CheckContext.matches` follows it.
    var templates: [Template] { get }

    /// Judges the matches in one document.
    func evaluate(_ context: CheckContext) -> CheckOutcome

    /// The check's templates as a rule author wrote them, each with the key it came from
    /// ("total", "part", "template" …), for `factlint explain`.
    var describedTemplates: [(role: String, source: String)] { get }

    /// Whether the check judges its templates' matches and nothing else, so that a document
    /// where none of them matched is passed by without calling `evaluate`. A check that reads
    /// more of the document (tables, reference lists) says false.
    var judgesMatchesOnly: Bool { get }

    /// Groups of templates (positions in `templates`) each of which must match somewhere in a
    /// report for the check to find anything there within it: the linter searches these groups
    /// first and passes the report by when one of them matches nowhere, without searching the
    /// other templates. Empty when the check names no such group. Not applied to rules of scope
    /// `corpus`, whose statements are kept for other reports whatever this report holds.
    var requiredMatches: [Range<Int>] { get }
}

extension Check {
    /// By default a check is always called: it may read more than its matches.
    public var judgesMatchesOnly: Bool { false }

    /// By default any template's match may lead to a finding.
    public var requiredMatches: [Range<Int>] { [] }

    /// Consecutive groups of templates, of the given sizes, from the first template on: the
    /// `requiredMatches` of a check whose findings need a match on each side, such as totals
    /// and parts.
    public static func consecutiveGroups(_ sizes: Int...) -> [Range<Int>] {
        var start = 0
        return sizes.map { size in
            defer { start += size }
            return start..<(start + size)
        }
    }

    /// Whether one of `requiredMatches` matched nowhere in the context's report, so that the
    /// check can find nothing there (never for rules of scope `corpus`).
    public func missesRequiredMatch(_ context: CheckContext) -> Bool {
        context.rule.scope != .corpus && requiredMatches.contains { group in
            !group.isEmpty &&
            group.allSatisfy { $0 >= context.matches.count || context.matches[$0].isEmpty }
        }
    }

    /// Every template under the generic role "template", for a check that names no roles.
    public var describedTemplates: [(role: String, source: String)] {
        templates.map { (role: "template", source: $0.source) }
    }
}

/// What a check produced: its findings, how many comparisons it could decide, and which figures it used.
public struct CheckOutcome: Sendable {
    public var findings: [Finding] = []
    public var checksRun = 0
    public var usedFigures = UsedFigures()
    /// Statements kept for comparing across reports (rules of scope `corpus`).
    public var facts: [CorpusFact] = []

    public init() {}
}

/// What a check needs to know of the rule it judges for: a few fields, cheap to hand over for
/// every document (a whole `Rule`, with its texts and examples, is not).
public struct CheckedRule: Sendable {
    public let id: String
    public let severity: Severity
    public let scope: Scope
    /// The message with `{placeholders}`; nil for the kind's default message.
    public let message: String?

    public init(_ rule: Rule) {
        id = rule.id
        severity = rule.severity
        scope = rule.scope
        message = rule.message
    }
}

/// A document, a rule and the matches of the rule's templates, with helpers to label figures.
public struct CheckContext {
    public let document: Document
    public let rule: CheckedRule
    /// The matches of each template, in the order of `Check.templates`.
    public let matches: [[TemplateMatch]]
    /// The document's sentences as templates see them, when the linter has built them.
    var index: SentenceIndex? = nil
    /// The document's reference list, read once for every citation rule.
    var references: ReferenceList? = nil

    /// The scope unit a match belongs to: the same number means the same sentence, paragraph, section or document.
    public func unit(of match: TemplateMatch) -> Int {
        switch rule.scope {
        case .sentence: return match.sentence
        case .paragraph: return document.sentences[match.sentence].block
        case .section: return document.blocks[document.sentences[match.sentence].block].section
        case .document, .corpus: return 0
        }
    }

    public func figure(_ binding: Binding?) -> (index: Int, figure: Figure)? {
        guard let binding, let index = binding.figure else { return nil }
        return (index, document.figures[index])
    }

    public func label(_ figureIndex: Int, _ message: String) -> Label {
        let bytes = document.figures[figureIndex].bytes
        return Label(span: document.source.span(bytes), message: message, sentence: document.sentence(containing: bytes.lowerBound)?.bytes)
    }

    public func label(_ binding: Binding, _ message: String) -> Label {
        Label(span: document.source.span(binding.bytes), message: message, sentence: document.sentence(containing: binding.bytes.lowerBound)?.bytes)
    }

    public func text(of figureIndex: Int) -> String {
        document.text(document.figures[figureIndex].bytes)
    }

    /// "2 + 6 + 4": the parts of a sum, exact figures as numbers and the others as written.
    public func sumExpression(_ figureIndices: [Int]) -> String {
        SumText.written(figureIndices.map { index in
            let figure = document.figures[index]
            return figure.value.isExact ? Interval.format(figure.stated) : text(of: index)
        })
    }

    /// The rule's message with `{placeholders}` filled from `values`, or `fallback` when the rule has none.
    public func message(_ values: [String: String], fallback: String) -> String {
        guard let template = rule.message else { return fallback }
        return MessageTemplate.render(template, values: values)
    }
}

/// A statement's scope unit and key: statements (and comparisons) are joined only within one,
/// so checks group them by it once rather than pair every one with every other.
struct UnitKey: Hashable {
    var unit: Int
    var key: [String]
}

/// A sum written out for a reader: "4 + 3 + 2". A long one keeps its first terms and its last
/// and says how many there are ("4 + 3 + … + 2 (40000 parts)"), so a message, and every place a
/// summary repeats it, stays a line long however long the list.
public enum SumText {
    /// The most terms written out in full.
    public static let longest = 24

    public static func written(_ terms: [String]) -> String {
        guard terms.count > longest, let last = terms.last else { return terms.joined(separator: " + ") }
        return terms.prefix(longest - 4).joined(separator: " + ") + " + … + \(last) (\(terms.count) parts)"
    }
}

/// Fills `{name}` placeholders in rule messages.
enum MessageTemplate {
    static func render(_ template: String, values: [String: String]) -> String {
        var result = ""
        var name = ""
        var inPlaceholder = false
        for character in template {
            if inPlaceholder {
                if character == "}" {
                    result += values[name] ?? "{\(name)}"
                    inPlaceholder = false
                    name = ""
                } else {
                    name.append(character)
                }
            } else if character == "{" {
                inPlaceholder = true
            } else {
                result.append(character)
            }
        }
        if inPlaceholder { result += "{" + name }
        return result
    }

    /// The placeholder names in a message.
    static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var name = ""
        var inPlaceholder = false
        for character in template {
            if inPlaceholder {
                if character == "}" {
                    names.append(name)
                    inPlaceholder = false
                    name = ""
                } else {
                    name.append(character)
                }
            } else if character == "{" {
                inPlaceholder = true
            }
        }
        return names
    }
}

/// The figures a check compared, by index in `Document.figures`; an index may be listed twice.
/// A list, not a set: the linter counts them once with a bit per figure, without hashing.
public struct UsedFigures: Sendable {
    public private(set) var indices: [Int] = []

    public init() {}

    public mutating func insert(_ index: Int) { indices.append(index) }

    public mutating func formUnion<Indices: Sequence>(_ more: Indices) where Indices.Element == Int {
        indices.append(contentsOf: more)
    }
}
