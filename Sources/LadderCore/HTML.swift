/// Escaping for text and attribute values we put into HTML ourselves, and for every `{{value}}` in templates
/// (see `Theme.compile`): `&`, `<`, `>`, `"` and `'`.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // Most strings need nothing: scan the bytes once and return the same string. Otherwise the runs
        // between special bytes are copied whole (a compare page escapes thousands of criteria).
        var copy = text
        let escaped: String? = copy.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: isSpecial) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var start = 0
            for i in first..<bytes.count where isSpecial(bytes[i]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                switch bytes[i] {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                default: out.append(contentsOf: "&#39;".utf8)
                }
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        // All five are below 0x3F; one comparison rules out most bytes.
        byte <= UInt8(ascii: ">") && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                                      || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
    }

    /// Escaping for XML files (sitemap): same set, which XML accepts.
    public static func escapeXML(_ text: String) -> String { escape(text) }
}
