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
        var files = Files()
        var meta: [(String, String)] = [("v", "1"), ("n", String(corpus.documents.count))]
        meta += termTables(scoring, &files)
        meta.append(("chunks", textChunks(corpus, &files)))
        meta.append(("tracks", trackFacets(corpus, &files)))
        if corpus.documents.count <= documentsInMetaLimit {
            meta.append(("docs", JSONText.array(corpus.documents.map { JSONText.strings([$0.url, $0.title, $0.heading]) })))
        }
        let metaName = files.store("index", JSONText.object(meta))
        return SearchIndex(files: files.contents, metaName: metaName)
    }

    /// Files named by kind and content hash.
    struct Files {
        var contents: [String: String] = [:]

        mutating func store(_ kind: String, _ content: String) -> String {
            let name = "\(kind).\(ContentHash.hex(content.utf8)).json"
            contents[name] = content
            return name
        }
    }

    /// Consecutive (JSON) items cut into groups of about `target` bytes: (index of each group's first item, items).
    static func pack(_ items: [String], target: Int) -> [(first: Int, items: [String])] {
        var groups: [(first: Int, items: [String])] = []
        var bytes = 0
        for (index, item) in items.enumerated() {
            let size = item.utf8.count + 1
            if groups.isEmpty || (bytes + size > target && !groups[groups.count - 1].items.isEmpty) {
                groups.append((index, []))
                bytes = 0
            }
            groups[groups.count - 1].items.append(item)
            bytes += size
        }
        return groups
    }

    /// The term table: inline when small (`terms`), else shards by term range (`shards`) and one
    /// vocabulary file per first letter (`vocab`).
    func termTables(_ scoring: SearchScoring, _ files: inout Files) -> [(String, String)] {
        let terms = scoring.postings.keys.sorted(by: SearchTokenizer.precedes)
        // Postings as [documentDelta, score, …]: small numbers, few digits.
        let postings = terms.map { term -> String in
            var flat: [Int] = []
            var previous = 0
            for posting in scoring.postings[term]! {
                flat += [posting.document - previous, posting.score]
                previous = posting.document
            }
            return JSONText.ints(flat)
        }
        func table(_ range: Range<Int>) -> String {
            JSONText.object([("t", JSONText.strings(Array(terms[range]))), ("p", JSONText.array(Array(postings[range])))])
        }
        let entries = zip(terms, postings).map { JSONText.string($0) + $1 }   // only to measure sizes
        if entries.reduce(0, { $0 + $1.utf8.count + 2 }) <= inlineLimit {
            return [("terms", table(terms.indices))]
        }
        let shards = Self.pack(entries, target: shardTarget).map { shard in
            JSONText.array([JSONText.string(terms[shard.first]),
                            JSONText.string(files.store("terms", table(shard.first..<shard.first + shard.items.count)))])
        }
        var byInitial: [(initial: String, terms: [String])] = []
        for term in terms {
            let initial = String(term.unicodeScalars.first!)
            if byInitial.last?.initial == initial { byInitial[byInitial.count - 1].terms.append(term) } else { byInitial.append((initial, [term])) }
        }
        let vocab = byInitial.map { ($0.initial, JSONText.string(files.store("vocab", JSONText.strings($0.terms)))) }
        return [("shards", JSONText.array(shards)), ("vocab", JSONText.object(vocab))]
    }

    /// Snippet text in chunks of consecutive documents; the table lists each chunk's first document.
    /// When the always-loaded file does not list the documents, each record also has URL, title and heading.
    func textChunks(_ corpus: SearchCorpus, _ files: inout Files) -> String {
        let titlesInMeta = corpus.documents.count <= documentsInMetaLimit
        let records = corpus.documents.map { document -> String in
            let text = JSONText.string(clipped(document.text))
            return titlesInMeta ? text : JSONText.array([
                JSONText.string(document.url), JSONText.string(document.title), JSONText.string(document.heading), text,
            ])
        }
        return JSONText.array(Self.pack(records, target: chunkTarget).map { chunk in
            JSONText.array([String(chunk.first), JSONText.string(files.store("text", JSONText.array(chunk.items)))])
        })
    }

    /// Tracks as `[id, title, firstDocument, endDocument, levels]`; `levels` is the list of
    /// `[id, title, firstDocument, endDocument]`, or the name of a file holding it on sites with many levels.
    func trackFacets(_ corpus: SearchCorpus, _ files: inout Files) -> String {
        let levelsInMeta = corpus.tracks.reduce(0) { $0 + $1.levels.count } <= levelsInMetaLimit
        return JSONText.array(corpus.tracks.map { track in
            let levels = JSONText.array(track.levels.map { level in
                JSONText.array([JSONText.string(level.id), JSONText.string(level.title),
                                String(level.documents.lowerBound), String(level.documents.upperBound)])
            })
            return JSONText.array([
                JSONText.string(track.id), JSONText.string(track.title),
                String(track.documents.lowerBound), String(track.documents.upperBound),
                levelsInMeta ? levels : JSONText.string(files.store("levels", levels)),
            ])
        })
    }

    /// The first `textLimit` characters, cut at a space.
    func clipped(_ text: String) -> String {
        guard text.count > textLimit else { return text }
        var cut = text.prefix(textLimit)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + " …"
    }
}
