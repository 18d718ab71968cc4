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

    /// Calls `body` with each term of `text` in order, without collecting them.
    static func forEachTerm(_ text: String, _ body: (String) -> Void) {
        forEachTermBytes(text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of each term of `text` in order, gathered in one reused buffer
    /// (valid only during the call): the index counts terms by their bytes and makes a String only of a
    /// term it has not seen before.
    static func forEachTermBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            var current: [UInt8] = []
            current.reserveCapacity(32)
            func flush() {
                if !current.isEmpty { current.withUnsafeBufferPointer(body) }
                current.removeAll(keepingCapacity: true)
            }
            var i = 0
            while i < utf8.count {
                let v = utf8[i]
                if v < 0x80 {
                    // Fast path: most ladder text is ASCII, read byte by byte.
                    if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                        current.append(v)
                    } else if v >= 0x41 && v <= 0x5A {
                        current.append(v + 0x20)
                    } else {
                        flush()
                    }
                    i += 1
                    continue
                }
                // A multi-byte scalar (the text is valid UTF-8: a String's bytes).
                let length = v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : 2
                var value = UInt32(v) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length where i + k < utf8.count { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
                i += length
                guard let scalar = Unicode.Scalar(value) else { flush(); continue }
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
    }

    /// Term order used for shard ranges: UTF-16 code units, which is how JavaScript compares strings.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
