/// Prose with position markers (1️⃣, 2️⃣, …) where findings or figures must land.
///
/// The markers are removed; `offsets` maps each marker to the byte offset it stood at in the clean text.
public struct MarkedText {
    public let text: String
    public let offsets: [String: Int]

    public static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public init(_ marked: String) {
        var clean = ""
        var offsets: [String: Int] = [:]
        var rest = Substring(marked)
        while !rest.isEmpty {
            if let marker = MarkedText.markers.first(where: { rest.hasPrefix($0) }) {
                offsets[marker] = clean.utf8.count
                rest = rest.dropFirst(marker.count)
            } else {
                clean.append(rest.removeFirst())
            }
        }
        text = clean
        self.offsets = offsets
    }

    public subscript(marker: String) -> Int? { offsets[marker] }
}
