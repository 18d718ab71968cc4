/// A run of words two texts share, or that one of them has and the other not.
public struct WordRun: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case same, removed, added }
    public var kind: Kind
    /// The words, joined by single spaces (punctuation stays with its word).
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Words added and removed between two wordings of one text.
///
/// The texts are split at white space, each word keeping its punctuation ("teams." is one word), and
/// compared exactly by a longest common subsequence of words. The result reads as runs: every change
/// between two shared stretches is one removed run then one added run, and a shared stretch of one or
/// two words squeezed between larger changes is folded into them, so a rewritten clause shows as one
/// struck phrase and one inserted phrase rather than alternating single words.
public enum WordDiff {
    /// Above this many cells (words of one side × words of the other, after the shared start and end
    /// are set aside) the subsequence is not computed cell by cell: words found once in each side anchor
    /// the texts and the pieces between them are compared instead.
    public static let tableLimit = 250_000
    /// Above this many words in all, only the shared start and end are found; the middle is one removed
    /// and one added run. Nothing a ladder holds comes near it.
    public static let wordLimit = 200_000

    /// The words of `text`, split at white space.
    public static func words(_ text: String) -> [Substring] {
        words(text, isASCII: text.utf8.allSatisfy { $0 < 0x80 })
    }

    static func words(_ text: String, isASCII: Bool) -> [Substring] {
        // ASCII text splits at its white space bytes (tab to carriage return, space), which are all the
        // white space it can hold, without asking each Character.
        if isASCII {
            return text.utf8.split(whereSeparator: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }).map { Substring($0) }
        }
        return text.split(whereSeparator: { $0.isWhitespace })
    }

    /// The runs that turn `old` into `new`: `same` runs are in both, `removed` only in `old`, `added`
    /// only in `new`. Joining the `same` and `added` runs gives `new`'s words; `same` and `removed`, `old`'s.
    public static func runs(from old: String, to new: String) -> [WordRun] {
        runs(from: Words(old), to: Words(new))
    }

    /// The same, for texts split already: a level's criteria are diffed against those of every other
    /// level of its track, and split once (`Alignment.Text`).
    public static func runs(from old: Words, to new: Words) -> [WordRun] {
        let ops = operations(old, new)
        // ASCII words are equal only when their bytes are, so a shared word is the same text on either
        // side and runs can be cut from the texts' word ranges.
        return old.isASCII && new.isASCII ? mergeRanges(ops, old.words, new.words) : merge(ops, old.words, new.words)
    }

    /// A text's words (`words(_:)`), with what comparing them needs, worked out once.
    public struct Words: Sendable {
        public let words: [Substring]
        /// Each word's hash: cells of two texts both ASCII or both not compare these first (equal words
        /// have equal hashes), and only words with equal hashes are compared themselves. FNV-1a of the
        /// bytes for ASCII text, `hashValue` (canonically equal words alike) for other text.
        let hashes: [Int]
        /// Whether the text is ASCII (its words then equal only when their bytes are).
        let isASCII: Bool

        public init(_ text: String) {
            var bytesOf = text
            // ASCII text (most criteria) in one pass over its bytes: the words as ranges of it, each with
            // an FNV-1a hash of its bytes (ASCII words are equal only when their bytes are). Other text
            // by Characters, hashed as Swift hashes strings (canonically equal words hash alike).
            let ascii: (words: [Substring], hashes: [Int])? = bytesOf.withUTF8 { bytes in
                var words: [Substring] = [], hashes: [Int] = []
                // Room for a word every five bytes, about what criteria have, so most never grow.
                words.reserveCapacity(bytes.count / 5 + 2)
                hashes.reserveCapacity(bytes.count / 5 + 2)
                var start = -1
                var h: UInt64 = 0
                for (k, byte) in bytes.enumerated() {
                    if byte >= 0x80 { return nil }
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        if start >= 0 {
                            words.append(Self.substring(text, start, k))
                            hashes.append(Int(truncatingIfNeeded: h))
                            start = -1
                        }
                    } else {
                        if start < 0 { start = k; h = 0xcbf2_9ce4_8422_2325 }
                        h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                    }
                }
                if start >= 0 {
                    words.append(Self.substring(text, start, bytes.count))
                    hashes.append(Int(truncatingIfNeeded: h))
                }
                return (words, hashes)
            }
            if let ascii {
                isASCII = true
                words = ascii.words
                hashes = ascii.hashes
            } else {
                isASCII = false
                words = WordDiff.words(text, isASCII: false)
                hashes = words.map(\.hashValue)
            }
        }

        /// The bytes `start..<end` of `text` as a Substring of it.
        private static func substring(_ text: String, _ start: Int, _ end: Int) -> Substring {
            let utf8 = text.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: start), to = utf8.index(utf8.startIndex, offsetBy: end)
            // Through the UTF-8 view: the String's own subscript rounds each index to a scalar first.
            return Substring(utf8[from..<to])
        }
    }

    // MARK: - The subsequence

    enum Op: Equatable { case same(Int, Int), removed(Int), added(Int) }

    /// Word by word: which words of `a` and `b` are kept, removed or added, in reading order.
    static func operations(_ old: Words, _ new: Words) -> [Op] {
        let a = old.words, b = new.words, ha = old.hashes, hb = new.hashes
        // Words of two texts hashed alike are told apart by their hashes first (`table`).
        let hashed = old.isASCII == new.isASCII
        @inline(__always) func equal(_ i: Int, _ j: Int) -> Bool { (!hashed || ha[i] == hb[j]) && a[i] == b[j] }
        var ops: [Op] = []
        ops.reserveCapacity(max(a.count, b.count))
        // Work pieces in reading order with a stack, never recursion: a long text cannot exhaust the stack.
        enum Task { case range(Range<Int>, Range<Int>), same(Int, Int) }
        // The whole texts first, apart: the stack is only needed (and made) when a long middle is cut
        // at anchors.
        var first: Task? = .range(0..<a.count, 0..<b.count)
        var stack: [Task] = []
        let huge = a.count + b.count > wordLimit
        while let task = first ?? stack.popLast() {
            first = nil
            switch task {
            case .same(let i, let j):
                ops.append(.same(i, j))
            case .range(var ra, var rb):
                // The shared start and end.
                while !ra.isEmpty, !rb.isEmpty, equal(ra.lowerBound, rb.lowerBound) {
                    ops.append(.same(ra.lowerBound, rb.lowerBound))
                    ra = (ra.lowerBound + 1)..<ra.upperBound
                    rb = (rb.lowerBound + 1)..<rb.upperBound
                }
                var tail = 0
                while tail < ra.count, tail < rb.count, equal(ra.upperBound - 1 - tail, rb.upperBound - 1 - tail) { tail += 1 }
                let ma = ra.lowerBound..<(ra.upperBound - tail), mb = rb.lowerBound..<(rb.upperBound - tail)
                func sharedEnd() { for k in 0..<tail { ops.append(.same(ma.upperBound + k, mb.upperBound + k)) } }
                if ma.isEmpty || mb.isEmpty || huge {
                    // The middle, then the shared end.
                    for i in ma { ops.append(.removed(i)) }
                    for j in mb { ops.append(.added(j)) }
                    sharedEnd()
                } else if ma.count * mb.count <= tableLimit {
                    table(old, ma, new, mb, into: &ops)
                    sharedEnd()
                } else {
                    let anchors = uniqueAnchors(a, ma, b, mb)
                    if anchors.isEmpty {
                        for i in ma { ops.append(.removed(i)) }
                        for j in mb { ops.append(.added(j)) }
                        sharedEnd()
                    } else {
                        // The shared end comes after the pieces: pushed first, popped last.
                        for k in (0..<tail).reversed() { stack.append(.same(ma.upperBound + k, mb.upperBound + k)) }
                        // Pieces between anchors, pushed last first.
                        var pieces: [Task] = []
                        var (i0, j0) = (ma.lowerBound, mb.lowerBound)
                        for (i, j) in anchors {
                            pieces.append(.range(i0..<i, j0..<j))
                            pieces.append(.same(i, j))
                            (i0, j0) = (i + 1, j + 1)
                        }
                        pieces.append(.range(i0..<ma.upperBound, j0..<mb.upperBound))
                        stack += pieces.reversed()
                    }
                }
            }
        }
        return ops
    }

    /// The longest common subsequence of two pieces, cell by cell (at most `tableLimit` cells).
    /// Appended to `ops`.
    static func table(_ old: Words, _ ra: Range<Int>, _ new: Words, _ rb: Range<Int>, into ops: inout [Op]) {
        let n = ra.count, m = rb.count
        let a = old.words, b = new.words, ha = old.hashes, hb = new.hashes
        // Cells compare the words' hashes, and the words only where those are equal: no table of the
        // words is made for each pair of texts. An ASCII text and one that is not hash their words
        // differently (`Words`), so their words are compared themselves.
        let hashed = old.isASCII == new.isASCII
        @inline(__always) func equal(_ i: Int, _ j: Int) -> Bool {
            (!hashed || ha[ra.lowerBound + i] == hb[rb.lowerBound + j]) && a[ra.lowerBound + i] == b[rb.lowerBound + j]
        }
        // lengths[i][j]: the subsequence of the pieces from their words i and j on, one row kept at a time;
        // `keep` records the choices (0: same, 1: skip a's word i, 2: skip b's word j). In one temporary
        // allocation (on the stack when small), not three arrays for every reworded pair.
        // The rows after `keep`, at an offset `Int32` can be read at.
        let rowsAt = (n * m + 3) & ~3
        withUnsafeTemporaryAllocation(byteCount: rowsAt + 2 * (m + 1) * MemoryLayout<Int32>.stride,
                                             alignment: MemoryLayout<Int32>.alignment) { raw in
            let keep = raw.baseAddress!.bindMemory(to: UInt8.self, capacity: n * m)
            var next = (raw.baseAddress! + rowsAt).bindMemory(to: Int32.self, capacity: 2 * (m + 1))
            var row = next + (m + 1)
            next.initialize(repeating: 0, count: m + 1)
            row.initialize(repeating: 0, count: m + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                row[m] = 0
                for j in stride(from: m - 1, through: 0, by: -1) {
                    if equal(i, j) {
                        row[j] = next[j + 1] + 1
                        keep[i * m + j] = 0
                    } else if next[j] >= row[j + 1] {
                        row[j] = next[j]
                        keep[i * m + j] = 1
                    } else {
                        row[j] = row[j + 1]
                        keep[i * m + j] = 2
                    }
                }
                swap(&row, &next)
            }
            ops.reserveCapacity(ops.count + n + m)
            var i = 0, j = 0
            while i < n && j < m {
                switch keep[i * m + j] {
                case 0: ops.append(.same(ra.lowerBound + i, rb.lowerBound + j)); i += 1; j += 1
                case 1: ops.append(.removed(ra.lowerBound + i)); i += 1
                default: ops.append(.added(rb.lowerBound + j)); j += 1
                }
            }
            while i < n { ops.append(.removed(ra.lowerBound + i)); i += 1 }
            while j < m { ops.append(.added(rb.lowerBound + j)); j += 1 }
        }
    }

    /// Words found exactly once in each piece, paired, then the longest run of pairs in order on both
    /// sides (patience diff): the anchors a long text is cut at.
    static func uniqueAnchors(_ a: [Substring], _ ra: Range<Int>, _ b: [Substring], _ rb: Range<Int>) -> [(Int, Int)] {
        var countA: [Substring: Int] = [:], countB: [Substring: Int] = [:]
        for i in ra { countA[a[i], default: 0] += 1 }
        for j in rb { countB[b[j], default: 0] += 1 }
        var positionInB: [Substring: Int] = [:]
        for j in rb where countB[b[j]] == 1 && countA[b[j]] == 1 { positionInB[b[j]] = j }
        var pairs: [(Int, Int)] = []
        for i in ra { if let j = positionInB[a[i]] { pairs.append((i, j)) } }
        guard !pairs.isEmpty else { return [] }
        // Longest increasing subsequence of the B positions (pairs are in A order).
        var tails: [Int] = [], previous = [Int](repeating: -1, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[tails[mid]].1 < pair.1 { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[k] = tails[lo - 1] }
            if lo == tails.count { tails.append(k) } else { tails[lo] = k }
        }
        var chain: [(Int, Int)] = []
        var k = tails.last ?? -1
        while k >= 0 { chain.append(pairs[k]); k = previous[k] }
        return chain.reversed()
    }
}
