import LadderCore
import LadderModel
import LadderMarkdown

/// Collects the searchable documents of a built site: every level and each of its competency sections,
/// every ordinary page and each of its headed sections, and each track overview.
///
/// Generated views (matrix, comparisons, competency pages, tags, a generated home) repeat text that
/// already has a better home, so they are left out: a search for "mentor" should not return the same
/// bullet from a level page, two comparisons and a matrix.
package struct SearchCorpusBuilder {
    let model: SiteModel
    let documents: [RenderedDocument]
    /// Adds the base path (the resolver's `href`).
    let href: (String) -> String

    typealias Entry = SearchCorpus.Entry

    /// An ordinary page's documents as one build made them, and the page's fingerprint then (nil: the
    /// page has none, or shares blocks with levels, and is made again every time).
    struct PageEntries {
        var pageKey: Int?
        var entries: [Entry]
    }

    func build() -> SearchCorpus { build(pageKeys: [], previous: [:]).corpus }

    /// With each page's fingerprint (`pageKeys`, by page index), an ordinary page whose fingerprint is
    /// the one in `previous` keeps the documents made then: the preview server rebuilds the index on
    /// every save, and one page changed. Also returns every ordinary page's documents for the next time.
    func build(pageKeys: [Int], previous: [Int: PageEntries]) -> (corpus: SearchCorpus, pages: [Int: PageEntries]) {
        var corpus = SearchCorpus(pages: documents)
        // Blocks of `levels:` pages that belong to a level: they are indexed under the level's own URL.
        var blocksOwnedByLevels: [Int: Set<Int>] = [:]
        var levelFilePages = Set<Int>()
        for level in model.tracks.lazy.flatMap(\.levels) {
            switch level.origin {
            case .file: levelFilePages.insert(level.pageIndex)
            case .heading(let blocks, _):
                // The level's own heading sits just before its blocks.
                blocksOwnedByLevels[level.pageIndex, default: []].formUnion((blocks.lowerBound - 1)..<blocks.upperBound)
            case .listItem, .appendedBlocks: break
            }
        }
        for (page, list) in model.levelLists { blocksOwnedByLevels[page, default: []].insert(list.blockIndex) }

        // A 10,000-level site has 61,000 documents: the list is sized for them, not doubled up to 131,072.
        corpus.entries.reserveCapacity(model.tracks.reduce(0) { sum, track in
            track.levels.reduce(sum + 1) { $0 + 1 + $1.sections.count }
        })
        var done = levelFilePages
        for track in model.tracks {
            let start = corpus.entries.count
            if let intro = track.introPageIndex {
                corpus.entries += pageEntries(intro, title: track.title, lead: track.description,
                                              skipping: blocksOwnedByLevels[intro] ?? [])
                done.insert(intro)
            } else {
                corpus.entries.append(Entry(page: href(track.url), title: track.title, heading: "", lead: track.description))
            }
            var levels: [SearchTrackFacet.LevelFacet] = []
            for level in track.levels {
                let levelStart = corpus.entries.count
                corpus.entries += levelEntries(level, corpus: corpus)
                levels.append(.init(id: level.id, title: level.title, documents: levelStart..<corpus.entries.count))
            }
            corpus.tracks.append(SearchTrackFacet(id: track.id, title: track.title,
                                                  documents: start..<corpus.entries.count, levels: levels))
        }
        // Ordinary pages are most of a site: their entries are made on every core, then joined in page order.
        let rest = model.pages.indices.filter { !done.contains($0) }
        let made = rest.parallelMap { index -> PageEntries in
            let owned = blocksOwnedByLevels[index] ?? []
            let key = index < pageKeys.count && owned.isEmpty ? pageKeys[index] : nil
            // The fingerprint covers the page's file, URL and rendering: its title and headings too; the
            // site's base path is checked apart.
            if let key, let old = previous[index], old.pageKey == key,
               old.entries.first?.page == href(model.pages[index].url) { return old }
            let entries = pageEntries(index, title: model.pages[index].title, lead: "", skipping: owned)
            return PageEntries(pageKey: key, entries: entries)
        }
        var kept: [Int: PageEntries] = [:]
        corpus.entries.reserveCapacity(made.reduce(corpus.entries.count) { $0 + $1.entries.count })
        for (index, page) in zip(rest, made) {
            corpus.entries += page.entries
            if page.pageKey != nil { kept[index] = page }
        }
        return (corpus, kept)
    }

    /// The level itself (its summary and introduction) and one document per competency section.
    func levelEntries(_ level: Level, corpus: SearchCorpus) -> [Entry] {
        let url = href(level.url)
        let title = level.title.lowercased().hasPrefix(level.id.lowercased()) ? level.title : "\(level.id) \(level.title)"
        let source = Int32(clamping: level.pageIndex)
        var intro = Entry(page: url, title: title, heading: "", source: source)
        switch level.origin {
        case .listItem(let item, _):
            if let list = model.levelLists[level.pageIndex] {
                intro.blocks = .list([Int32(clamping: list.blockIndex)])
                intro.listItem = Int32(clamping: item)
            }
        case .file, .heading, .appendedBlocks:
            intro.blocks = .range(Int32(clamping: level.introBlocks.lowerBound)..<Int32(clamping: level.introBlocks.upperBound))
        }
        // The summary leads unless the introduction already says it.
        if !level.summary.isEmpty && !corpus.text(of: intro).contains(level.summary) { intro.lead = level.summary }
        var out = [intro]
        for section in level.sections {
            let blocks = section.blocks.dropFirst()
            out.append(Entry(page: url, anchor: section.anchor, title: title, heading: section.name, source: source,
                             blocks: .range(Int32(clamping: blocks.startIndex)..<Int32(clamping: blocks.endIndex))))
        }
        return out
    }

    /// A page split at its headings: the page (text before the first heading), then one document per heading.
    func pageEntries(_ index: Int, title: String, lead: String, skipping owned: Set<Int>) -> [Entry] {
        // Two fields, not the page: a copy of a whole `Page` per page was a tenth of a serve rebuild's index.
        let url = href(model.pages[index].url)
        let titleFromHeading = model.pages[index].titleFromHeading
        let source = Int32(clamping: index)
        var out = [Entry(page: url, title: title, heading: "", lead: lead, source: source)]
        var blocks: [[Int32]] = [[]]
        let ownBlocks = model.ownBlockCount(index)
        // Blocks read where they are (a copy of each was a quarter of this function's time).
        documents[index].blocks.withUnsafeBufferPointer { all in
            for position in all.indices where !owned.contains(all[position].index) && all[position].index < ownBlocks {
                if let heading = all[position].heading {
                    // A leading `#` title became the page title; it is not a section of its own.
                    if titleFromHeading && heading.blockIndex == 0 { continue }
                    out.append(Entry(page: url, anchor: heading.anchor, title: title, heading: heading.text, source: source))
                    blocks.append([])
                } else {
                    blocks[blocks.count - 1].append(Int32(clamping: all[position].index))
                }
            }
        }
        for n in out.indices { out[n].blocks = .list(blocks[n]) }
        return out
    }
}
