/// Escaping for text and attribute values we put into HTML ourselves, and for every `{{value}}` in templates
/// (see `Theme.compile`): `&`, `<`, `>`, `"` and `'`.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // Most strings need nothing: scan the bytes once and return the same string.
        let utf8 = text.utf8
        let needs = utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(where: isSpecial) }
            ?? utf8.contains(where: isSpecial)
        guard needs else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        // All five are below 0x3F; one comparison rules out most bytes.
        byte <= UInt8(ascii: ">") && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                                      || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
    }

    /// Escaping for XML files (sitemap): same set, which XML accepts.
    public static func escapeXML(_ text: String) -> String { escape(text) }
}
