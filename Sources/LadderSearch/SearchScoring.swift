import Foundation
import LadderCore
import LadderMarkdown
import LadderModel

/// Scores every (term, document) pair at build time, so the browser only adds numbers.
///
/// BM25F-style: a term counts more in the title and heading than in the body (title > heading > body),
/// and only the body is normalised by its length (a title is short whatever the page's length). A
/// section inherits its page's title at a lower weight, so "senior impact" finds the Impact section of
/// the Senior level, while "senior" alone ranks the level page itself above its sections.
///
/// A term of the document's own title or heading also earns a bonus outside BM25's saturation, as large
/// as the most a body can score: a reader who types a section's name ("ownership", or the typo
/// "ownrship") wants that section first, not a section that only mentions the word many times.
package struct SearchScoring {
    /// Weight of one occurrence, by where it occurs.
    static let pageTitleWeight = 10
    static let headingWeight = 6
    static let inheritedTitleWeight = 3
    static let bodyWeight = 1
    static let k1 = 1.2
    /// The bonus for a term of the document's own title or heading, in units of the term's idf.
    static let ownHeadingBonus = k1 + 1
    static let b = 0.75

    /// A posting: document number and score (BM25 × 10, rounded; at least 1: a tenth is fine enough to rank).
    struct Posting: Equatable {
        var document: Int32
        var score: Int32
    }

    /// One document's terms (by number, ascending) with their packed counts (see `pack`), and its body length.
    struct CountedDocument {
        var terms: [(term: Int32, packed: UInt32)]
        var bodyLength: Int32
    }

    /// Every term ever numbered, in no particular order; `postings[i]` belongs to `terms[i]`, in document
    /// order. After an incremental update a term no document has any more keeps its number with no
    /// postings (the files leave it out), so term numbers stay valid from one build to the next.
    private(set) var terms: [String] = []
    private(set) var postings: [[Posting]] = []

    /// What an update needs, kept only when asked for (the preview server): `ladder build` holds none of it.
    struct Kept {
        var termNumbers: SearchTermTable
        /// Per term, its postings with the packed counts they were scored from.
        var counts: [[Posting]]
        var documents: [CountedDocument]
        /// Each document's key (`SearchCorpus.key`): a document whose key is unchanged is not read again;
        /// and its text key (`SearchCorpus.textKey`): nor is one whose text key is unchanged.
        var keys: [Int]
        var textKeys: [Int]
        var bodyTotal: Int
    }
    private(set) var kept: Kept?

    /// What changed since the scoring this one was updated from (`nil`: everything, or there was none).
    struct Changes {
        /// Terms whose postings or scores changed.
        var terms: Set<Int32>
        /// Documents counted again.
        var documents: Set<Int>
        /// A term was added or lost its last document: the sorted term list changed.
        var termList: Bool
    }
    private(set) var changes: Changes?

    /// The average body length scores are normalised by, on a grid of steps of about 1 %: one edit moves
    /// the true average by a hair, and should not change every score in the index (and so every shard).
    private(set) var averageBody = 1.0
    private(set) var documentCount = 0

    static func quantised(_ average: Double) -> Double {
        exp2((log2(max(1, average)) * 64).rounded() / 64)
    }

    /// Scores `corpus` from nothing; with `keys`, keeps what `updated` needs.
    init(corpus: SearchCorpus, keys: [Int]? = nil) {
        var termNumbers = SearchTermTable(capacity: 1 << 16)
        var documents: [CountedDocument] = []
        var bodyLengths: [Int32] = []
        bodyLengths.reserveCapacity(corpus.count)
        // Tokenising is most of the work and each document is independent: batches are spread over all
        // cores, and each batch's word counts are filed before the next. Counts are filed straight under
        // their terms, packed where the score will go; scoring then turns them into scores in place
        // (a 10,000-page site has millions of postings: one copy only, unless kept for updates).
        let batchSize = 1_024
        for start in stride(from: 0, to: corpus.count, by: batchSize) {
            let batch = Array(start..<min(start + batchSize, corpus.count))
            // Each document's terms are looked up, on every core, in the table as the batches before left
            // it (most words of a site are met early); only the rest are numbered here, one after another.
            let counted = Self.count(corpus, batch, known: termNumbers)
            // Numbering order does not matter: terms are sorted when the files are written.
            let numbers = counted.map { Self.numbers($0, in: &termNumbers, terms: &terms, postings: &postings) }
            Self.makeRoom(for: numbers, in: &postings)
            for (offset, counts) in counted.enumerated() {
                let document = Int32(start + offset)
                var numbered: [(term: Int32, packed: UInt32)] = []
                if keys != nil { numbered.reserveCapacity(counts.packed.count) }
                for local in 0..<counts.packed.count {
                    let number = numbers[offset][local]
                    let packed = counts.packed[local]
                    postings[Int(number)].append(Posting(document: document, score: Int32(bitPattern: packed)))
                    if keys != nil { numbered.append((number, packed)) }
                }
                let bodyLength = counts.bodyLength
                bodyLengths.append(Int32(clamping: bodyLength))
                if keys != nil {
                    numbered.sort { $0.term < $1.term }
                    documents.append(CountedDocument(terms: numbered, bodyLength: Int32(clamping: bodyLength)))
                }
            }
        }
        let bodyTotal = bodyLengths.reduce(0) { $0 + Int($1) }
        documentCount = corpus.count
        averageBody = Self.quantised(Double(bodyTotal) / Double(max(1, corpus.count)))
        if let keys {
            let textKeys = Array(0..<corpus.count).parallelMap { corpus.textKey($0) }
            kept = Kept(termNumbers: termNumbers, counts: postings, documents: documents, keys: keys,
                        textKeys: textKeys, bodyTotal: bodyTotal)
        }
        for term in postings.indices { score(term: term, bodyLength: { bodyLengths[$0] }) }
    }

    /// `previous` brought up to date with `corpus`: only documents whose key changed are tokenised again,
    /// their old counts taken out of their terms and the new ones put in, and only the terms they touch
    /// scored again (every term when the number of documents or the average length moved). Gives what a
    /// scoring from nothing gives; nil when too much changed for an update to pay (a page added in the
    /// middle renumbers every document after it).
    static func updated(_ previous: SearchScoring, corpus: SearchCorpus, keys: [Int]) -> SearchScoring? {
        guard var kept = previous.kept, kept.keys.count == keys.count, keys.count == corpus.count else { return nil }
        let suspects = keys.indices.filter { keys[$0] != kept.keys[$0] }
        guard suspects.count <= max(8, keys.count / 8) else { return nil }
        let textKeys = suspects.parallelMap { corpus.textKey($0) }
        for (document, textKey) in zip(suspects, textKeys) { kept.textKeys[document] = textKey }
        let changed = zip(suspects, textKeys).filter { previous.kept!.textKeys[$0.0] != $0.1 }.map(\.0)
        var next = previous
        next.kept = nil  // the arrays below are changed in place, not copied
        var touched = Set<Int32>()
        // Terms that gained or lost a document: their idf moved, and so every score of theirs. The others
        // touched changed only in the recounted documents' postings.
        var dfChanged = Set<Int32>()
        let recounted = Self.count(corpus, changed, known: kept.termNumbers)
        for (document, counts) in zip(changed, recounted) {
            let number = Int32(document)
            let bodyLength = counts.bodyLength
            let known = kept.termNumbers.count
            let numbers = Self.numbers(counts, in: &kept.termNumbers, terms: &next.terms, postings: &next.postings)
            kept.counts += Array(repeating: [], count: kept.termNumbers.count - known)
            var numbered: [(term: Int32, packed: UInt32)] = zip(numbers, counts.packed).map { ($0, $1) }
            numbered.sort { $0.term < $1.term }
            let old = kept.documents[document]
            // A term's postings change where its count in the document did; all of the document's
            // scores change when its length did.
            let lengthChanged = old.bodyLength != Int32(clamping: bodyLength)
            var i = 0, j = 0
            while i < old.terms.count || j < numbered.count {
                let a = i < old.terms.count ? old.terms[i].term : Int32.max
                let b = j < numbered.count ? numbered[j].term : Int32.max
                if a < b {
                    if let at = Self.position(of: number, in: kept.counts[Int(a)]) { kept.counts[Int(a)].remove(at: at) }
                    touched.insert(a)
                    dfChanged.insert(a)
                    i += 1
                } else if b < a {
                    let at = Self.position(of: number, in: kept.counts[Int(b)]) ?? kept.counts[Int(b)].count
                    kept.counts[Int(b)].insert(Posting(document: number, score: Int32(bitPattern: numbered[j].packed)), at: at)
                    touched.insert(b)
                    dfChanged.insert(b)
                    j += 1
                } else {
                    if old.terms[i].packed != numbered[j].packed, let at = Self.position(of: number, in: kept.counts[Int(a)]) {
                        kept.counts[Int(a)][at].score = Int32(bitPattern: numbered[j].packed)
                        touched.insert(a)
                    } else if lengthChanged {
                        touched.insert(a)
                    }
                    i += 1
                    j += 1
                }
            }
            kept.bodyTotal += bodyLength - Int(old.bodyLength)
            kept.documents[document] = CountedDocument(terms: numbered, bodyLength: Int32(clamping: bodyLength))
        }
        kept.keys = keys
        // The sorted term list changes when a term gains its first document or loses its last.
        let known = previous.terms.count
        let termList = touched.contains { term in
            Int(term) >= known || previous.kept!.counts[Int(term)].isEmpty != kept.counts[Int(term)].isEmpty
        }
        let average = Self.quantised(Double(kept.bodyTotal) / Double(max(1, corpus.count)))
        let all = average != previous.averageBody
        next.averageBody = average
        let documents = kept.documents
        let rescored = all ? Array(Int32(0)..<Int32(next.terms.count)) : touched.sorted()
        var differ: [Int32] = []
        let recountedDocuments = changed.sorted().map(Int32.init)
        for term in rescored {
            let index = Int(term)
            if all || dfChanged.contains(term) || index >= known {
                next.postings[index] = kept.counts[index]
                next.score(term: index, bodyLength: { documents[$0].bodyLength })
                // Scores are rounded to tenths: many a rescored term scores as it did, and its shard can stay.
                if index >= known || next.postings[index] != previous.postings[index] { differ.append(term) }
                continue
            }
            // Same documents, same idf: only the recounted documents' postings can score otherwise.
            var moved = false
            for document in recountedDocuments {
                guard let at = Self.position(of: document, in: kept.counts[index]),
                      kept.counts[index][at].document == document else { continue }
                let score = next.score(packed: UInt32(bitPattern: kept.counts[index][at].score), term: index,
                                       bodyLength: documents[Int(document)].bodyLength)
                if next.postings[index][at].score != score {
                    next.postings[index][at].score = score
                    moved = true
                }
            }
            if moved { differ.append(term) }
        }
        next.kept = kept
        next.changes = Changes(terms: Set(differ), documents: Set(changed), termList: termList)
        return next
    }

    /// The numbers in `table` of a document's terms, numbering (with no postings yet) those the table
    /// did not have when they were counted: only then is a String made of a term. Another document of
    /// the batch may have numbered one since.
    private static func numbers(_ counts: Counts, in table: inout SearchTermTable, terms: inout [String],
                                postings: inout [[Posting]]) -> [Int32] {
        guard let unknown = counts.unknown else { return counts.numbers }
        var next = 0
        return counts.numbers.map { found in
            guard found < 0 else { return found }
            let number = table.number(of: next, in: unknown)
            if Int(number) == terms.count {
                terms.append(unknown.string(next))
                postings.append([])
            }
            next += 1
            return number
        }
    }

    /// Room in each term's postings for one batch's documents (`numbers`: each one's terms), grown by at
    /// least a quarter rather than doubled as `append` would: a 10,000-level site has 3.4 million postings,
    /// most in a few long lists, and doubling left room for 5.3 million (42 MB where 27 are used).
    private static func makeRoom(for numbers: [[Int32]], in postings: inout [[Posting]]) {
        var adding = [Int32](repeating: 0, count: postings.count)
        for document in numbers { for term in document { adding[Int(term)] += 1 } }
        for term in adding.indices where adding[term] > 0 {
            let needed = postings[term].count + Int(adding[term])
            let capacity = postings[term].capacity
            if needed > capacity { postings[term].reserveCapacity(max(needed, capacity + capacity / 4)) }
        }
    }

    /// Where `document` is, or would go, in postings sorted by document (nil: after the last).
    private static func position(of document: Int32, in list: [Posting]) -> Int? {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].document < document { low = mid + 1 } else { high = mid }
        }
        return low < list.count ? low : nil
    }

    /// A flag for the document's own title or heading in the top bit, the weighted title and heading
    /// count in the next 15 bits, the body count in the low 16.
    private static func pack(short: Int, body: Int, own: Bool) -> UInt32 {
        (own ? 1 << 31 : 0) | UInt32(min(short, 0x7FFF)) << 16 | UInt32(min(body, 0xFFFF))
    }

    /// Turns the packed counts of `term`'s postings into scores, in place.
    private mutating func score(term: Int, bodyLength: (Int) -> Int32) {
        let idf = idf(term)
        for n in postings[term].indices {
            let packed = UInt32(bitPattern: postings[term][n].score)
            postings[term][n].score = Self.score(packed: packed, idf: idf, bodyLength: bodyLength(Int(postings[term][n].document)),
                                                 averageBody: averageBody)
        }
    }

    /// The score of one posting of `term` (whose postings are all in place) from its packed counts.
    private func score(packed: UInt32, term: Int, bodyLength: Int32) -> Int32 {
        Self.score(packed: packed, idf: idf(term), bodyLength: bodyLength, averageBody: averageBody)
    }

    private func idf(_ term: Int) -> Double {
        let count = Double(max(1, documentCount))
        let df = Double(postings[term].count)
        return log(1 + (count - df + 0.5) / (df + 0.5))
    }

    private static func score(packed: UInt32, idf: Double, bodyLength: Int32, averageBody: Double) -> Int32 {
        let bodyNorm = 1 - b + b * Double(bodyLength) / averageBody
        let frequency = Double(packed >> 16 & 0x7FFF) + Double(packed & 0xFFFF) / bodyNorm
        let bonus = packed >> 31 == 1 ? ownHeadingBonus : 0
        let score = idf * (frequency * (k1 + 1) / (frequency + k1) + bonus)
        return Int32(max(1, (score * 10).rounded()))
    }

    /// One document's terms in the order first met, each by its number in the table they were looked up
    /// in (-1: not there, then it is the next term of `unknown`), with their counts packed (see `pack`),
    /// and its body length.
    struct Counts {
        var numbers: [Int32]
        var packed: [UInt32]
        var unknown: SearchTermTable?
        var bodyLength: Int
    }

    /// Counts the terms of one document as bytes, in a table of the document's own: no String is made.
    private struct Counter: SearchTermSink {
        struct Weights {
            var short = 0
            var body = 0
            var own = false
        }
        var terms = SearchTermTable(capacity: 64)
        var weights: [Weights] = []
        var bodyLength = 0
        /// What the terms being read weigh: in the title or heading (`short` > 0), else the body.
        var short = 0
        var own = false

        mutating func take(_ term: UnsafeBufferPointer<UInt8>) {
            let local = Int(terms.number(term))
            if local == weights.count { weights.append(Weights()) }
            if short > 0 {
                weights[local].short += short
                if own { weights[local].own = true }
            } else {
                weights[local].body += bodyWeight
                bodyLength += 1
            }
        }
    }

    /// The counts of `documents`, on every core, with their terms looked up in `known` (nothing is
    /// numbered). Each core takes runs of consecutive documents (mostly one page's sections, whose text
    /// they share).
    private static func count(_ corpus: SearchCorpus, _ documents: [Int], known: SearchTermTable) -> [Counts] {
        SearchIndexLayout.slices(documents.count, by: 32).parallelMap { run in
            var scratch: [UInt8] = []
            return run.map { count(corpus, documents[$0], known: known, scratch: &scratch) }
        }.flatMap { $0 }
    }

    /// Document `number`'s terms with their weighted (title, heading) and body counts, whether the term
    /// is in the document's own title or heading (not one inherited from its page), and its body length.
    private static func count(_ corpus: SearchCorpus, _ number: Int, known: SearchTermTable, scratch: inout [UInt8]) -> Counts {
        var counter = Counter()
        // The two fields, not the entry: a copy of it per document was most of this function's own time.
        var title = corpus.entries[number].title, heading = corpus.entries[number].heading
        let isSection = !heading.isEmpty
        (counter.short, counter.own) = (isSection ? inheritedTitleWeight : pageTitleWeight, !isSection)
        title.withUTF8 { SearchTokenizer.forEachTerm(utf8: $0, scratch: &scratch, into: &counter) }
        (counter.short, counter.own) = (headingWeight, true)
        heading.withUTF8 { SearchTokenizer.forEachTerm(utf8: $0, scratch: &scratch, into: &counter) }
        (counter.short, counter.own) = (0, false)
        corpus.forEachTextPiece(number) { SearchTokenizer.forEachTerm(utf8: $0, scratch: &scratch, into: &counter) }
        let packed = counter.weights.map { pack(short: $0.short, body: $0.body, own: $0.own) }
        var unknown: SearchTermTable?
        let numbers = (0..<counter.terms.count).map { local -> Int32 in
            if let number = known.existingNumber(of: local, in: counter.terms) { return number }
            if unknown == nil { unknown = SearchTermTable(capacity: 8) }
            _ = unknown!.number(of: local, in: counter.terms)
            return -1
        }
        return Counts(numbers: numbers, packed: packed, unknown: unknown, bodyLength: counter.bodyLength)
    }
}
