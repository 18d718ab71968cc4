import Foundation

/// Scores every (term, document) pair at build time, so the browser only adds numbers.
///
/// BM25 over one bag of words in which a term counts more in the title and heading than in the body
/// (the BM25F idea): title > heading > body. A section inherits its page's title at a low weight, so
/// "senior impact" finds the Impact section of the Senior level, while "senior" alone ranks the level
/// page itself above its sections.
struct SearchScoring {
    /// Weight of one occurrence, by where it occurs.
    static let pageTitleWeight = 6.0
    static let headingWeight = 4.0
    static let inheritedTitleWeight = 3.0
    static let bodyWeight = 1.0
    static let k1 = 1.2
    static let b = 0.75

    /// A posting: document number and score (BM25 × 10, rounded; at least 1: a tenth is fine enough to rank).
    struct Posting: Equatable {
        var document: Int
        var score: Int
    }

    /// Term → postings in document order. Terms are unique; order is not meaningful here.
    let postings: [String: [Posting]]

    init(corpus: SearchCorpus) {
        var weighted: [[String: Double]] = []
        var lengths: [Double] = []
        weighted.reserveCapacity(corpus.documents.count)
        for document in corpus.documents {
            var tf: [String: Double] = [:]
            let titleWeight = document.isSection ? Self.inheritedTitleWeight : Self.pageTitleWeight
            let title = SearchTokenizer.terms(document.title)
            let heading = SearchTokenizer.terms(document.heading)
            let body = SearchTokenizer.terms(document.text)
            for term in title { tf[term, default: 0] += titleWeight }
            for term in heading { tf[term, default: 0] += Self.headingWeight }
            for term in body { tf[term, default: 0] += Self.bodyWeight }
            weighted.append(tf)
            lengths.append(Double(heading.count + body.count + (document.isSection ? 0 : title.count)))
        }
        let count = Double(max(1, corpus.documents.count))
        let averageLength = max(1, lengths.reduce(0, +) / count)
        var documentFrequency: [String: Int] = [:]
        for tf in weighted { for term in tf.keys { documentFrequency[term, default: 0] += 1 } }

        var postings: [String: [Posting]] = [:]
        for (document, tf) in weighted.enumerated() {
            let norm = Self.k1 * (1 - Self.b + Self.b * lengths[document] / averageLength)
            for (term, frequency) in tf {
                let df = Double(documentFrequency[term]!)
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                let score = idf * frequency * (Self.k1 + 1) / (frequency + norm)
                postings[term, default: []].append(Posting(document: document, score: max(1, Int((score * 10).rounded()))))
            }
        }
        self.postings = postings
    }
}
