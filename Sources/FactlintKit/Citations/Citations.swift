import FactlintFigures

/// What a report cites and where: its reference list and the inline markers that point into it.
///
/// Built from a document when a citation rule runs; the reference list is read once, and a
/// sentence's markers are read only when a claim in it is looked at.
public struct Citations: Sendable {
    public let document: Document
    public let references: ReferenceList

    /// Reads a document's reference list.
    ///
    /// - Complexity: O(size of the reference list), see `ReferenceList.init(document:)`.
    public init(document: Document, references: ReferenceList? = nil) {
        self.document = document
        self.references = references ?? ReferenceList(document: document)
    }

    /// The marker groups of a sentence (by index in `Document.sentences`), in text order.
    public func groups(inSentence index: Int) -> [CitationGroup] {
        CitationMarkers.groups(in: document.sentences[index].tokens, of: document)
    }

    /// Whether a sentence is part of the reference list rather than the report's text.
    public func isInReferenceList(sentence index: Int) -> Bool {
        references.contains(block: document.sentences[index].block)
    }

    /// The markers that cite the source of the words in `bytes` of a sentence: the first group
    /// after them in the sentence, when nothing but a few words of the same clause stands
    /// between ("…ratified the Protocol.[2]", "…in July 2008 [1][2]"). Markers after a comma,
    /// a semicolon, a dash or an opening parenthesis may cite another clause, and are not taken.
    public func group(citing bytes: Range<Int>, inSentence index: Int) -> CitationGroup? {
        guard let group = groups(inSentence: index).first(where: { $0.bytes.lowerBound >= bytes.upperBound }) else { return nil }
        var words = 0
        for tokenIndex in document.sentences[index].tokens where tokenIndex < group.tokens.lowerBound {
            let token = document.tokens[tokenIndex]
            guard token.start >= bytes.upperBound else { continue }
            switch token.kind {
            case .word, .number:
                words += 1
                if words > 4 { return nil }
            case .punctuation:
                if Citations.clauseBreaks.contains(document.text(token.bytes)) { return nil }
            }
        }
        return group
    }

    static let clauseBreaks: Set<String> = [",", ";", ":", "(", ")", "—", "–", "-"]
}
