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

    /// Calls `body` with each term of `text` in order, as a String (the terms above; the index takes bytes).
    static func forEachTerm(_ text: String, _ body: (String) -> Void) {
        struct Strings: SearchTermSink {
            var body: (String) -> Void
            mutating func take(_ term: UnsafeBufferPointer<UInt8>) { body(String(decoding: term, as: UTF8.self)) }
        }
        withoutActuallyEscaping(body) { body in
            var text = text
            var scratch: [UInt8] = []
            var sink = Strings(body: body)
            text.withUTF8 { forEachTerm(utf8: $0, scratch: &scratch, into: &sink) }
        }
    }

    /// Hands `sink` each term of the UTF-8 text `text` in order, as its UTF-8 bytes (valid only during
    /// the call), without making a String of it: the index counts millions of words and only needs a
    /// String of each distinct one. Terms are gathered in `scratch`, which a caller reuses from piece
    /// to piece of a document. The text's bytes are read one by one, and a non-ASCII character decoded
    /// only when met: most ladder text is ASCII. (A sink rather than a closure: a closure that counts
    /// into captured variables had them boxed and checked for exclusive access at every word.)
    static func forEachTerm<Sink: SearchTermSink>(utf8 text: UnsafeBufferPointer<UInt8>, scratch current: inout [UInt8],
                                                  into sink: inout Sink) {
        current.removeAll(keepingCapacity: true)
        if current.capacity < 32 { current.reserveCapacity(32) }
        // A term of lowercase ASCII letters and digits only, the most common, is handed out as a slice of
        // the text: while `run` is set the term so far is `text[run..<i]` and `current` is empty. An
        // uppercase or non-ASCII letter copies it into `current`, where the rest is gathered.
        var run = -1
        var i = 0
        func flush() {
            if run >= 0 {
                sink.take(UnsafeBufferPointer(rebasing: text[run..<i]))
                run = -1
            } else if !current.isEmpty {
                current.withUnsafeBufferPointer { sink.take($0) }
                current.removeAll(keepingCapacity: true)
            }
        }
        func copyRun() {
            if run >= 0 {
                current.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<i]))
                run = -1
            }
        }
        let end = text.count
        while i < end {
            let v = text[i]
            if v < 0x80 {
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    if run < 0 {
                        if current.isEmpty { run = i } else { current.append(v) }
                    }
                } else if v >= 0x41 && v <= 0x5A {
                    copyRun()
                    current.append(v + 0x20)
                } else {
                    flush()
                }
                i += 1
                continue
            }
            copyRun()
            // A multi-byte character (the bytes are a String's, so well formed).
            let length = v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : 2
            guard i + length <= end else { break }
            var value = UInt32(v) & (v >= 0xF0 ? 0x07 : v >= 0xE0 ? 0x0F : 0x1F)
            for k in 1..<length { value = value << 6 | UInt32(text[i + k] & 0x3F) }
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

    /// Term order used for shard ranges: UTF-16 code units, which is how JavaScript compares strings.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}

/// Where `SearchTokenizer` hands the terms it finds, as UTF-8 bytes.
protocol SearchTermSink {
    mutating func take(_ term: UnsafeBufferPointer<UInt8>)
}
