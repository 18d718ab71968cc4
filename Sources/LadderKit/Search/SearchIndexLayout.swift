/// The search index as files under `/search/`, each named after its content so it can be cached forever.
///
/// - `index.<hash>.json`, the only file every search loads: shard table, facets (tracks and levels as
///   ranges of document numbers), text-chunk table and, on small sites, every document's URL, title
///   and heading, plus the whole term table inline (one request answers a query).
/// - `terms.<hash>.json`: term → postings, sorted by term and cut into shards of about
///   `shardTarget` bytes. A query fetches only the shards that hold the terms it needs.
/// - `vocab.<hash>.json`: on sharded sites, the terms starting with one letter, so prefix and typo
///   matching can pick terms without fetching every shard of that letter.
/// - `text.<hash>.json`: snippet text of consecutive documents, about `chunkTarget` bytes each.
/// - `levels.<hash>.json`: on sites with many levels, one track's levels and their document ranges.
///
/// Postings are flat `[documentDelta, score, documentDelta, score, …]` arrays.
public struct SearchIndex: Sendable, Equatable {
    /// File name (in `search/`) → content, in name order.
    public var files: [String: String]
    /// The file the search page loads first.
    public var metaName: String
}

struct SearchIndexLayout {
    var shardTarget = 32_000
    /// Up to this many bytes of terms and postings, they go in the always-loaded file: a careers site
    /// of a few dozen pages then answers every query from one file plus one text chunk.
    var inlineLimit = 64_000
    var chunkTarget = 32_000
    /// Up to this many documents, titles and headings go in the always-loaded file.
    var documentsInMetaLimit = 2_000
    /// Up to this many levels in all, every track's levels go in the always-loaded file; above, each
    /// track's levels are a file of their own, fetched when a search filters by that track.
    var levelsInMetaLimit = 500
    /// Characters of a document's text kept for its snippet.
    var textLimit = 1_000

    func build(_ corpus: SearchCorpus, _ scoring: SearchScoring) -> SearchIndex {
        var files: [String: String] = [:]
        func store(_ kind: String, _ content: String) -> String {
            let name = "\(kind).\(ContentHash.hex(content.utf8)).json"
            files[name] = content
            return name
        }

        // Term shards.
        let terms = scoring.postings.keys.sorted(by: SearchTokenizer.precedes)
        var shards: [(first: String, terms: [String], postings: [String], bytes: Int)] = []
        var encoded: [(term: String, postings: String)] = []
        for term in terms {
            var flat: [Int] = []
            var previous = 0
            for posting in scoring.postings[term]! {
                flat.append(posting.document - previous)
                flat.append(posting.score)
                previous = posting.document
            }
            encoded.append((term, JSONText.ints(flat)))
        }
        let total = encoded.reduce(0) { $0 + $1.postings.utf8.count + $1.term.utf8.count + 4 }
        let target = total <= inlineLimit ? Int.max : shardTarget
        for (term, postings) in encoded {
            let size = postings.utf8.count + term.utf8.count + 4
            if shards.isEmpty || shards[shards.count - 1].bytes + size > target && !shards[shards.count - 1].terms.isEmpty {
                shards.append((term, [], [], 0))
            }
            shards[shards.count - 1].terms.append(term)
            shards[shards.count - 1].postings.append(postings)
            shards[shards.count - 1].bytes += size
        }
        func shardJSON(_ shard: (first: String, terms: [String], postings: [String], bytes: Int)) -> String {
            JSONText.object([("t", JSONText.strings(shard.terms)), ("p", JSONText.array(shard.postings))])
        }

        var meta: [(String, String)] = [("v", "1"), ("n", String(corpus.documents.count))]
        if shards.count <= 1 {
            meta.append(("terms", shardJSON(shards.first ?? ("", [], [], 0))))
        } else {
            meta.append(("shards", JSONText.array(shards.map { shard in
                JSONText.array([JSONText.string(shard.first), JSONText.string(store("terms", shardJSON(shard)))])
            })))
            var byInitial: [(String, [String])] = []
            for term in terms {
                let initial = String(term.unicodeScalars.first!)
                if byInitial.last?.0 == initial { byInitial[byInitial.count - 1].1.append(term) } else { byInitial.append((initial, [term])) }
            }
            meta.append(("vocab", JSONText.object(byInitial.map { ($0.0, JSONText.string(store("vocab", JSONText.strings($0.1)))) })))
        }

        // Snippet text, in chunks of consecutive documents.
        let titlesInMeta = corpus.documents.count <= documentsInMetaLimit
        var chunks: [(first: Int, records: [String], bytes: Int)] = []
        for (number, document) in corpus.documents.enumerated() {
            let text = JSONText.string(clipped(document.text))
            let record = titlesInMeta ? text : JSONText.array([
                JSONText.string(document.url), JSONText.string(document.title), JSONText.string(document.heading), text,
            ])
            let size = record.utf8.count + 1
            if chunks.isEmpty || chunks[chunks.count - 1].bytes + size > chunkTarget && !chunks[chunks.count - 1].records.isEmpty {
                chunks.append((number, [], 0))
            }
            chunks[chunks.count - 1].records.append(record)
            chunks[chunks.count - 1].bytes += size
        }
        meta.append(("chunks", JSONText.array(chunks.map { chunk in
            JSONText.array([String(chunk.first), JSONText.string(store("text", JSONText.array(chunk.records)))])
        })))
        let levelsInMeta = corpus.tracks.reduce(0) { $0 + $1.levels.count } <= levelsInMetaLimit
        meta.append(("tracks", JSONText.array(corpus.tracks.map { track in
            let levels = JSONText.array(track.levels.map { level in
                JSONText.array([JSONText.string(level.id), JSONText.string(level.title),
                                String(level.documents.lowerBound), String(level.documents.upperBound)])
            })
            return JSONText.array([
                JSONText.string(track.id), JSONText.string(track.title),
                String(track.documents.lowerBound), String(track.documents.upperBound),
                levelsInMeta ? levels : JSONText.string(store("levels", levels)),
            ])
        })))
        if titlesInMeta {
            meta.append(("docs", JSONText.array(corpus.documents.map {
                JSONText.strings([$0.url, $0.title, $0.heading])
            })))
        }
        let metaName = store("index", JSONText.object(meta))
        return SearchIndex(files: files, metaName: metaName)
    }

    /// The first `textLimit` characters, cut at a space.
    func clipped(_ text: String) -> String {
        guard text.count > textLimit else { return text }
        var cut = text.prefix(textLimit)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + " …"
    }
}
