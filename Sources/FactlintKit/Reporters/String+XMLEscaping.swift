extension String {
    /// The text escaped for an XML attribute value in double quotes or for character data.
    ///
    /// `&`, `<`, `>`, `"` and `'` become entities; characters XML 1.0 forbids (other control
    /// characters, U+FFFE, U+FFFF) become "�", so report text cannot break the document.
    ///
    /// - Parameter keepingLineBreaks: whether tabs and line feeds stay as they are, as they may
    ///   in character data; otherwise they become character references, which an attribute
    ///   needs to keep them. A carriage return always becomes a reference.
    func escapedForXML(keepingLineBreaks: Bool = false) -> String {
        var output = ""
        output.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t": output += keepingLineBreaks ? "\t" : "&#9;"
            case "\n": output += keepingLineBreaks ? "\n" : "&#10;"
            case "\r": output += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
