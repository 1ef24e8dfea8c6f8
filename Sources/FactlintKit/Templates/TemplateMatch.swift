import FactlintFigures

/// What a slot captured: a figure, or words.
public struct Binding: Sendable, Hashable {
    public var bytes: Range<Int>
    /// The figure, as an index into `Document.figures`, when the slot captures one.
    public var figure: Int?
    /// The text as written.
    public var text: String
    /// The text normalised for comparison: lowercase, quotes dropped, spaces collapsed.
    public var key: String
}

/// One place where a template matched a sentence.
public struct TemplateMatch: Sendable {
    public var sentence: Int
    public var bytes: Range<Int>
    public var bindings: [String: Binding]

    public subscript(slot: String) -> Binding? { bindings[slot] }
}
