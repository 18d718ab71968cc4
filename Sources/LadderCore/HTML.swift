/// Escaping for text and attribute values we put into HTML ourselves, and for every `{{value}}` in templates
/// (see `Theme.compile`): `&`, `<`, `>`, `"` and `'`.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // Most strings need nothing: scan the bytes once and return the same string. Otherwise the runs
        // between special bytes are copied whole (a compare page escapes thousands of criteria).
        var copy = text
        let escaped: String? = copy.withUTF8 { bytes in
            guard firstSpecial(bytes) != nil else { return nil }
            var out = HTMLBytes(capacity: bytes.count + 16)
            out.escape(bytes)
            return out.string
        }
        return escaped ?? text
    }

    /// Where the first of the five is. Every `{{value}}` of every page is scanned, so eight bytes are
    /// tested at a time while none of them is one of the five; the byte loop then finds which.
    static func firstSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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

    static func isSpecial(_ byte: UInt8) -> Bool {
        // All five are below 0x3F; one comparison rules out most bytes.
        byte <= UInt8(ascii: ">") && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                                      || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
    }

    /// Escaping for XML files (sitemap): same set, which XML accepts.
    public static func escapeXML(_ text: String) -> String { escape(text) }
}

/// HTML built as bytes: markup appended as it is, text escaped on the way in, one String made at the
/// end. A compare page's lists are thousands of small pieces; appending each to a String cost more
/// than the bytes themselves.
public struct HTMLBytes {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup, as it is.
    public mutating func markup(_ piece: StaticString) {
        piece.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup or text escaped already, as it is.
    public mutating func markup(_ piece: String) {
        // Read in place (no copy of the String to call `withUTF8` on): a compare page appends thousands.
        if piece.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: piece.utf8)
        }
    }

    /// Text, escaped as `HTML.escape` escapes it.
    public mutating func text(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ escape($0) }) == nil {
            let copy = Array(text.utf8)
            copy.withUnsafeBufferPointer { escape($0) }
        }
    }

    /// `source` escaped: the one copy of the rule, which `HTML.escape` uses too.
    mutating func escape(_ source: UnsafeBufferPointer<UInt8>) {
        guard let first = HTML.firstSpecial(source) else {
            bytes.append(contentsOf: source)
            return
        }
        var start = 0
        for i in first..<source.count where HTML.isSpecial(source[i]) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<i]))
            switch source[i] {
            case UInt8(ascii: "&"): markup("&amp;")
            case UInt8(ascii: "<"): markup("&lt;")
            case UInt8(ascii: ">"): markup("&gt;")
            case UInt8(ascii: "\""): markup("&quot;")
            default: markup("&#39;")
            }
            start = i + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
