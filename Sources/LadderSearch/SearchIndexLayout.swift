import LadderCore
import LadderModel
import LadderMarkdown

/// The search index as files under `/search/`, each named after its content so it can be cached forever.
///
/// - `index.<hash>.json`, the only file every search loads: shard table, facets (tracks and levels as
///   ranges of document numbers), text-chunk table and, on small sites, every document's URL, title
///   and heading, plus the whole term table inline (a query then needs this file and one text chunk).
/// - `terms.<hash>.json`: term → postings, sorted by term and cut into shards of about
///   `shardTarget` bytes. A query fetches only the shards that hold the terms it needs.
/// - `vocab.<hash>.json`: on sharded sites, the terms starting with one letter, so prefix and typo
///   matching can pick terms without fetching every shard of that letter.
/// - `text.<hash>.json`: snippet text of consecutive documents, about `chunkTarget` bytes each.
/// - `levels.<hash>.json`: on sites with many levels, one track's levels and their document ranges.
///
/// Postings are flat `[documentDelta, score, documentDelta, score, …]` arrays.
public struct SearchIndex: Sendable, Equatable {
    /// Names of the files written (in `search/`), in name order.
    public var fileNames: [String]
    /// The file the search page loads first.
    public var metaName: String
}

package struct SearchIndexLayout {
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

    /// Writes every file through `write(name, content)` as soon as it is made (a 10,000-page site's
    /// index is tens of MB: it is never held whole).
    func write(_ corpus: SearchCorpus, _ scoring: SearchScoring,
               to write: @escaping (String, String) throws -> Void) throws -> SearchIndex {
        var files = Files(write: write)
        var meta: [(String, String)] = [("v", "1"), ("n", String(corpus.count))]
        meta += try termTables(scoring, &files)
        meta.append(("chunks", try textChunks(corpus, &files)))
        meta.append(("tracks", try trackFacets(corpus, &files)))
        if corpus.count <= documentsInMetaLimit {
            meta.append(("docs", JSONText.array(corpus.entries.map { JSONText.strings([$0.url, $0.title, $0.heading]) })))
        }
        let metaName = try files.store("index", JSONText.object(meta))
        return SearchIndex(fileNames: files.names.sorted(), metaName: metaName)
    }

    /// Files named by kind and content hash, written as they are made.
    struct Files {
        let write: (String, String) throws -> Void
        var names: Set<String> = []

        mutating func store(_ kind: String, _ content: String) throws -> String {
            let name = "\(kind).\(ContentHash.hex(content.utf8)).json"
            if names.insert(name).inserted { try write(name, content) }
            return name
        }
    }

    /// Consecutive items of these sizes cut into ranges of about `target` bytes (at least one item each).
    static func pack(_ sizes: [Int], target: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, bytes = 0
        for (index, size) in sizes.enumerated() {
            if index > start && bytes + size > target {
                ranges.append(start..<index)
                start = index
                bytes = 0
            }
            bytes += size
        }
        if start < sizes.count { ranges.append(start..<sizes.count) }
        return ranges
    }

    /// The term table: inline when small (`terms`), else shards by term range (`shards`) and one
    /// vocabulary file per first letter (`vocab`).
    func termTables(_ scoring: SearchScoring, _ files: inout Files) throws -> [(String, String)] {
        let order = scoring.terms.indices.sorted { SearchTokenizer.precedes(scoring.terms[$0], scoring.terms[$1]) }
        let terms = order.map { scoring.terms[$0] }
        // Postings as [documentDelta, score, …]: small numbers, few digits. Written straight into a shard's
        // bytes (a 10,000-page site has millions; an array and a string per number were most of this stage).
        func appendPostings(_ position: Int, to out: inout [UInt8]) {
            out.append(UInt8(ascii: "["))
            var previous: Int32 = 0
            for (n, posting) in scoring.postings[order[position]].enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendInt(Int(posting.document - previous), to: &out)
                out.append(UInt8(ascii: ","))
                JSONText.appendInt(Int(posting.score), to: &out)
                previous = posting.document
            }
            out.append(UInt8(ascii: "]"))
        }
        func postingsLength(_ position: Int) -> Int {
            let postings = scoring.postings[order[position]]
            var length = 2 + max(0, postings.count * 2 - 1)
            var previous: Int32 = 0
            for posting in postings {
                length += JSONText.digits(Int(posting.document - previous)) + JSONText.digits(Int(posting.score))
                previous = posting.document
            }
            return length
        }
        // `{"t":[terms…],"p":[[postings]…]}`
        func table(_ range: Range<Int>) -> String {
            var out: [UInt8] = Array(#"{"t":["#.utf8)
            for position in range {
                if position > range.lowerBound { out.append(UInt8(ascii: ",")) }
                out += JSONText.string(terms[position]).utf8
            }
            out += #"],"p":["#.utf8
            for position in range {
                if position > range.lowerBound { out.append(UInt8(ascii: ",")) }
                appendPostings(position, to: &out)
            }
            out += "]}".utf8
            return String(decoding: out, as: UTF8.self)
        }
        let sizes = terms.indices.map { terms[$0].utf8.count + postingsLength($0) + 4 }
        if sizes.reduce(0, +) <= inlineLimit {
            return [("terms", table(terms.indices))]
        }
        let shards = try Self.pack(sizes, target: shardTarget).map { shard in
            JSONText.array([JSONText.string(terms[shard.lowerBound]), JSONText.string(try files.store("terms", table(shard)))])
        }
        var byInitial: [(initial: String, terms: [String])] = []
        for term in terms {
            let initial = String(term.unicodeScalars.first!)
            if byInitial.last?.initial == initial { byInitial[byInitial.count - 1].terms.append(term) } else { byInitial.append((initial, [term])) }
        }
        let vocab = try byInitial.map { ($0.initial, JSONText.string(try files.store("vocab", JSONText.strings($0.terms)))) }
        return [("shards", JSONText.array(shards)), ("vocab", JSONText.object(vocab))]
    }

    /// Snippet text in chunks of consecutive documents; the table lists each chunk's first document.
    /// When the always-loaded file does not list the documents, each record also has URL, title and heading.
    func textChunks(_ corpus: SearchCorpus, _ files: inout Files) throws -> String {
        let titlesInMeta = corpus.count <= documentsInMetaLimit
        var table: [String] = []
        var chunk: [String] = [], first = 0, bytes = 0
        func flush() throws {
            guard !chunk.isEmpty else { return }
            table.append(JSONText.array([String(first), JSONText.string(try files.store("text", JSONText.array(chunk)))]))
            chunk = []
            bytes = 0
        }
        func record(_ number: Int) -> String {
            let document = corpus.entries[number]
            let text = JSONText.string(clipped(corpus.text(number)))
            return titlesInMeta ? text : JSONText.array([
                JSONText.string(document.url), JSONText.string(document.title), JSONText.string(document.heading), text,
            ])
        }
        // Records are made a batch at a time on every core (putting each text together and escaping it
        // was a fifth of the index's time, on one core), so the whole site's text is never held as JSON at once.
        let batchSize = 1_024
        for start in stride(from: 0, to: corpus.count, by: batchSize) {
            let records = Array(start..<min(start + batchSize, corpus.count)).parallelMap(record)
            for (offset, record) in records.enumerated() {
                if !chunk.isEmpty && bytes + record.utf8.count + 1 > chunkTarget { try flush() }
                if chunk.isEmpty { first = start + offset }
                chunk.append(record)
                bytes += record.utf8.count + 1
            }
        }
        try flush()
        return JSONText.array(table)
    }

    /// Tracks as `[id, title, firstDocument, endDocument, levels]`; `levels` is the list of
    /// `[id, title, firstDocument, endDocument]`, or the name of a file holding it on sites with many levels.
    func trackFacets(_ corpus: SearchCorpus, _ files: inout Files) throws -> String {
        let levelsInMeta = corpus.tracks.reduce(0) { $0 + $1.levels.count } <= levelsInMetaLimit
        return JSONText.array(try corpus.tracks.map { track in
            let levels = JSONText.array(track.levels.map { level in
                JSONText.array([JSONText.string(level.id), JSONText.string(level.title),
                                String(level.documents.lowerBound), String(level.documents.upperBound)])
            })
            return JSONText.array([
                JSONText.string(track.id), JSONText.string(track.title),
                String(track.documents.lowerBound), String(track.documents.upperBound),
                levelsInMeta ? levels : JSONText.string(try files.store("levels", levels)),
            ])
        })
    }

    /// The first `textLimit` characters, cut at a space.
    func clipped(_ text: String) -> String {
        guard text.utf8.count > textLimit, text.count > textLimit else { return text }
        var cut = text.prefix(textLimit)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + " …"
    }
}
