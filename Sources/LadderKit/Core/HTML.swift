/// Escaping for text and attribute values we put into HTML ourselves (templates escape on their own).
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Escaping for XML files (sitemap): same set, which XML accepts.
    public static func escapeXML(_ text: String) -> String { escape(text) }
}
