/// Which criteria of a higher level reword which criteria of a lower one.
///
/// Each level restates its expectations in its own words ("Impact at L3 is measured at the level of
/// projects" / "Impact at L4 is measured at the level of a group of teams"), so comparing texts for
/// equality marks everything new. Alignment pairs each criterion of the higher level with the lower
/// level's criterion it rewords, one to one: equal texts (white space aside) first, then the pairing
/// with the greatest total similarity of the rest (`Similarity`) among pairs at or above
/// `threshold`. What is left of the higher level is new; what is left of the lower level is
/// no longer listed.
public struct Alignment: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        /// The same text (white space aside) as the lower level's criterion `lower`.
        case unchanged(lower: Int)
        /// A rewording of the lower level's criterion `lower`.
        case reworded(lower: Int)
        /// No criterion of the lower level is like it.
        case new
    }

    /// One per criterion of the higher level, in its order.
    public var higher: [Change]
    /// The lower level's criteria no criterion of the higher level rewords, in their order.
    public var noLongerListed: [Int]

    public var counts: Counts {
        var counts = Counts()
        for change in higher {
            switch change {
            case .unchanged: counts.unchanged += 1
            case .reworded: counts.reworded += 1
            case .new: counts.new += 1
            }
        }
        counts.noLongerListed = noLongerListed.count
        return counts
    }

    /// How many criteria of each kind; `summary` words them ("2 reworded, 1 new, 1 no longer listed").
    public struct Counts: Sendable, Hashable {
        public var unchanged = 0, reworded = 0, new = 0, noLongerListed = 0
        public init(unchanged: Int = 0, reworded: Int = 0, new: Int = 0, noLongerListed: Int = 0) {
            self.unchanged = unchanged
            self.reworded = reworded
            self.new = new
            self.noLongerListed = noLongerListed
        }

        public static func + (a: Counts, b: Counts) -> Counts {
            Counts(unchanged: a.unchanged + b.unchanged, reworded: a.reworded + b.reworded, new: a.new + b.new,
                   noLongerListed: a.noLongerListed + b.noLongerListed)
        }

        /// Whether anything differs.
        public var hasChanges: Bool { reworded + new + noLongerListed > 0 }

        /// "2 reworded, 1 new, 1 no longer listed, 3 unchanged"; kinds with none are left out, and
        /// "no change" when there is nothing at all.
        public var summary: String {
            var parts: [String] = []
            if reworded > 0 { parts.append("\(reworded) reworded") }
            if new > 0 { parts.append("\(new) new") }
            if noLongerListed > 0 { parts.append("\(noLongerListed) no longer listed") }
            if unchanged > 0 { parts.append("\(unchanged) unchanged") }
            return parts.isEmpty ? "no change" : parts.joined(separator: ", ")
        }
    }

    /// The similarity (`Similarity`) a pair needs to count as a rewording: on the example site's
    /// ladders, rewordings score from about a third up (0.33 "Writes design documents that compare…" / "…that set
    /// direction…"), criteria about other things below.
    public static let defaultThreshold = 0.33
    /// Up to this many candidate pairs (lower × higher criteria left after equal ones) the pairing is
    /// optimal (`Assignment.optimal`); above it, the best pairs are taken greedily from those sharing a
    /// term, so no input costs more than about linear work in the size of its criteria.
    public static let optimalLimit = 4_096
    /// Up to this many lower × higher criteria, equal texts are found by looking through the lower ones.
    static let scanLimit = 256

    public init(higher: [Change], noLongerListed: [Int]) {
        self.higher = higher
        self.noLongerListed = noLongerListed
    }

    /// A criterion as alignment reads it, worked out once: a level's criteria are aligned with those of
    /// every other level of its track, and its page's.
    public struct Text: Sendable {
        public let text: String
        /// Its words, for word diffs (`WordDiff.runs(from:to:)`) against the texts it is aligned with.
        public let split: WordDiff.Words
        /// `spaced(text)`: what "equal" compares.
        let spaced: String
        /// A hash of `spaced`'s words (`WordDiff.Words.hashes`): for two ASCII texts, unequal hashes are
        /// unequal texts, with no strings compared (every criterion of the higher level is looked for
        /// among the lower's).
        let spacedHash: Int
        /// Its terms, what similarity reads.
        let terms: Similarity.TermHashes

        public init(_ text: String) {
            self.text = text
            split = WordDiff.Words(text)
            spaced = WordDiff.joined(split.words[...])
            var hasher = Hasher()
            hasher.combine(split.words.count)
            for word in split.hashes { hasher.combine(word) }
            spacedHash = hasher.finalize()
            let hashes = Terms.hashes(text)
            terms = Similarity.TermHashes(content: hashes.content, words: hashes.all)
        }

        /// The same text, white space aside. Hashes decide only between ASCII texts: Swift's `==` finds
        /// some texts outside ASCII equal to ASCII ones (the Kelvin sign and `K`), whose hashes differ.
        func isEqual(to other: Text) -> Bool {
            if split.isASCII && other.split.isASCII && spacedHash != other.spacedHash { return false }
            return spaced == other.spaced
        }
    }

    /// Aligns the criteria of two levels (of one competency, or two prose levels' sentences).
    public init(lower: [String], higher: [String], threshold: Double = Alignment.defaultThreshold) {
        self.init(aligning: lower.map(Text.init), with: higher.map(Text.init), threshold: threshold)
    }

    /// The same, over criteria worked out already.
    public init(aligning lower: [Text], with higher: [Text], threshold: Double = Alignment.defaultThreshold) {
        var changes = [Change](repeating: .new, count: higher.count)
        var lowerTaken = [Bool](repeating: false, count: lower.count)

        // Equal texts first, in order: the first equal lower criterion not yet taken. A competency's few
        // criteria are looked through; a table of texts is made only for many (building one for every
        // row of every comparison cost more than the comparisons of its strings).
        var rest: [Int] = []
        if lower.count * higher.count <= Self.scanLimit {
            for (j, text) in higher.enumerated() {
                if let i = lower.indices.first(where: { !lowerTaken[$0] && lower[$0].isEqual(to: text) }) {
                    changes[j] = .unchanged(lower: i)
                    lowerTaken[i] = true
                } else {
                    rest.append(j)
                }
            }
        } else {
            var byText: [String: [Int]] = [:]
            for (i, text) in lower.enumerated() { byText[text.spaced, default: []].append(i) }
            for key in byText.keys { byText[key]!.reverse() }
            for (j, text) in higher.enumerated() {
                if let i = byText[text.spaced]?.popLast() {
                    changes[j] = .unchanged(lower: i)
                    lowerTaken[i] = true
                } else {
                    rest.append(j)
                }
            }
        }
        let lowerRest = lower.indices.filter { !lowerTaken[$0] }

        if !rest.isEmpty && !lowerRest.isEmpty {
            let pairs: [(Int, Int)]
            if lowerRest.count * rest.count <= Self.optimalLimit {
                let table = Similarity.Table(lower: lower, lowerRest, higher: higher, rest)
                // Scores below the threshold count as nothing (`Assignment.optimal`), so those of pairs
                // that cannot reach it need not be exact.
                pairs = Assignment.optimal(rows: lowerRest.count, columns: rest.count, threshold: threshold,
                                           scores: table.scores(threshold: threshold))
            } else {
                pairs = Assignment.greedy(lowerRest.map { Terms.split(lower[$0].text).content },
                                          rest.map { Terms.split(higher[$0].text).content }, threshold: threshold)
            }
            for (a, b) in pairs {
                changes[rest[b]] = .reworded(lower: lowerRest[a])
                lowerTaken[lowerRest[a]] = true
            }
        }
        self.higher = changes
        self.noLongerListed = lower.indices.filter { !lowerTaken[$0] }
    }

    /// Runs of white space made one space, none at the ends: what "equal" means for two criteria.
    public static func spaced(_ text: String) -> String {
        WordDiff.words(text).joined(separator: " ")
    }
}
