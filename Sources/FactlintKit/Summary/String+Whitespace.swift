extension String {
    /// Runs of whitespace, line breaks included, as one space, so a figure written across a
    /// line break reads as one phrase.
    func collapsingWhitespace() -> String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
