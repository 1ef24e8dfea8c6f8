import Foundation

/// Reads Markdown tables back, as a Markdown reader does.
public enum MarkdownTable {
    /// The cells of a GitHub-flavoured table row ("| a | b |"): split at unescaped `|`,
    /// backslash escapes undone, spaces around each cell trimmed.
    public static func cells(ofRow row: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in row.dropFirst() {
            if escaped {
                cell.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(character)
            }
        }
        return cells
    }
}
