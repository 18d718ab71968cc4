/// GitHub-style heading slugs: lowercase, keep letters, digits, `-` and `_`, spaces become `-`.
public enum Slug {
    public static func make(_ text: String) -> String {
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

    public init(reserved: Set<String> = []) { used = reserved }

    public mutating func allocate(_ text: String) -> String {
        var base = Slug.make(text)
        if base.isEmpty { base = "section" }
        var candidate = base
        var n = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
