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

    /// What a layout keeps for the next one (the preview server's), so that after an update only the
    /// files holding a changed term or document are made again: every other shard, vocabulary and
    /// text chunk is the same bytes under the same name.
    package struct Kept {
        /// Terms with postings, in term order.
        var order: [Int32] = []
        var inOrder: [Bool] = []
        /// Per term number: the term as a JSON string, and its postings as a JSON array.
        var termJSON: [[UInt8]] = []
        var postingJSON: [[UInt8]] = []
        /// Shard files by their first term: last term, number of terms, name, content.
        var shards: [Int32: (last: Int32, count: Int, name: String, content: String)] = [:]
        var vocab: (table: [(String, String)], files: [(String, String)])?
        /// Per document, its record in a text chunk; chunk files by first document.
        var records: [String] = []
        var titlesInMeta = false
        var chunks: [Int: (count: Int, name: String, content: String)] = [:]
    }

    /// Writes every file through `write(name, content)` as soon as it is made (a 10,000-page site's
    /// index is tens of MB: it is never held whole, unless `keep`). With what the last layout kept and
    /// the scoring's `changes` since it, files nothing changed in are handed out again as they were.
    func write(_ corpus: SearchCorpus, _ scoring: SearchScoring, previous: Kept? = nil, keep: Bool = false,
               to write: @escaping (String, String) throws -> Void) throws -> (SearchIndex, Kept?) {
        var files = Files(write: write)
        let previous = scoring.changes == nil ? nil : previous
        var kept: Kept? = keep ? Kept() : nil
        var meta: [(String, String)] = [("v", "1"), ("n", String(corpus.count))]
        meta += try termTables(scoring, &files, previous: previous, kept: &kept)
        meta.append(("chunks", try textChunks(corpus, &files, changed: scoring.changes?.documents, previous: previous, kept: &kept)))
        meta.append(("tracks", try trackFacets(corpus, &files)))
        if corpus.count <= documentsInMetaLimit {
            meta.append(("docs", JSONText.array(corpus.entries.map { JSONText.strings([$0.url, $0.title, $0.heading]) })))
        }
        let metaName = try files.store("index", JSONText.object(meta))
        return (SearchIndex(fileNames: files.names.sorted(), metaName: metaName), kept)
    }

    /// Files named by kind and content hash, written as they are made.
    struct Files {
        let write: (String, String) throws -> Void
        var names: Set<String> = []

        mutating func store(_ kind: String, _ content: String) throws -> String {
            let name = Self.name(kind, content)
            try store(name: name, content)
            return name
        }

        /// The name `store(kind, content)` gives: taken on any core, for files made on every core.
        static func name(_ kind: String, _ content: String) -> String {
            "\(kind).\(ContentHash.fileHex(content.utf8)).json"
        }

        /// A file made by an earlier build, under the name it had.
        mutating func store(name: String, _ content: String) throws {
            if names.insert(name).inserted { try write(name, content) }
        }

        /// Files made on every core, written there too (one core writing 40 MB of index was a tail of
        /// the build), then listed in order. Two files with one name have the same bytes.
        mutating func store(_ files: [(name: String, content: String)], written: [Error?]) throws {
            if let error = written.compactMap({ $0 }).first { throw error }
            for file in files { names.insert(file.name) }
        }

        /// Writes a file on the calling core; nil when written.
        func writeNow(_ file: (name: String, content: String)) -> Error? {
            do { try write(file.name, file.content) } catch { return error }
            return nil
        }
    }

    /// `0..<count` cut into consecutive ranges of `size` (the last shorter), to spread over the cores.
    static func slices(_ count: Int, by size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
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

    /// Terms with postings in term order: the last order with lost terms taken out and new ones put in
    /// where they sort, or all of them sorted.
    func termOrder(_ scoring: SearchScoring, previous: Kept?) -> [Int32] {
        let terms = scoring.terms, postings = scoring.postings
        let precedes = { (a: Int32, b: Int32) in SearchTokenizer.precedes(terms[Int(a)], terms[Int(b)]) }
        guard let previous, let changes = scoring.changes else {
            return Array(Int32(0)..<Int32(terms.count)).filter { !postings[Int($0)].isEmpty }.sorted(by: precedes)
        }
        guard changes.termList else { return previous.order }
        var order = previous.order.filter { !postings[Int($0)].isEmpty }
        for term in changes.terms.sorted() where !postings[Int(term)].isEmpty
            && (Int(term) >= previous.inOrder.count || !previous.inOrder[Int(term)]) {
            var low = 0, high = order.count
            while low < high {
                let mid = (low + high) / 2
                if precedes(order[mid], term) { low = mid + 1 } else { high = mid }
            }
            order.insert(term, at: low)
        }
        return order
    }

    /// The term table: inline when small (`terms`), else shards by term range (`shards`) and one
    /// vocabulary file per first letter (`vocab`).
    func termTables(_ scoring: SearchScoring, _ files: inout Files, previous: Kept?, kept: inout Kept?) throws -> [(String, String)] {
        let order = termOrder(scoring, previous: previous)
        let changed = scoring.changes?.terms
        // Postings as [documentDelta, score, …]: small numbers, few digits. Written straight into a shard's
        // bytes (a 10,000-page site has millions; an array and a string per number were most of this stage).
        func appendPostings(_ term: Int32, to out: inout [UInt8]) {
            out.append(UInt8(ascii: "["))
            var previous: Int32 = 0
            for (n, posting) in scoring.postings[Int(term)].enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendInt(Int(posting.document - previous), to: &out)
                out.append(UInt8(ascii: ","))
                JSONText.appendInt(Int(posting.score), to: &out)
                previous = posting.document
            }
            out.append(UInt8(ascii: "]"))
        }
        func postingsLength(_ term: Int32) -> Int {
            let postings = scoring.postings[Int(term)]
            var length = 2 + max(0, postings.count * 2 - 1)
            var previous: Int32 = 0
            for posting in postings {
                length += JSONText.digits(Int(posting.document - previous)) + JSONText.digits(Int(posting.score))
                previous = posting.document
            }
            return length
        }
        // Kept for the next layout: every term's JSON, made again only for changed terms.
        if kept != nil {
            var termJSON = previous?.termJSON ?? [], postingJSON = previous?.postingJSON ?? []
            let known = termJSON.count
            termJSON += scoring.terms[known...].map { Array(JSONText.string($0).utf8) }
            postingJSON += Array(repeating: [], count: scoring.terms.count - known)
            let redo = previous == nil ? Array(Int32(0)..<Int32(scoring.terms.count)) : (changed ?? []).sorted()
            let made = redo.parallelMap { term -> [UInt8] in
                var out: [UInt8] = []
                appendPostings(term, to: &out)
                return out
            }
            for (term, bytes) in zip(redo, made) { postingJSON[Int(term)] = bytes }
            var inOrder = Array(repeating: false, count: scoring.terms.count)
            for term in order { inOrder[Int(term)] = true }
            (kept!.order, kept!.inOrder, kept!.termJSON, kept!.postingJSON) = (order, inOrder, termJSON, postingJSON)
        }
        let cached = kept
        // `{"t":[terms…],"p":[[postings]…]}`
        func table(_ range: Range<Int>) -> String {
            var out: [UInt8] = Array(#"{"t":["#.utf8)
            for position in range {
                if position > range.lowerBound { out.append(UInt8(ascii: ",")) }
                if let cached { out += cached.termJSON[Int(order[position])] } else { out += JSONText.string(scoring.terms[Int(order[position])]).utf8 }
            }
            out += #"],"p":["#.utf8
            for position in range {
                if position > range.lowerBound { out.append(UInt8(ascii: ",")) }
                if let cached { out += cached.postingJSON[Int(order[position])] } else { appendPostings(order[position], to: &out) }
            }
            out += "]}".utf8
            return String(decoding: out, as: UTF8.self)
        }
        // Sizes, then shards' contents and names, on every core (in slices: a 10,000-page site has hundreds
        // of thousands of terms); the files are handed out in order, a batch of shards at a time.
        let sizes = Self.slices(order.count, by: 4_096).parallelMap { slice in
            slice.map { position -> Int in
                let term = order[position]
                return scoring.terms[Int(term)].utf8.count + (cached.map { $0.postingJSON[Int(term)].count } ?? postingsLength(term)) + 4
            }
        }.flatMap { $0 }
        if sizes.reduce(0, +) <= inlineLimit {
            return [("terms", table(order.indices))]
        }
        let ranges = Self.pack(sizes, target: shardTarget)
        var shards: [String] = []
        shards.reserveCapacity(ranges.count)
        for batch in Self.slices(ranges.count, by: 64) {
            let output = files
            let made = Array(ranges[batch]).parallelMap { shard -> (file: (name: String, content: String), written: Error?) in
                let first = order[shard.lowerBound], last = order[shard.upperBound - 1]
                if let old = previous?.shards[first], old.last == last, old.count == shard.count,
                   let changed, !order[shard].contains(where: changed.contains) {
                    return ((old.name, old.content), output.writeNow((old.name, old.content)))
                }
                let content = table(shard)
                let file = (name: Files.name("terms", content), content: content)
                return (file, output.writeNow(file))
            }
            try files.store(made.map(\.file), written: made.map(\.written))
            for (shard, (file, _)) in zip(ranges[batch], made) {
                let first = order[shard.lowerBound], last = order[shard.upperBound - 1]
                kept?.shards[first] = (last, shard.count, file.name, file.content)
                shards.append(JSONText.array([JSONText.string(scoring.terms[Int(first)]), JSONText.string(file.name)]))
            }
        }
        if let vocab = previous?.vocab, scoring.changes?.termList == false {
            for (name, content) in vocab.files { try files.store(name: name, content) }
            kept?.vocab = vocab
            return [("shards", JSONText.array(shards)), ("vocab", JSONText.object(vocab.table))]
        }
        var byInitial: [(initial: String, terms: [String])] = []
        for term in order.lazy.map({ scoring.terms[Int($0)] }) {
            let initial = String(term.unicodeScalars.first!)
            if byInitial.last?.initial == initial { byInitial[byInitial.count - 1].terms.append(term) } else { byInitial.append((initial, [term])) }
        }
        var vocabFiles: [(String, String)] = []
        let vocab = try byInitial.map { entry in
            let content = JSONText.strings(entry.terms)
            let name = try files.store("vocab", content)
            if kept != nil { vocabFiles.append((name, content)) }
            return (entry.initial, JSONText.string(name))
        }
        kept?.vocab = (vocab, vocabFiles)
        return [("shards", JSONText.array(shards)), ("vocab", JSONText.object(vocab))]
    }

    /// Snippet text in chunks of consecutive documents; the table lists each chunk's first document.
    /// When the always-loaded file does not list the documents, each record also has URL, title and heading.
    func textChunks(_ corpus: SearchCorpus, _ files: inout Files, changed: Set<Int>?, previous: Kept?,
                    kept: inout Kept?) throws -> String {
        let titlesInMeta = corpus.count <= documentsInMetaLimit
        // Written as bytes, the text straight from its pieces: only a text long enough to be clipped is
        // made a String (clipping counts characters).
        func record(_ number: Int) -> String {
            var text: [UInt8] = []
            corpus.appendText(number, to: &text)
            var out: [UInt8] = []
            out.reserveCapacity(text.count + (titlesInMeta ? 8 : 256))
            if !titlesInMeta {
                out.append(UInt8(ascii: "["))
                // The three fields, not the entry: a copy of it per document was a fifth of this function.
                for field in [corpus.entries[number].url, corpus.entries[number].title, corpus.entries[number].heading] {
                    JSONText.appendString(field, to: &out)
                    out.append(UInt8(ascii: ","))
                }
            }
            if text.count <= textLimit {
                JSONText.appendString(utf8: text, to: &out)
            } else {
                JSONText.appendString(clipped(String(decoding: text, as: UTF8.self)), to: &out)
            }
            if !titlesInMeta { out.append(UInt8(ascii: "]")) }
            return String(decoding: out, as: UTF8.self)
        }
        let previous = previous?.titlesInMeta == titlesInMeta && previous?.records.count == corpus.count ? previous : nil
        var table: [String] = []
        var chunk: [String] = [], first = 0, bytes = 0
        var done: [(first: Int, records: [String])] = []
        // Chunks filled: their contents and names made on every core, then handed out in order.
        func store() throws {
            let output = files
            let made = done.parallelMap { chunk -> (file: (name: String, content: String), written: Error?) in
                if let old = previous?.chunks[chunk.first], old.count == chunk.records.count, let changed,
                   !(chunk.first..<chunk.first + chunk.records.count).contains(where: changed.contains) {
                    return ((old.name, old.content), output.writeNow((old.name, old.content)))
                }
                let content = JSONText.array(chunk.records)
                let file = (name: Files.name("text", content), content: content)
                return (file, output.writeNow(file))
            }
            try files.store(made.map(\.file), written: made.map(\.written))
            for (chunk, (file, _)) in zip(done, made) {
                kept?.chunks[chunk.first] = (chunk.records.count, file.name, file.content)
                table.append(JSONText.array([String(chunk.first), JSONText.string(file.name)]))
            }
            done = []
        }
        func flush() {
            guard !chunk.isEmpty else { return }
            done.append((first, chunk))
            chunk = []
            bytes = 0
        }
        kept?.titlesInMeta = titlesInMeta
        // Records are made a batch at a time on every core (putting each text together and escaping it
        // was a fifth of the index's time, on one core), so the whole site's text is never held as JSON at
        // once, unless kept: then only the changed documents' records are made again.
        let batchSize = 1_024
        for start in stride(from: 0, to: corpus.count, by: batchSize) {
            let numbers = Array(start..<min(start + batchSize, corpus.count))
            let records: [String]
            if let previous, let changed {
                records = numbers.map { changed.contains($0) ? record($0) : previous.records[$0] }
            } else {
                records = numbers.parallelMap(runs: 32, record)
            }
            if kept != nil { kept!.records += records }
            for (offset, record) in records.enumerated() {
                if !chunk.isEmpty && bytes + record.utf8.count + 1 > chunkTarget { flush() }
                if chunk.isEmpty { first = start + offset }
                chunk.append(record)
                bytes += record.utf8.count + 1
            }
            try store()
        }
        flush()
        try store()
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

extension Array {
    /// `parallelMap` handing each core runs of `run` consecutive elements rather than one at a time:
    /// consecutive documents are mostly one page's, whose text they share, and two cores taking turns
    /// at one page's blocks fought over their reference counts.
    func parallelMap<T>(runs run: Int, _ transform: (Element) -> T) -> [T] {
        guard count > run else { return parallelMap(transform) }
        return SearchIndexLayout.slices(count, by: run).parallelMap { self[$0].map(transform) }.flatMap { $0 }
    }
}
