import FactlintFigures

/// What a slot captured: a figure, or words.
public struct Binding: Sendable, Hashable {
    public var bytes: Range<Int>
    /// The figure, as an index into `Document.figures`, when the slot captures one.
    public var figure: Int?
    /// The text as written.
    public var text: String

    /// The text normalised for comparison: lowercase, quotes dropped, spaces collapsed.
    public var key: String { TemplateMatcher.key(for: text) }
}

/// One place where a template matched a sentence.
public struct TemplateMatch: Sendable {
    public var sentence: Int
    public var bytes: Range<Int>
    /// The sentence's items the match spans, counted from the sentence's first item (as
    /// `SentenceIndex` and `ListReader` number them).
    let items: Range<Int>
    /// The template's slot names, in order (shared by every match of the template).
    let names: [String]
    /// What each slot captured, in the order of `names`; nil for a slot that captured nothing.
    let captures: [Binding?]

    init(sentence: Int, bytes: Range<Int>, items: Range<Int>, names: [String], captures: [Binding?]) {
        self.sentence = sentence
        self.bytes = bytes
        self.items = items
        self.names = names
        self.captures = captures
    }

    /// What a slot captured; nil when the template has no such slot or it captured nothing.
    public subscript(slot: String) -> Binding? {
        guard let index = names.firstIndex(of: slot) else { return nil }
        return captures[index]
    }

    /// Every slot that captured something, by name.
    public var bindings: [String: Binding] {
        var bindings: [String: Binding] = [:]
        for (name, capture) in zip(names, captures) {
            if let capture { bindings[name] = capture }
        }
        return bindings
    }
}

extension TemplateMatch {
    /// The matches of several templates, one list per template, in reading order (by where they
    /// begin; template order among those that begin together). One template's matches come in
    /// reading order already, so a single list is returned as it is, unsorted.
    static func inReadingOrder<Lists: Collection>(_ lists: Lists) -> [TemplateMatch] where Lists.Element == [TemplateMatch] {
        if lists.count == 1, let only = lists.first { return only }
        return lists.joined().sorted { $0.bytes.lowerBound < $1.bytes.lowerBound }
    }
}
