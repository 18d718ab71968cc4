import Foundation

/// Scores every (term, document) pair at build time, so the browser only adds numbers.
///
/// BM25F-style: a term counts more in the title and heading than in the body (title > heading > body),
/// and only the body is normalised by its length (a title is short whatever the page's length). A section inherits its page's title at a low weight, so
/// "senior impact" finds the Impact section of the Senior level, while "senior" alone ranks the level
/// page itself above its sections.
struct SearchScoring {
    /// Weight of one occurrence, by where it occurs.
    static let pageTitleWeight = 10.0
    static let headingWeight = 6.0
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
        // Per document: weighted title/heading counts (short fields, not length-normalised) and body
        // counts with the body length, normalised as in BM25.
        // Tokenising is most of the work and each document is independent: spread it over all cores.
        let fields = corpus.documents.parallelMap { document -> (short: [String: Double], body: [String: Double], bodyLength: Double) in
            var short: [String: Double] = [:], body: [String: Double] = [:]
            let titleWeight = document.isSection ? Self.inheritedTitleWeight : Self.pageTitleWeight
            for term in SearchTokenizer.terms(document.title) { short[term, default: 0] += titleWeight }
            for term in SearchTokenizer.terms(document.heading) { short[term, default: 0] += Self.headingWeight }
            let bodyTerms = SearchTokenizer.terms(document.text)
            for term in bodyTerms { body[term, default: 0] += Self.bodyWeight }
            return (short, body, Double(bodyTerms.count))
        }
        let count = Double(max(1, corpus.documents.count))
        let averageBody = max(1, fields.reduce(0) { $0 + $1.bodyLength } / count)
        var documentFrequency: [String: Int] = [:]
        for f in fields {
            for term in f.short.keys { documentFrequency[term, default: 0] += 1 }
            for term in f.body.keys where f.short[term] == nil { documentFrequency[term, default: 0] += 1 }
        }

        var postings: [String: [Posting]] = [:]
        for (document, f) in fields.enumerated() {
            let bodyNorm = 1 - Self.b + Self.b * f.bodyLength / averageBody
            var tf = f.short
            for (term, n) in f.body { tf[term, default: 0] += n / bodyNorm }
            for (term, frequency) in tf {
                let df = Double(documentFrequency[term]!)
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                let score = idf * frequency * (Self.k1 + 1) / (frequency + Self.k1)
                postings[term, default: []].append(Posting(document: document, score: max(1, Int((score * 10).rounded()))))
            }
        }
        self.postings = postings
    }
}
