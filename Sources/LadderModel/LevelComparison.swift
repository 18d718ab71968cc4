import LadderCore
import LadderDiff
import LadderLoad
import LadderMarkdown

/// What changes between two levels of a track, competency by competency (DESIGN §4, compare pages).
///
/// Expectations are compared item by item (list items, or sentences of prose), within each competency,
/// by `LadderDiff.Alignment`: an item of the higher level is unchanged (the same text, white space
/// aside), a rewording of one item of the lower level (with the words added and removed), or new; the
/// lower level's items no item of the higher level rewords are no longer listed. A list item's examples
/// (its nested list) are compared apart from its text.
public struct LevelComparison: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case unchanged
        /// Paired with an item of the other level in other words: `words` turn the lower level's text
        /// into the higher level's.
        case reworded(words: [WordRun])
        /// At the higher level only.
        case new
        /// At the lower level only: no item of the higher level rewords it.
        case noLongerListed

        /// `unchanged`, `reworded`, `new` or `no-longer-listed`, for templates and data.
        public var name: String {
            switch self {
            case .unchanged: "unchanged"
            case .reworded: "reworded"
            case .new: "new"
            case .noLongerListed: "no-longer-listed"
            }
        }
    }

    public struct Example: Sendable, Equatable {
        public var text: String
        /// Not among the examples of the item it is paired with (only ever on the higher side).
        public var isNew: Bool
    }

    public struct Item: Sendable, Equatable {
        public var text: String
        /// New at the higher level: no item of the lower level is like it.
        public var isNew: Bool { change == .new }
        public var change: Change
        public var examples: [Example]

        public init(text: String, change: Change, examples: [Example] = []) {
            self.text = text
            self.change = change
            self.examples = examples
        }
    }

    public struct Row: Sendable, Equatable {
        public var competency: Competency
        public var lowerAnchor: String?
        public var higherAnchor: String?
        /// The lower level's items as written, each with what became of it.
        public var lower: [Item]
        /// The higher level's items, each unchanged, reworded or new.
        public var higher: [Item]
        /// The lower level's items that are no longer listed, in their order.
        public var noLongerListed: [Item]
        public var counts: Alignment.Counts
    }

    public var rows: [Row]

    /// Every row's counts added up.
    public var counts: Alignment.Counts { rows.reduce(Alignment.Counts()) { $0 + $1.counts } }

    /// One level's section for one competency: its anchor and items, with what the alignment reads of
    /// them worked out once (a level takes part in up to 14 comparisons).
    public struct Section: Sendable {
        public var anchor: String
        /// Each item's whole text, examples included (what the matrix shows).
        public var items: [String]
        /// Each item's own text, without its examples (what the alignment compares).
        public var texts: [String]
        /// Each item's examples: the items of its nested list.
        public var examples: [[String]]
        /// `texts` as the alignment reads them.
        var prepared: [Alignment.Text]

        public init(anchor: String, items: [String]) {
            self.init(anchor: anchor, items: items, texts: items, examples: items.map { _ in [] })
        }

        /// `aligned: false` for a section that is never aligned (an assess page's, or history's).
        public init(anchor: String, items: [String], texts: [String], examples: [[String]], aligned: Bool = true) {
            self.anchor = anchor
            self.items = items
            self.texts = texts
            self.examples = examples
            prepared = aligned ? texts.map(Alignment.Text.init) : []
        }
    }

    /// `lower` and `higher` map a competency id to that level's section. Without `wordRuns`, reworded items
    /// carry no runs (a level page shows only counts and new items: the word diffs would be thrown away).
    public init(competencies: [Competency], lower: [String: Section], higher: [String: Section], wordRuns: Bool = true) {
        rows = competencies.compactMap { competency in
            let a = lower[competency.id], b = higher[competency.id]
            if a == nil && b == nil { return nil }
            return Self.row(competency, a, b, wordRuns: wordRuns)
        }
    }

    static func row(_ competency: Competency, _ a: Section?, _ b: Section?, wordRuns: Bool) -> Row {
        let lowerTexts = a?.texts ?? [], higherTexts = b?.texts ?? []
        let lowerExamples = a?.examples ?? [], higherExamples = b?.examples ?? []
        let lowerPrepared = a?.prepared ?? [], higherPrepared = b?.prepared ?? []
        let alignment = Alignment(aligning: lowerPrepared, with: higherPrepared)
        // The words of both items, split once per level (`Section.prepared`).
        func words(_ i: Int, _ n: Int) -> [WordRun] {
            wordRuns ? WordDiff.runs(from: lowerPrepared[i].split, to: higherPrepared[n].split) : []
        }
        func examples(_ list: [[String]], _ n: Int) -> [String] { n < list.count ? list[n] : [] }
        var lowerItems = lowerTexts.enumerated().map { n, text in
            Item(text: text, change: .noLongerListed, examples: examples(lowerExamples, n).map { Example(text: $0, isNew: false) })
        }
        var higherItems: [Item] = []
        higherItems.reserveCapacity(higherTexts.count)
        var counts = alignment.counts
        for (n, change) in alignment.higher.enumerated() {
            let text = higherTexts[n]
            let mine = examples(higherExamples, n)
            switch change {
            case .new:
                higherItems.append(Item(text: text, change: .new, examples: mine.map { Example(text: $0, isNew: false) }))
            case .unchanged(let i), .reworded(let i):
                // Examples the paired item does not have (white space aside) are marked.
                let theirs = Set(examples(lowerExamples, i).map(Alignment.spaced))
                let marked = mine.map { Example(text: $0, isNew: !theirs.contains(Alignment.spaced($0))) }
                let examplesDiffer = Set(mine.map(Alignment.spaced)) != theirs
                var itemChange: Change = .unchanged
                if case .reworded = change {
                    itemChange = .reworded(words: words(i, n))
                } else if examplesDiffer {
                    // The same text with other examples: shown as reworded, with no word changed.
                    itemChange = .reworded(words: words(i, n))
                    counts.unchanged -= 1
                    counts.reworded += 1
                }
                lowerItems[i].change = itemChange
                higherItems.append(Item(text: text, change: itemChange, examples: marked))
            }
        }
        return Row(competency: competency, lowerAnchor: a?.anchor, higherAnchor: b?.anchor,
                   lower: lowerItems, higher: higherItems,
                   noLongerListed: alignment.noLongerListed.map { lowerItems[$0] }, counts: counts)
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
        // ASCII text by bytes (each of its characters is one byte, but for "\r\n", which is neither an
        // end of sentence nor a space either way): the same sentences without an array of Characters.
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ asciiSentences($0) }), let ascii { return ascii }
        return characterSentences(text)
    }

    /// `sentences` Character by Character, for any text.
    static func characterSentences(_ text: String) -> [String] {
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

    /// `sentences` for ASCII bytes; nil when there is a byte above 0x7F.
    static func asciiSentences(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var out: [String] = []
        // Trimmed as `trimmingCharacters(in: " ")` trims (LadderMarkdown): spaces and line feeds that are
        // Characters of their own, so not the LF of a CRLF. A sentence starts after a space or at the start.
        func add(_ range: Range<Int>) {
            var (start, end) = (range.lowerBound, range.upperBound)
            while start < end && (bytes[start] == 0x20 || bytes[start] == 0x0A) { start += 1 }
            while end > start && (bytes[end - 1] == 0x20 || (bytes[end - 1] == 0x0A && !(end - 2 >= start && bytes[end - 2] == 0x0D))) {
                end -= 1
            }
            if start < end { out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
        }
        var start = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            guard byte < 0x80 else { return nil }
            if (byte == 0x2E || byte == 0x21 || byte == 0x3F) && (i + 1 == bytes.count || bytes[i + 1] == 0x20) {
                add(start..<(i + 1))
                start = i + 1
            }
        }
        add(start..<bytes.count)
        return out
    }
}
