/// Escaping for text and attribute values we put into HTML ourselves, and for every `{{value}}` in templates
/// (see `Theme.compile`): `&`, `<`, `>`, `"` and `'`.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // Most strings need nothing: scan the bytes once and return the same string. Otherwise the runs
        // between special bytes are copied whole (a compare page escapes thousands of criteria).
        var copy = text
        let escaped: String? = copy.withUTF8 { bytes in
            guard let first = firstSpecial(bytes) else { return nil }
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

    /// Where the first of the five is. Every `{{value}}` of every page is scanned, so eight bytes are
    /// tested at a time while none of them is one of the five; the byte loop then finds which.
    private static func firstSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var at = 0
        if let base = bytes.baseAddress {
            while at + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
                if hasSpecialByte(word) { break }
                at += 8
            }
        }
        while at < bytes.count {
            if isSpecial(bytes[at]) { return at }
            at += 1
        }
        return nil
    }

    /// Whether one of the eight bytes of `word` is one of the five: `word ^ repeated(c)` has a zero byte
    /// exactly where a byte is `c`, and `(x - 0x01…01) & ~x & 0x80…80` is non-zero exactly when `x` has one.
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "&")))) || hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "<"))))
            || hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: ">")))) || hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
            || hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "'"))))
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        // All five are below 0x3F; one comparison rules out most bytes.
        byte <= UInt8(ascii: ">") && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                                      || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
    }

    /// Escaping for XML files (sitemap): same set, which XML accepts.
    public static func escapeXML(_ text: String) -> String { escape(text) }
}
