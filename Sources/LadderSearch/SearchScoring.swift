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

    /// Every term, in no particular order; `postings[i]` belongs to `terms[i]`, in document order.
    let terms: [String]
    let postings: [[Posting]]

    init(corpus: SearchCorpus) {
        var termNumbers: [String: Int32] = [:]
        var terms: [String] = []
        // Pass 1 files each document's counts straight under its terms, packed where the score will go
        // (a flag for the document's own title or heading in the top bit, the weighted title and heading
        // count in the next 15 bits, the body count in the low 16); pass 2 turns
        // them into scores in place. A 10,000-page site has millions of postings: one copy only.
        var postings: [[Posting]] = []
        var bodyLengths: [Float] = []
        bodyLengths.reserveCapacity(corpus.count)
        // Tokenising is most of the work and each document is independent: batches are spread over all
        // cores, and each batch's word counts are filed before the next.
        let batchSize = 1_024
        for start in stride(from: 0, to: corpus.count, by: batchSize) {
            let batch = Array(start..<min(start + batchSize, corpus.count))
            let counted = batch.parallelMap { Self.count(corpus.document($0)) }
            for (offset, (counts, bodyLength)) in counted.enumerated() {
                let document = Int32(start + offset)
                // Numbering order does not matter: terms are sorted when the files are written.
                for (term, weights) in counts {
                    let number: Int
                    if let known = termNumbers[term] {
                        number = Int(known)
                    } else {
                        number = terms.count
                        termNumbers[term] = Int32(number)
                        terms.append(term)
                        postings.append([])
                    }
                    let packed = (weights.own ? 1 << 31 : 0) | UInt32(min(weights.short, 0x7FFF)) << 16
                        | UInt32(min(weights.body, 0xFFFF))
                    postings[number].append(Posting(document: document, score: Int32(bitPattern: packed)))
                }
                bodyLengths.append(Float(bodyLength))
            }
        }

        let count = Double(max(1, corpus.count))
        let averageBody = max(1, Double(bodyLengths.reduce(0, +)) / count)
        for term in postings.indices {
            let df = Double(postings[term].count)
            let idf = log(1 + (count - df + 0.5) / (df + 0.5))
            for n in postings[term].indices {
                let packed = UInt32(bitPattern: postings[term][n].score)
                let document = Int(postings[term][n].document)
                let bodyNorm = 1 - Self.b + Self.b * Double(bodyLengths[document]) / averageBody
                let frequency = Double(packed >> 16 & 0x7FFF) + Double(packed & 0xFFFF) / bodyNorm
                let bonus = packed >> 31 == 1 ? Self.ownHeadingBonus : 0
                let score = idf * (frequency * (Self.k1 + 1) / (frequency + Self.k1) + bonus)
                postings[term][n].score = Int32(max(1, (score * 10).rounded()))
            }
        }
        self.terms = terms
        self.postings = postings
    }

    /// A document's terms with their weighted (title, heading) and body counts, whether the term is in
    /// the document's own title or heading (not one inherited from its page), and its body length.
    private static func count(_ document: SearchDocument) -> ([String: (short: Int, body: Int, own: Bool)], Int) {
        var counts: [String: (short: Int, body: Int, own: Bool)] = [:]
        let titleWeight = document.isSection ? inheritedTitleWeight : pageTitleWeight
        for term in SearchTokenizer.terms(document.title) {
            counts[term, default: (0, 0, false)].short += titleWeight
            if !document.isSection { counts[term]!.own = true }
        }
        for term in SearchTokenizer.terms(document.heading) {
            counts[term, default: (0, 0, false)].short += headingWeight
            counts[term]!.own = true
        }
        var bodyLength = 0
        SearchTokenizer.forEachTerm(document.text) { term in
            counts[term, default: (0, 0, false)].body += bodyWeight
            bodyLength += 1
        }
        return (counts, bodyLength)
    }
}
