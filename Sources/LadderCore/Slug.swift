/// GitHub-style heading slugs: lowercase, keep letters, digits, `-` and `_`, spaces become `-`.
public enum Slug {
    /// A slug for an id that reaches URLs (competencies): like `make`, without the dashes an emoji or a
    /// symbol at either end leaves (`🤝 Collaboration` → `collaboration`, where an anchor is `-collaboration`).
    public static func id(_ text: String) -> String {
        let slug = make(text)
        guard slug.hasPrefix("-") || slug.hasSuffix("-") else { return slug }
        return String(slug.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
    }

    public static func make(_ text: String) -> String {
        // ASCII text (nearly every heading and id) needs no Unicode properties: same result, much faster.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "_"): bytes.append(byte)
                case UInt8(ascii: " "), UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "-"))
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" {
                out.append(ch)
            } else if ch == " " || ch == "\t" {
                out.append("-")
            }
        }
        return out
    }
}

/// Hands out unique anchors within one page: the second "Impact" becomes `impact-1`, as on GitHub.
public struct AnchorAllocator {
    private(set) var used: Set<String> = []
    /// For each base, the suffix to try next: every smaller one is taken already (`used` only grows), so a
    /// page of 100,000 headings named alike costs linear time, not quadratic.
    private var nextSuffix: [String: Int] = [:]

    public init(reserved: Set<String> = []) { used = reserved }

    public mutating func allocate(_ text: String) -> String {
        var base = Slug.make(text)
        if base.isEmpty { base = "section" }
        var candidate = base
        var n = nextSuffix[base] ?? 1
        if n > 1 { candidate = "\(base)-\(n - 1)" }
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        nextSuffix[base] = n
        used.insert(candidate)
        return candidate
    }
}
