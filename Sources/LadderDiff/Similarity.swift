/// How alike two criteria are, from 0 (nothing shared) to 1: the mean of what they say and how they
/// say it. What they say is Dice's coefficient over their terms (`Terms`, stop words aside) as
/// multisets, in any order; how they say it is the longest run of their words in the same order (stop
/// words included), as a share of their words — "Moves a metric the team cares about, such as…" and
/// "Moves a metric the business cares about, such as…" share little vocabulary but most of their shape.
public enum Similarity {
    /// Past this many words × words, the order half is not computed and the terms alone count.
    public static let orderLimit = 4_096

    public static func score(_ a: String, _ b: String) -> Double {
        Table(lower: [Alignment.Text(a).terms], higher: [Alignment.Text(b).terms]).score(0, 0)
    }

    /// Dice's coefficient of two lists of terms as multisets: twice the terms they share over the terms
    /// they have, 0 when both are empty.
    public static func dice(_ a: [String], _ b: [String]) -> Double {
        let (x, y) = (a.map { Terms.hash(Array($0.utf8)) }.sorted(), b.map { Terms.hash(Array($0.utf8)) }.sorted())
        return x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in Table.dice(x, y) } }
    }

    /// A criterion's terms (`Terms.hashes`): the content terms sorted, every term in order, and every
    /// term sorted, one after another in one array, with the buckets its words fall in. What a `Table`
    /// copies of each criterion it scores.
    struct TermHashes: Sendable {
        /// `sorted`, then `words`, then `words` sorted.
        let values: [UInt64]
        let sortedCount: Int
        let wordCount: Int

        /// `content` in any order.
        init(content: [UInt64], words: [UInt64]) {
            // One array, sorted in place in two parts: a criterion's terms made five arrays before.
            var values: [UInt64] = []
            values.reserveCapacity(content.count + 2 * words.count)
            values += content
            values += words
            values += words
            let (c, w) = (content.count, words.count)
            values[0..<c].sort()
            values[(c + w)...].sort()
            self.values = values
            sortedCount = c
            wordCount = w
            var buckets = Buckets()
            var extra = 0
            for word in words { if !buckets.insert(word) { extra += 1 } }
            self.buckets = buckets
            self.extraWords = extra
        }

        /// Which of 256 buckets the words fall in, and how many words found their bucket taken (a
        /// repeated word, or two in one bucket): two texts share at most `shared(buckets) + min(extras)`
        /// words, a bound found in a few instructions where counting walks both lists.
        let buckets: Buckets
        let extraWords: Int

        struct Buckets: Sendable {
            var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

            /// Sets the word's bucket; false when it was set already.
            mutating func insert(_ word: UInt64) -> Bool {
                // The hash's top bits after a multiply: FNV-1a's low bits follow the last byte too closely.
                let bucket = Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> 56)
                let bit: UInt64 = 1 << UInt64(bucket & 63)
                func set(_ part: inout UInt64) -> Bool { defer { part |= bit }; return part & bit == 0 }
                switch bucket >> 6 {
                case 0: return set(&bits.0)
                case 1: return set(&bits.1)
                case 2: return set(&bits.2)
                default: return set(&bits.3)
                }
            }

            /// How many buckets both have.
            func shared(_ other: Buckets) -> Int {
                (bits.0 & other.bits.0).nonzeroBitCount + (bits.1 & other.bits.1).nonzeroBitCount
                    + (bits.2 & other.bits.2).nonzeroBitCount + (bits.3 & other.bits.3).nonzeroBitCount
            }
        }
    }

    /// The criteria of two levels, to score any pair of them. Each side's terms are copied into one
    /// array, with where each criterion's are beside them in values without references: scoring the
    /// pairs then retains and copies nothing (copying each criterion's terms for every pair was a
    /// tenth of aligning).
    struct Table {
        /// Where one criterion's terms (`TermHashes.values`, copied) are in its side's array.
        struct Entry {
            let start: Int
            let sortedCount: Int
            let wordCount: Int
            let buckets: TermHashes.Buckets
            let extraWords: Int
        }

        private(set) var lowerValues: [UInt64] = [], higherValues: [UInt64] = []
        private(set) var lower: [Entry] = [], higher: [Entry] = []

        init(lower: [Similarity.TermHashes], higher: [Similarity.TermHashes]) {
            Self.add(lower, to: &lowerValues, &self.lower)
            Self.add(higher, to: &higherValues, &self.higher)
        }

        /// The criteria `lowerIndices` of `lower` and `higherIndices` of `higher`.
        init(lower: [Alignment.Text], _ lowerIndices: [Int], higher: [Alignment.Text], _ higherIndices: [Int]) {
            Self.add(lowerIndices.lazy.map { lower[$0].terms }, to: &lowerValues, &self.lower)
            Self.add(higherIndices.lazy.map { higher[$0].terms }, to: &higherValues, &self.higher)
        }

        private static func add(_ terms: some Collection<Similarity.TermHashes>, to values: inout [UInt64], _ entries: inout [Entry]) {
            values.reserveCapacity(terms.reduce(0) { $0 + $1.values.count })
            entries.reserveCapacity(terms.count)
            for hashes in terms {
                entries.append(Entry(start: values.count, sortedCount: hashes.sortedCount, wordCount: hashes.wordCount,
                                     buckets: hashes.buckets, extraWords: hashes.extraWords))
                values += hashes.values
            }
        }

        func score(_ i: Int, _ j: Int) -> Double {
            lowerValues.withUnsafeBufferPointer { l in
                higherValues.withUnsafeBufferPointer { h in Self.score(Borrowed(l, lower[i]), Borrowed(h, higher[j]), threshold: nil) }
            }
        }

        /// `score`, or a value below `threshold` when the pair cannot reach it, without the subsequence
        /// worked out (most pairs of a comparison are about other things): the subsequence shares no more
        /// terms than the two texts share in any order, so the score is at most what that many would give.
        func score(_ i: Int, _ j: Int, threshold: Double) -> Double {
            lowerValues.withUnsafeBufferPointer { l in
                higherValues.withUnsafeBufferPointer { h in Self.score(Borrowed(l, lower[i]), Borrowed(h, higher[j]), threshold: threshold) }
            }
        }

        /// Every pair's `score(_:_:threshold:)`, row by row (`lower.count` rows of `higher.count`).
        func scores(threshold: Double) -> [Double] {
            var out: [Double] = []
            out.reserveCapacity(lower.count * higher.count)
            lowerValues.withUnsafeBufferPointer { l in
                higherValues.withUnsafeBufferPointer { h in
                    lower.withUnsafeBufferPointer { lower in
                        higher.withUnsafeBufferPointer { higher in
                            for a in lower {
                                let ta = Borrowed(l, a)
                                for b in higher { out.append(Self.score(ta, Borrowed(h, b), threshold: threshold)) }
                            }
                        }
                    }
                }
            }
            return out
        }

        /// One criterion's terms, read in place.
        struct Borrowed {
            let sorted: UnsafeBufferPointer<UInt64>
            let words: UnsafeBufferPointer<UInt64>
            let wordsSorted: UnsafeBufferPointer<UInt64>
            let buckets: TermHashes.Buckets
            let extraWords: Int

            init(_ values: UnsafeBufferPointer<UInt64>, _ entry: Entry) {
                let (s, w) = (entry.start + entry.sortedCount, entry.start + entry.sortedCount + entry.wordCount)
                sorted = UnsafeBufferPointer(rebasing: values[entry.start..<s])
                words = UnsafeBufferPointer(rebasing: values[s..<w])
                wordsSorted = UnsafeBufferPointer(rebasing: values[w..<(w + entry.wordCount)])
                buckets = entry.buckets
                extraWords = entry.extraWords
            }
        }

        /// The score of a pair; with a threshold, a bound below it for a pair that cannot reach it.
        static func score(_ a: Borrowed, _ b: Borrowed, threshold: Double?) -> Double {
            let inOrder = a.words.count * b.words.count <= Similarity.orderLimit && (!a.words.isEmpty || !b.words.isEmpty)
            var wordsShared = 0
            if let threshold, inOrder {
                // First bounds from the words alone: a text's terms are among its words, so two texts
                // share no more terms than words. Most pairs are about other things and stop here:
                // many at the buckets' bound, most of the rest with one list of words walked, not two.
                func most(sharing words: Int) -> Double {
                    let termsAtMost = a.sorted.isEmpty && b.sorted.isEmpty ? 0 : min(1, Double(2 * words) / Double(a.sorted.count + b.sorted.count))
                    return (termsAtMost + Double(2 * words) / Double(a.words.count + b.words.count)) / 2
                }
                let atMost = min(a.buckets.shared(b.buckets) + min(a.extraWords, b.extraWords), a.words.count, b.words.count)
                let roughly = most(sharing: atMost)
                if roughly < threshold { return roughly }
                wordsShared = shared(a.wordsSorted, b.wordsSorted)
                let exactly = most(sharing: wordsShared)
                if exactly < threshold { return exactly }
            }
            let terms = dice(a.sorted, b.sorted)
            guard inOrder else { return terms }
            if let threshold {
                let most = (terms + Double(2 * wordsShared) / Double(a.words.count + b.words.count)) / 2
                if most < threshold { return most }
            }
            let order = Double(2 * subsequence(a.words, b.words)) / Double(a.words.count + b.words.count)
            return (terms + order) / 2
        }

        static func dice(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> Double {
            guard !a.isEmpty || !b.isEmpty else { return 0 }
            return Double(2 * shared(a, b)) / Double(a.count + b.count)
        }

        /// How many terms two sorted lists share, as multisets.
        static func shared(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> Int {
            var shared = 0, x = 0, y = 0
            while x < a.count && y < b.count {
                let (p, q) = (a[x], b[y])
                if p == q { shared += 1; x += 1; y += 1 } else if p < q { x += 1 } else { y += 1 }
            }
            return shared
        }

        /// The length of the longest common subsequence: 64 cells at a time when `b` has at most 64 terms
        /// (Hyyrö's bit-vector form of the table: bit k of `v` is clear where the subsequence grows at
        /// term k of `b`), else one row of the table at a time.
        static func subsequence(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> Int {
            guard !a.isEmpty && !b.isEmpty else { return 0 }
            guard b.count <= 64 else { return tableSubsequence(a, b) }
            let width = UInt64(b.count)
            let all: UInt64 = width == 64 ? ~0 : (1 << width) - 1
            var v = all
            for x in a {
                var match: UInt64 = 0
                for k in 0..<b.count where b[k] == x { match |= 1 << UInt64(k) }
                let u = v & match
                v = ((v &+ u) | (v & ~match)) & all
            }
            return b.count - v.nonzeroBitCount
        }

        /// `subsequence` row by row: the table itself, for any length.
        static func tableSubsequence(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> Int {
            guard !a.isEmpty && !b.isEmpty else { return 0 }
            let width = b.count + 1
            // Two rows on the stack, not two arrays per pair: this runs for every pair of every comparison.
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * width) { rows in
                var previous = rows.baseAddress!, row = previous + width
                previous.initialize(repeating: 0, count: width)
                row.initialize(repeating: 0, count: width)
                for x in a {
                    for k in 0..<b.count {
                        row[k + 1] = x == b[k] ? previous[k] + 1 : max(previous[k + 1], row[k])
                    }
                    swap(&row, &previous)
                }
                return Int(previous[width - 1])
            }
        }
    }
}
