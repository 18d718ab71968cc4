/// Collects the searchable documents of a built site: every level and each of its competency sections,
/// every ordinary page and each of its headed sections, and each track overview.
///
/// Generated views (matrix, comparisons, competency pages, tags, a generated home) repeat text that
/// already has a better home, so they are left out: a search for "mentor" should not return the same
/// bullet from a level page, two comparisons and a matrix.
struct SearchCorpusBuilder {
    let model: SiteModel
    let documents: [RenderedDocument]
    /// Adds the base path (the resolver's `href`).
    let href: (String) -> String

    func build() -> SearchCorpus {
        var corpus = SearchCorpus()
        // Blocks of `levels:` pages that belong to a level: they are indexed under the level's own URL.
        var blocksOwnedByLevels: [Int: Set<Int>] = [:]
        var levelFilePages = Set<Int>()
        for level in model.levels {
            switch level.origin {
            case .file: levelFilePages.insert(level.pageIndex)
            case .heading(let blocks, _):
                // The level's own heading sits just before its blocks.
                blocksOwnedByLevels[level.pageIndex, default: []].formUnion((blocks.lowerBound - 1)..<blocks.upperBound)
            case .listItem: break
            }
        }
        for (page, list) in model.levelLists { blocksOwnedByLevels[page, default: []].insert(list.blockIndex) }

        var done = levelFilePages
        for track in model.tracks {
            let start = corpus.documents.count
            if let intro = track.introPageIndex {
                corpus.documents += pageDocuments(intro, title: track.title, lead: track.description,
                                                  skipping: blocksOwnedByLevels[intro] ?? [])
                done.insert(intro)
            } else {
                corpus.documents.append(SearchDocument(url: href(track.url), title: track.title, heading: "",
                                                       text: track.description))
            }
            var levels: [SearchTrackFacet.LevelFacet] = []
            for (level, documents) in zip(track.levels, track.levels.parallelMap(levelDocuments)) {
                let levelStart = corpus.documents.count
                corpus.documents += documents
                levels.append(.init(id: level.id, title: level.title, documents: levelStart..<corpus.documents.count))
            }
            corpus.tracks.append(SearchTrackFacet(id: track.id, title: track.title,
                                                  documents: start..<corpus.documents.count, levels: levels))
        }
        let others = model.pages.indices.filter { !done.contains($0) }
        for documents in others.parallelMap({ index in
            pageDocuments(index, title: model.pages[index].title, lead: "", skipping: blocksOwnedByLevels[index] ?? [])
        }) {
            corpus.documents += documents
        }
        return corpus
    }

    /// The level itself (its summary and introduction) and one document per competency section.
    func levelDocuments(_ level: Level) -> [SearchDocument] {
        let document = documents[level.pageIndex]
        let blocks = blocksByIndex(document)
        let url = href(level.url)
        let title = level.title.lowercased().hasPrefix(level.id.lowercased()) ? level.title : "\(level.id) \(level.title)"
        var intro: String
        switch level.origin {
        case .listItem(let item, _):
            let list = model.levelLists[level.pageIndex].flatMap { blocks[$0.blockIndex] }
            intro = list.map { item < $0.listItems.count ? $0.listItems[item] : "" } ?? ""
        case .file, .heading:
            intro = text(of: level.introBlocks, in: blocks)
        }
        if !level.summary.isEmpty && !intro.contains(level.summary) { intro = level.summary + " " + intro }
        var out = [SearchDocument(url: url, title: title, heading: "", text: trimmed(intro))]
        for section in level.sections {
            let body = text(of: section.blocks.dropFirst(), in: blocks)
            out.append(SearchDocument(url: url + "#" + section.anchor, title: title, heading: section.name, text: body))
        }
        return out
    }

    /// A page split at its headings: the page (text before the first heading), then one document per heading.
    func pageDocuments(_ index: Int, title: String, lead: String, skipping owned: Set<Int>) -> [SearchDocument] {
        let page = model.pages[index]
        let url = href(page.url)
        var out = [SearchDocument(url: url, title: title, heading: "", text: lead)]
        for block in documents[index].blocks where !owned.contains(block.index) {
            if let heading = block.heading {
                // A leading `#` title became the page title; it is not a section of its own.
                if page.titleFromHeading && heading.blockIndex == 0 { continue }
                out.append(SearchDocument(url: url + "#" + heading.anchor, title: title, heading: heading.text, text: ""))
            } else {
                append(block.plainText, to: &out[out.count - 1].text)
            }
        }
        return out.map { var d = $0; d.text = trimmed(d.text); return d }
    }

    func blocksByIndex(_ document: RenderedDocument) -> [Int: RenderedBlock] {
        var out: [Int: RenderedBlock] = [:]
        for block in document.blocks { out[block.index] = block }
        return out
    }

    func text<S: Sequence<Int>>(of indices: S, in blocks: [Int: RenderedBlock]) -> String {
        var out = ""
        for i in indices { if let block = blocks[i] { append(block.plainText, to: &out) } }
        return trimmed(out)
    }

    func append(_ piece: String, to text: inout String) {
        guard !piece.isEmpty else { return }
        if !text.isEmpty { text += " " }
        text += piece
    }

    /// Runs of spaces, tabs and newlines become one space; none at either end.
    func trimmed(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
