import Foundation

/// Scores every (term, document) pair at build time, so the browser only adds numbers.
///
/// BM25F-style: a term counts more in the title and heading than in the body (title > heading > body),
/// and only the body is normalised by its length (a title is short whatever the page's length). A
/// section inherits its page's title at a lower weight, so "senior impact" finds the Impact section of
/// the Senior level, while "senior" alone ranks the level page itself above its sections.
struct SearchScoring {
    /// Weight of one occurrence, by where it occurs.
    static let pageTitleWeight: Float = 10
    static let headingWeight: Float = 6
    static let inheritedTitleWeight: Float = 3
    static let bodyWeight: Float = 1
    static let k1 = 1.2
    static let b = 0.75

    /// A posting: document number and score (BM25 × 10, rounded; at least 1: a tenth is fine enough to rank).
    struct Posting: Equatable {
        var document: Int32
        var score: Int32
    }

    /// Every term, in no particular order; `postings[i]` belongs to `terms[i]`, in document order.
    let terms: [String]
    let postings: [[Posting]]

    /// One term of one document: weighted title/heading count (short fields, not length-normalised)
    /// and body count. Terms are numbers into `terms`, so 60,000 documents take tens of MB, not hundreds.
    private struct Occurrence {
        var term: Int32
        var short: Float
        var body: Float
    }

    init(corpus: SearchCorpus) {
        var termNumbers: [String: Int32] = [:]
        var terms: [String] = []
        var occurrences: [[Occurrence]] = []
        var bodyLengths: [Float] = []
        occurrences.reserveCapacity(corpus.documents.count)
        // Tokenising is most of the work and each document is independent: batches are spread over all
        // cores, and each batch's word counts are folded into compact occurrences before the next.
        let batchSize = 2_048
        for start in stride(from: 0, to: corpus.documents.count, by: batchSize) {
            let batch = corpus.documents[start..<min(start + batchSize, corpus.documents.count)]
            let counted = Array(batch).parallelMap(Self.count)
            for (counts, bodyLength) in counted {
                var row: [Occurrence] = []
                row.reserveCapacity(counts.count)
                // Numbering order does not matter: terms are sorted when the files are written.
                for (term, weights) in counts {
                    let number: Int32
                    if let known = termNumbers[term] {
                        number = known
                    } else {
                        number = Int32(terms.count)
                        termNumbers[term] = number
                        terms.append(term)
                    }
                    row.append(Occurrence(term: number, short: weights.short, body: weights.body))
                }
                occurrences.append(row)
                bodyLengths.append(bodyLength)
            }
        }

        let count = Double(max(1, corpus.documents.count))
        let averageBody = max(1, Double(bodyLengths.reduce(0, +)) / count)
        var documentFrequency = [Int](repeating: 0, count: terms.count)
        for row in occurrences { for occurrence in row { documentFrequency[Int(occurrence.term)] += 1 } }
        let idf = documentFrequency.map { df in log(1 + (count - Double(df) + 0.5) / (Double(df) + 0.5)) }

        var postings = [[Posting]](repeating: [], count: terms.count)
        for (document, row) in occurrences.enumerated() {
            let bodyNorm = 1 - Self.b + Self.b * Double(bodyLengths[document]) / averageBody
            for occurrence in row {
                let frequency = Double(occurrence.short) + Double(occurrence.body) / bodyNorm
                let score = idf[Int(occurrence.term)] * frequency * (Self.k1 + 1) / (frequency + Self.k1)
                postings[Int(occurrence.term)].append(Posting(document: Int32(document),
                                                              score: Int32(max(1, (score * 10).rounded()))))
            }
        }
        self.terms = terms
        self.postings = postings
    }

    /// A document's terms with their weighted (title, heading) and body counts, and its body length.
    private static func count(_ document: SearchDocument) -> ([String: (short: Float, body: Float)], Float) {
        var counts: [String: (short: Float, body: Float)] = [:]
        let titleWeight = document.isSection ? inheritedTitleWeight : pageTitleWeight
        for term in SearchTokenizer.terms(document.title) { counts[term, default: (0, 0)].short += titleWeight }
        for term in SearchTokenizer.terms(document.heading) { counts[term, default: (0, 0)].short += headingWeight }
        let body = SearchTokenizer.terms(document.text)
        for term in body { counts[term, default: (0, 0)].body += bodyWeight }
        return (counts, Float(body.count))
    }
}
