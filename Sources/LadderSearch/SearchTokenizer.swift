import LadderCore
import LadderModel
import LadderMarkdown

/// Splits text into search terms. `templates/assets/search-core.js` does the same in the browser
/// (`normalize` and `tokenize` there); the two must agree or queries miss terms the index has.
///
/// A term is a run of letters and digits, lowercased, with accents removed ("Café" → "cafe"), so
/// that readers need not type accents. Everything else separates terms ("don't" → "don", "t").
package enum SearchTokenizer {
    static func terms(_ text: String) -> [String] {
        var out: [String] = []
        forEachTerm(text) { out.append($0) }
        return out
    }

    /// Calls `body` with each term of `text` in order, without collecting them (the index only counts).
    /// A term is gathered as UTF-8 bytes in one reused buffer: most terms are short ASCII words, which
    /// become small strings without an allocation.
    static func forEachTerm(_ text: String, _ body: (String) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            if !current.isEmpty { body(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // Fast path: most ladder text is ASCII.
                let v = UInt8(scalar.value)
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    current.append(v)
                } else if v >= 0x41 && v <= 0x5A {
                    current.append(v + 0x20)
                } else {
                    flush()
                }
                continue
            }
            // Compatibility decomposition, then drop combining marks: "é" → "e", "ﬁ" → "fi".
            for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
                let properties = part.properties
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    continue
                default:
                    if properties.isAlphabetic || properties.numericType != nil {
                        current.append(contentsOf: properties.lowercaseMapping.utf8)
                    } else {
                        flush()
                    }
                }
            }
        }
        flush()
    }

    /// Term order used for shard ranges: UTF-16 code units, which is how JavaScript compares strings.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
