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
        var termNumbers: [String: Int32]
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
        var table = SearchTermTable(capacity: 1 << 14)
        var documents: [CountedDocument] = []
        var bodyLengths: [Int32] = []
        bodyLengths.reserveCapacity(corpus.count)
        // Tokenising is most of the work and each document is independent: batches are spread over all
        // cores, and each batch's word counts are filed before the next. Counts are filed straight under
        // their terms, packed where the score will go; scoring then turns them into scores in place
        // (a 10,000-page site has millions of postings: one copy only, unless kept for updates). Terms are
        // numbered by their bytes (`SearchTermTable`): a String is made once per distinct term.
        let batchSize = 1_024
        for start in stride(from: 0, to: corpus.count, by: batchSize) {
            let batch = Array(start..<min(start + batchSize, corpus.count))
            let counted = batch.parallelMap { Self.count(corpus.document($0)) }
            for (offset, counts) in counted.enumerated() {
                let document = Int32(start + offset)
                var numbered: [(term: Int32, packed: UInt32)] = []
                if keys != nil { numbered.reserveCapacity(counts.weights.count) }
                // Numbering order does not matter: terms are sorted when the files are written.
                for local in counts.weights.indices {
                    let number = counts.terms.withBytes(local) { table.number($0) }
                    if Int(number) == terms.count {
                        terms.append(counts.terms.string(local))
                        postings.append([])
                    }
                    let packed = Self.pack(counts.weights[local])
                    postings[Int(number)].append(Posting(document: document, score: Int32(bitPattern: packed)))
                    if keys != nil { numbered.append((number, packed)) }
                }
                bodyLengths.append(Int32(clamping: counts.bodyLength))
                if keys != nil {
                    numbered.sort { $0.term < $1.term }
                    documents.append(CountedDocument(terms: numbered, bodyLength: Int32(clamping: counts.bodyLength)))
                }
            }
        }
        let bodyTotal = bodyLengths.reduce(0) { $0 + Int($1) }
        documentCount = corpus.count
        averageBody = Self.quantised(Double(bodyTotal) / Double(max(1, corpus.count)))
        if let keys {
            let textKeys = Array(0..<corpus.count).parallelMap { corpus.textKey($0) }
            let termNumbers = Dictionary(uniqueKeysWithValues: zip(terms, Int32(0)...))
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
        let recounted = changed.parallelMap { Self.count(corpus.document($0)) }
        for (document, counts) in zip(changed, recounted) {
            let number = Int32(document)
            let bodyLength = counts.bodyLength
            var numbered: [(term: Int32, packed: UInt32)] = counts.weights.indices.map { local in
                let term = counts.terms.string(local)
                let known = kept.termNumbers[term] != nil
                let number = Self.number(term, in: &kept.termNumbers, terms: &next.terms, postings: &next.postings)
                if !known { kept.counts.append([]) }
                return (number, Self.pack(counts.weights[local]))
            }
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
                    i += 1
                } else if b < a {
                    let at = Self.position(of: number, in: kept.counts[Int(b)]) ?? kept.counts[Int(b)].count
                    kept.counts[Int(b)].insert(Posting(document: number, score: Int32(bitPattern: numbered[j].packed)), at: at)
                    touched.insert(b)
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
        for term in rescored {
            next.postings[Int(term)] = kept.counts[Int(term)]
            next.score(term: Int(term), bodyLength: { documents[$0].bodyLength })
        }
        next.kept = kept
        // Scores are rounded to tenths: many a rescored term scores as it did, and its shard can stay.
        let differ = rescored.filter { Int($0) >= known || next.postings[Int($0)] != previous.postings[Int($0)] }
        next.changes = Changes(terms: Set(differ), documents: Set(changed), termList: termList)
        return next
    }

    /// The number of `term`, numbering it (with no postings yet) when it is new.
    private static func number(_ term: String, in numbers: inout [String: Int32], terms: inout [String],
                               postings: inout [[Posting]]) -> Int32 {
        if let known = numbers[term] { return known }
        let number = Int32(terms.count)
        numbers[term] = number
        terms.append(term)
        postings.append([])
        return number
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
    private static func pack(_ weights: (short: Int, body: Int, own: Bool)) -> UInt32 {
        (weights.own ? 1 << 31 : 0) | UInt32(min(weights.short, 0x7FFF)) << 16 | UInt32(min(weights.body, 0xFFFF))
    }

    /// Turns the packed counts of `term`'s postings into scores, in place.
    private mutating func score(term: Int, bodyLength: (Int) -> Int32) {
        let count = Double(max(1, documentCount))
        let df = Double(postings[term].count)
        let idf = log(1 + (count - df + 0.5) / (df + 0.5))
        for n in postings[term].indices {
            let packed = UInt32(bitPattern: postings[term][n].score)
            let bodyNorm = 1 - Self.b + Self.b * Double(bodyLength(Int(postings[term][n].document))) / averageBody
            let frequency = Double(packed >> 16 & 0x7FFF) + Double(packed & 0xFFFF) / bodyNorm
            let bonus = packed >> 31 == 1 ? Self.ownHeadingBonus : 0
            let score = idf * (frequency * (Self.k1 + 1) / (frequency + Self.k1) + bonus)
            postings[term][n].score = Int32(max(1, (score * 10).rounded()))
        }
    }

    /// One document's terms, numbered as first seen, with their weighted (title, heading) and body
    /// counts and whether the term is in the document's own title or heading (not one inherited from its
    /// page); and its body length.
    struct DocumentCounts {
        var terms: SearchTermTable
        var weights: [(short: Int, body: Int, own: Bool)]
        var bodyLength: Int
    }

    private static func count(_ document: SearchDocument) -> DocumentCounts {
        var counts = DocumentCounts(terms: SearchTermTable(capacity: 64), weights: [], bodyLength: 0)
        func slot(_ term: UnsafeBufferPointer<UInt8>) -> Int {
            let local = Int(counts.terms.number(term))
            if local == counts.weights.count { counts.weights.append((0, 0, false)) }
            return local
        }
        let titleWeight = document.isSection ? inheritedTitleWeight : pageTitleWeight
        SearchTokenizer.forEachTermBytes(document.title) { term in
            let local = slot(term)
            counts.weights[local].short += titleWeight
            if !document.isSection { counts.weights[local].own = true }
        }
        SearchTokenizer.forEachTermBytes(document.heading) { term in
            let local = slot(term)
            counts.weights[local].short += headingWeight
            counts.weights[local].own = true
        }
        SearchTokenizer.forEachTermBytes(document.text) { term in
            counts.weights[slot(term)].body += bodyWeight
            counts.bodyLength += 1
        }
        return counts
    }
}
