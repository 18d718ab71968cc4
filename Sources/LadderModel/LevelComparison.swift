import LadderCore
import LadderLoad
import LadderMarkdown

/// What changes between two levels of a track, competency by competency (DESIGN §4, compare pages).
///
/// Expectations are compared item by item (list items, or sentences of prose): an item of the higher
/// level that the lower level does not have, after normalising case, punctuation and spacing, is new.
public struct LevelComparison: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var text: String
        public var isNew: Bool
    }

    public struct Row: Sendable, Equatable {
        public var competency: Competency
        public var lowerAnchor: String?
        public var higherAnchor: String?
        public var lower: [Item]
        public var higher: [Item]
    }

    public var rows: [Row]

    /// One level's section for one competency: its anchor and items, with the items' comparison keys
    /// worked out once (a level takes part in up to 14 comparisons).
    public struct Section: Sendable {
        public var anchor: String
        public var items: [String]
        var keys: Set<Int>
        var itemKeys: [Int]

        public init(anchor: String, items: [String]) {
            self.anchor = anchor
            self.items = items
            itemKeys = items.map(LevelComparison.key)
            keys = Set(itemKeys)
        }
    }

    /// `lower` and `higher` map a competency id to that level's section.
    public init(competencies: [Competency], lower: [String: Section], higher: [String: Section]) {
        rows = competencies.compactMap { competency in
            let a = lower[competency.id], b = higher[competency.id]
            if a == nil && b == nil { return nil }
            let lowerKeys = a?.keys ?? []
            return Row(competency: competency, lowerAnchor: a?.anchor, higherAnchor: b?.anchor,
                       lower: (a?.items ?? []).map { Item(text: $0, isNew: false) },
                       higher: zip(b?.items ?? [], b?.itemKeys ?? []).map { Item(text: $0, isNew: !lowerKeys.contains($1)) })
        }
    }

    /// What two items are compared by: a hash of the text normalised (equal normalised texts, equal keys).
    static func key(_ text: String) -> Int {
        var hasher = Hasher()
        hasher.combine(normalise(text))
        return hasher.finalize()
    }

    /// Lowercase letters and digits separated by single spaces. Works on scalars with an ASCII fast
    /// path: this runs for every item of every pair of levels.
    static func normalise(_ text: String) -> String {
        // ASCII text (most criteria) by bytes: the same result without a scalar view, which was a sixth of
        // reading a level's criteria.
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ asciiNormalise($0) }), let ascii { return ascii }
        return scalarNormalise(text)
    }

    /// `scalarNormalise` for ASCII bytes; nil when there is a byte above 0x7F.
    static func asciiNormalise(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        for var byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                if space && !out.isEmpty { out.append(0x20) }
                out.append(byte)
                space = false
            } else {
                space = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Letters and digits kept, lowercased; every run of anything else one space between them.
    static func scalarNormalise(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            var c = scalar
            let keep: Bool
            if c.isASCII {
                if c >= "A" && c <= "Z" { c = Unicode.Scalar(c.value + 32)! }
                keep = (c >= "a" && c <= "z") || (c >= "0" && c <= "9")
            } else {
                keep = c.properties.isAlphabetic || c.properties.numericType != nil
            }
            if keep {
                if space && !out.isEmpty { out.append(" ") }
                out.append(c)
                space = false
            } else {
                space = true
            }
        }
        return String(out)
    }

    /// Splits prose into sentences, for sections written as paragraphs rather than lists.
    public static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            current.append(ch)
            let atEnd = i + 1 == chars.count || chars[i + 1] == " "
            if (ch == "." || ch == "!" || ch == "?") && atEnd {
                let s = current.trimmingCharacters(in: " ")
                if !s.isEmpty { out.append(s) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: " ")
        if !rest.isEmpty { out.append(rest) }
        return out
    }
}
