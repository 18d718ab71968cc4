import Foundation

/// The words two criteria are compared by: lowercased, stemmed a little, stop words aside.
///
/// "Removes whole classes of bugs" and "removed the class of bug" share `remov`, `class` and `bug`. The
/// stemming is deliberately small (plurals, possessives, -ing, -ed, a final e): it only has to make two
/// wordings of one expectation meet, never to be right about English.
public enum Terms {
    /// The terms of `text`, in order, repeats kept: letters and digits of each word, split at anything
    /// else (hyphens and apostrophes included, a possessive `'s` dropped), lowercased and stemmed.
    /// Stop words are left out unless the text has nothing else.
    public static func of(_ text: String) -> [String] {
        split(text).content
    }

    /// Every word of `text` stemmed (`all`), and the same without stop words (`content`, or `all` when
    /// the text has nothing else).
    public static func split(_ text: String) -> (all: [String], content: [String]) {
        // Most criteria are ASCII: read as bytes, the same words come out at a fraction of the cost of
        // asking each scalar for its Unicode properties (a 10,000-level site compares millions of words).
        if let ascii = splitASCII(text) { return ascii }
        return splitScalars(text)
    }

    /// `split` for ASCII text, byte by byte: letters and digits are `A-Z`, `a-z` and `0-9` there, as
    /// their Unicode properties say; nil when the text has a byte outside ASCII.
    static func splitASCII(_ text: String) -> (all: [String], content: [String])? {
        var all: [String] = []
        var content: [String] = []
        let ascii = forEachASCIIWord(text) { buffer in
            let word = Array(buffer)
            let w = String(decoding: word, as: UTF8.self)
            let stemmed = stemASCII(word).map { String(decoding: $0, as: UTF8.self) } ?? w
            all.append(stemmed)
            if !stopWords.contains(w) && !stopWords.contains(stemmed) { content.append(stemmed) }
        }
        return ascii ? (all, content.isEmpty ? all : content) : nil
    }

    /// `split`'s terms as hashes (`hash`): what criteria are compared by, with no String made per word.
    /// Two terms are the same term when their hashes are (64 bits: a collision among a level's words is
    /// not worth a thought, and would only make two criteria look a little more alike).
    public static func hashes(_ text: String) -> (all: [UInt64], content: [UInt64]) {
        var all: [UInt64] = []
        var content: [UInt64] = []
        all.reserveCapacity(16)
        content.reserveCapacity(16)
        let stops = StopWordTable.shared
        let ascii = forEachASCIIWord(text) { word in
            let stemmed = stemmedHash(word)
            all.append(stemmed)
            if !stops.contains(hash(word)) && !stops.contains(stemmed) { content.append(stemmed) }
        }
        if ascii { return (all, content.isEmpty ? all : content) }
        let terms = splitScalars(text)
        return (terms.all.map { hash(Array($0.utf8)) }, terms.content.map { hash(Array($0.utf8)) })
    }

    /// FNV-1a over a term's UTF-8: the same on every run and every machine.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    static let stopWordHashes = Set(stopWords.map { hash(Array($0.utf8)) })

    /// The stop words' hashes in an open-addressed table indexed by the hash's low bits: every word of
    /// every criterion is looked up twice, and a `Set` hashed each hash again.
    struct StopWordTable: Sendable {
        static let shared = StopWordTable(stopWordHashes)
        private let slots: [UInt64]
        private let mask: Int

        init(_ hashes: Set<UInt64>) {
            var size = 16
            while size < 4 * hashes.count { size *= 2 }
            mask = size - 1
            // 0 marks an empty slot: no FNV-1a hash of a stop word is 0.
            var slots = [UInt64](repeating: 0, count: size)
            for h in hashes.sorted() {
                var k = Int(truncatingIfNeeded: h) & mask
                while slots[k] != 0 { k = (k + 1) & mask }
                slots[k] = h
            }
            self.slots = slots
        }

        @inline(__always) func contains(_ h: UInt64) -> Bool {
            slots.withUnsafeBufferPointer { slots in
                var k = Int(truncatingIfNeeded: h) & mask
                while true {
                    let slot = slots[k]
                    if slot == h { return true }
                    if slot == 0 { return false }
                    k = (k + 1) & mask
                }
            }
        }
    }

    /// `hash(stemASCII(word) ?? word)`, with no stemmed copy made: every rule of `stemASCII` but the
    /// first keeps a start of the word, and the first ("ies" → "y") leaves nothing for the others.
    /// Every word of every criterion of a site goes through it.
    static func stemmedHash(_ word: [UInt8]) -> UInt64 {
        word.withUnsafeBufferPointer { stemmedHash($0) }
    }

    static func stemmedHash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var n = word.count
        guard n > 3 else { return hash(word) }
        // Whether the word's first `n` bytes end with `suffix`. `n` is an argument, not captured: a
        // captured variable the function changes is checked for exclusive access at every read.
        @inline(__always) func ends(_ n: Int, _ suffix: StaticString) -> Bool {
            let k = suffix.utf8CodeUnitCount
            guard n > k else { return false }
            let s = suffix.utf8Start
            var i = 0
            while i < k { if word[n - k + i] != s[i] { return false }; i += 1 }
            return true
        }
        if ends(n, "ies") && n > 5 {
            return (hash(UnsafeBufferPointer(rebasing: word[..<(n - 3)])) ^ 0x79) &* 0x0000_0100_0000_01B3
        } else if ends(n, "sses") {
            n -= 2
        } else if ends(n, "s") && !ends(n, "ss") && !ends(n, "us") && !ends(n, "is") {
            n -= 1
        }
        if ends(n, "ing") && n > 6 {
            n -= 3
        } else if ends(n, "ed") && n > 5 {
            n -= 2
        }
        if ends(n, "e") && n > 4 { n -= 1 }
        return hash(UnsafeBufferPointer(rebasing: word[..<n]))
    }

    /// Each word of ASCII `text` in turn (lowercased; a possessive's `s` dropped, hyphens and apostrophes
    /// splitting words); false, part way, when the text has a byte outside ASCII. The word is lent in a
    /// buffer reused for the next one (no array per word: every word of every criterion passes here).
    static func forEachASCIIWord(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            // A word is never longer than its text.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { word -> Bool in
                // No nested `flush()`: a variable a nested function changes is checked for exclusive
                // access at every use, and `length` is used at every byte.
                var length = 0
                var previousApostrophe = false
                for b in bytes {
                    if b >= 0x80 { return false }
                    let upper = b >= 0x41 && b <= 0x5A
                    if upper || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                        if previousApostrophe && (b == 0x73 || b == 0x53) && length > 0 {
                            previousApostrophe = false
                            continue
                        }
                        if previousApostrophe && length > 0 {
                            body(UnsafeBufferPointer(rebasing: word[..<length]))
                            length = 0
                        }
                        previousApostrophe = false
                        word[length] = upper ? b | 0x20 : b
                        length += 1
                    } else {
                        previousApostrophe = b == 0x27 && length > 0
                        if !previousApostrophe && length > 0 {
                            body(UnsafeBufferPointer(rebasing: word[..<length]))
                            length = 0
                        }
                    }
                }
                if length > 0 { body(UnsafeBufferPointer(rebasing: word[..<length])) }
                return true
            }
        }
    }

    /// `stem` on the bytes of an ASCII word; nil when it is left as it is.
    static func stemASCII(_ word: [UInt8]) -> [UInt8]? {
        guard word.count > 3 else { return nil }
        var w = word
        func ends(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard w.count > n else { return false }
            return suffix.withUTF8Buffer { s in
                var i = 0
                while i < n { if w[w.count - n + i] != s[i] { return false }; i += 1 }
                return true
            }
        }
        if ends("ies") && w.count > 5 {
            w.removeLast(3); w.append(0x79)
        } else if ends("sses") {
            w.removeLast(2)
        } else if ends("s") && !ends("ss") && !ends("us") && !ends("is") {
            w.removeLast()
        }
        if ends("ing") && w.count > 6 {
            w.removeLast(3)
        } else if ends("ed") && w.count > 5 {
            w.removeLast(2)
        }
        if ends("e") && w.count > 4 { w.removeLast() }
        return w == word ? nil : w
    }

    /// `split` by Unicode scalars, for text outside ASCII.
    static func splitScalars(_ text: String) -> (all: [String], content: [String]) {
        var all: [String] = []
        var content: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            let w = String(word)
            word.removeAll(keepingCapacity: true)
            let stemmed = stem(w)
            all.append(stemmed)
            if !stopWords.contains(w) && !stopWords.contains(stemmed) { content.append(stemmed) }
        }
        var previousApostrophe = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                // The `s` of a possessive (`team's`, `team’s`) is dropped with its apostrophe.
                if previousApostrophe && (scalar == "s" || scalar == "S") && !word.isEmpty {
                    previousApostrophe = false
                    continue
                }
                if previousApostrophe { flush() }
                previousApostrophe = false
                for lower in String(scalar).lowercased().unicodeScalars { word.append(lower) }
            } else {
                previousApostrophe = (scalar == "'" || scalar == "\u{2019}") && !word.isEmpty
                if !previousApostrophe { flush() }
            }
        }
        flush()
        return (all, content.isEmpty ? all : content)
    }

    /// A small suffix stripper: `services`/`service` → `servic`, `removed`/`removes` → `remov`,
    /// `leading` → `lead`, `bugs` → `bug`, `categories` → `category`… Words of three letters or fewer,
    /// and words with letters outside ASCII, are left alone.
    public static func stem(_ word: String) -> String {
        guard word.utf8.count > 3, word.utf8.allSatisfy({ $0 < 0x80 }) else { return word }
        // One copy of the rules: the byte stemmer's (an ASCII word's scalars are its bytes).
        return stemASCII(Array(word.utf8)).map { String(decoding: $0, as: UTF8.self) } ?? word
    }

    /// Words that carry little of what a criterion asks for.
    public static let stopWords: Set<String> = [
        "a", "about", "across", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "being", "both",
        "but", "by", "can", "could", "do", "does", "each", "either", "etc", "even", "every", "for", "from", "had",
        "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "more",
        "most", "much", "must", "neither", "no", "nor", "not", "of", "on", "one", "only", "or", "other", "others",
        "our", "out", "over", "own", "per", "same", "she", "should", "so", "some", "such", "than", "that", "the",
        "their", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which",
        "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "you", "your",
    ]
}
