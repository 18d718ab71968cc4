import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender

/// The pages of a track: its overview and one page per level, and the track and level contexts every
/// view shares.
extension PageWriter {
    func levelSummary(_ level: Level) -> LevelSummary {
        var summary = LevelSummary(id: level.id, title: level.title, displayName: level.displayName, summary: level.summary, url: href(level.url))
        summary.showID = level.showsID
        summary.label = level.label
        if let languages, languages.isFallback(level.url) { summary.untranslated = (languages.languages[0].code, languages.shortNotice) }
        return summary
    }

    func trackContext(_ track: Track) -> SharedContext<TrackContext> { shared.tracks[track.id]! }

    func makeTrackContext(_ track: Track) -> TrackContext {
        // Cross-track equivalents, from either side (`equivalent: M1` on L5 shows on both tracks).
        var equivalents: [TrackContext.Equivalent] = []
        for level in track.levels {
            if let id = level.equivalent, let match = equivalentLevel(id, besides: track) {
                equivalents.append(.init(level: levelSummary(level), other: levelSummary(match.level), otherTrack: match.track.title))
            }
        }
        for (other, level) in shared.levelsWithEquivalents where other.id != track.id {
            if let id = level.equivalent, let mine = track.levels.first(where: { $0.slug == Slug.make(id) }) {
                equivalents.append(.init(level: levelSummary(mine), other: levelSummary(level), otherTrack: other.title))
            }
        }
        let intro = track.introPageIndex.map { overviewText(of: track, page: $0) }
        var context = TrackContext(
            id: track.id, title: track.title, description: track.description, url: href(track.url),
            levels: track.levels.map { level in
                var summary = levelSummary(level)
                if level.pageIndex == track.introPageIndex {
                    switch level.origin {
                    case .heading(_, let anchor), .listItem(_, let anchor): summary.anchor = anchor
                    case .file, .appendedBlocks: break
                    }
                }
                return summary
            },
            introHTML: intro?.before,
            // "All levels", shown on every level page: rendered once per track, under the page's own `##`.
            sharedHTML: track.shared.map {
                blocksUnderHeading(page: $0.pageIndex, blocks: $0.blocks, headingDepth: 2, anchorPrefix: "shared-",
                                   itemIDs: sharedCriteria(of: track)?.itemIDs ?? [:])
            },
            matrixURL: href("\(track.url)matrix/"), compareURL: href("\(track.url)compare/"),
            competencies: track.competencies.map {
                .init(id: $0.id, name: $0.name, description: $0.description, url: href("\(track.url)competencies/\($0.id)/"))
            },
            equivalents: equivalents)
        context.afterHTML = intro?.after
        return context
    }

    /// The overview's text from the track's intro page. When that page holds the levels themselves (its
    /// headings, its bold list, or a track given as data), the levels are left out: the overview lists
    /// and links them, and each has a page of its own. What the page says before them comes first on the
    /// overview, and what it says after them (an FAQ) after the list of levels.
    func overviewText(of track: Track, page intro: Int) -> (before: String, after: String) {
        var owned = IndexSet()
        for level in track.levels where level.pageIndex == intro {
            // A heading level's blocks start after its heading, which belongs to it too.
            if case .heading(let blocks, _) = level.origin { owned.insert(integersIn: (blocks.lowerBound - 1)..<blocks.upperBound) }
        }
        if let list = model.levelLists[intro] { owned.insert(list.blockIndex) }
        guard let first = owned.first else { return (contentHTML(intro), "") }
        let page = model.pages[intro]
        var before = "", after = ""
        // Blocks appended for a table's levels are theirs alone.
        let own = model.ownBlockCount(intro)
        for block in documents[intro].blocks where !owned.contains(block.index) && block.index < own {
            if page.titleFromHeading, let h = block.heading, h.blockIndex == 0 { continue }
            if block.index < first { block.appendHTML(to: &before) } else { block.appendHTML(to: &after) }
        }
        return (before, after)
    }

    /// Whether a track's views (matrix, comparisons, competency pages) are in the sitemap: what its pages
    /// say of themselves holds for every page made from them, so not when all of them say `sitemap: false`.
    func viewsInSitemap(_ track: Track) -> Bool {
        let sources = Set(track.levels.map(\.pageIndex) + [track.introPageIndex].compactMap { $0 })
        return sources.isEmpty || sources.contains { model.pages[$0].inSitemap }
    }

    func trackOutput(_ track: Track) -> Output {
        var page = PageContext(title: track.title, url: href(track.url), permalink: absolute(track.url),
                               description: track.description)
        var inSitemap = viewsInSitemap(track)
        if let intro = track.introPageIndex {
            page = pageContext(intro)
            page.title = track.title
            inSitemap = model.pages[intro].inSitemap
        }
        return Output(url: track.url, layout: "track",
                      context: context(page: page, current: track.url, track: track, breadcrumbs: [(track.title, nil)]),
                      inSitemap: inSitemap, lastmod: nil)
    }

    func levelOutput(_ level: Level, position: Int, in track: Track) -> Output {
        let source = model.pages[level.pageIndex]
        let document = documents[level.pageIndex]
        var introHTML = ""
        var sections: [(section: LevelSection, html: String)] = []
        switch level.origin {
        case .listItem(let item, _):
            introHTML = item < document.levelItemsHTML.count ? document.levelItemsHTML[item] : ""
        case .file, .heading, .appendedBlocks:
            for i in level.introBlocks {
                // The summary is shown as the lead already; a paragraph that is only the summary is not repeated.
                guard let block = document.block(i), block.plainText != level.summary else { continue }
                block.appendHTML(to: &introHTML)
            }
            // Each criterion's list item carries its id, so a criterion has a permalink.
            let itemIDs = criteria(of: level).itemIDs
            for section in level.sections {
                // Sections are `##` on a level page whatever depth they had in the source.
                var html = ""
                document.block(section.blocks.lowerBound)?.appendHTML(headingDepth: 2, anchor: section.anchor, to: &html)
                html += blocksUnderHeading(page: level.pageIndex, blocks: section.blocks, headingDepth: 2, itemIDs: itemIDs)
                sections.append((section, html))
            }
        }
        var after = ""
        for i in level.trailingBlocks { document.block(i)?.appendHTML(to: &after) }
        let (tocHTML, sectionsHTML) = Self.sectionsHTML(sections)
        var equivalent: (level: LevelSummary, trackTitle: String)?
        if let id = level.equivalent, let match = equivalentLevel(id, besides: track) {
            equivalent = (levelSummary(match.level), match.track.title)
        } else if let (other, named) = shared.levelsWithEquivalents.first(where: { other, named in
            other.id != track.id && named.equivalent.map(Slug.make) == level.slug
        }) {
            // Named from the other side (`equivalent: L5` on M1): shown on both levels' pages.
            equivalent = (levelSummary(named), other.title)
        }
        var levelContext = LevelContext(
            summary: levelSummary(level), position: position + 1, introHTML: introHTML,
            sections: sections.map { .init(name: $0.section.name, anchor: $0.section.anchor, html: $0.html, competency: $0.section.competencyID) },
            afterHTML: after, tocHTML: tocHTML, sectionsHTML: sectionsHTML, sharedHTML: trackContext(track).context.sharedHTML,
            compare: compareLinks(level, position: position, in: track),
            previous: position > 0 ? levelSummary(track.levels[position - 1]) : nil,
            next: position + 1 < track.levels.count ? levelSummary(track.levels[position + 1]) : nil,
            equivalent: equivalent)
        levelContext.assessURL = model.config.assess ? href(level.assessURL) : nil
        if model.config.views && position > 0 {
            levelContext.changes = changes(from: position - 1, to: position, in: track)
        }
        var page = PageContext(title: "\(level.id) \(level.title)", url: href(level.url), permalink: absolute(level.url),
                               description: level.summary, summary: level.summary)
        if level.origin == .file {
            page.params = YAMLValue.map(source.params).templateValue
            if !source.description.isEmpty { page.description = source.description }
        }
        // "Last updated" and "Edit this page" name the file the level is written in.
        addPageMeta(level.pageIndex, to: &page)
        return Output(url: level.url, layout: level.origin == .file ? (source.layout ?? "level") : "level",
                      context: context(page: page, current: level.url, track: track, view: .level(levelContext),
                                       breadcrumbs: [(track.title, track.url), (level.id, nil)]),
                      inSitemap: source.inSitemap, lastmod: source.lastmod)
    }

    /// "What changes from L3" on a level page: the comparison with the previous level in short, and
    /// the expectations new at this one.
    func changes(from lowerPosition: Int, to position: Int, in track: Track) -> LevelContext.Changes {
        let (lower, level) = (track.levels[lowerPosition], track.levels[position])
        // The comparison the pair's compare page shows too (`comparison`): its word runs are not read here.
        let comparison = comparison(track, lowerPosition, position)
        var newHTML = ""
        let marks = DiffMarks(strings)
        for row in comparison.rows {
            let new = row.higher.filter(\.isNew)
            guard !new.isEmpty else { continue }
            newHTML += "<h3>\(HTML.escape(displayName(row.competency)))</h3><ul>\(Self.itemsHTML(new, side: .higher, marks: marks))</ul>"
        }
        return LevelContext.Changes(
            from: levelSummary(lower), url: href(track.compareURL(lower, level)),
            competencies: comparison.rows.map { .init(name: displayName($0.competency), summary: countSummaries.summary($0.counts, strings: strings), changed: $0.counts.hasChanges) },
            newHTML: newHTML, hasNew: !newHTML.isEmpty)
    }

    /// A level page's competency sections and their table of contents, written here rather than looped
    /// over in the template, like a comparison's items: a level page is the most common page, and each
    /// pass over its sections in swift-mustache cost about 20 µs of its 150. Templates still get
    /// `level.sections` (name, anchor, html) for other markup. The text is what the default theme's
    /// loops wrote, each section indented as they were.
    static func sectionsHTML(_ sections: [(section: LevelSection, html: String)]) -> (toc: String, sections: String) {
        var toc = "", html: [String] = []
        for (section, content) in sections {
            let anchor = HTML.escape(section.anchor)
            toc += "<li><a href=\"#\(anchor)\">\(HTML.escape(section.name))</a></li>"
            html.append("  <section class=\"competency\" aria-labelledby=\"\(anchor)\">\n    \(content)\n  </section>")
        }
        return (toc, html.joined(separator: "\n"))
    }

    /// The blocks under a heading, re-emitted for another page that prints that heading itself: the
    /// first block (the heading) is left out, and the headings under it keep their nesting relative to
    /// `headingDepth`, the depth the left-out heading has there.
    func blocksUnderHeading(page: Int, blocks: Range<Int>, headingDepth: Int, anchorPrefix: String = "",
                            itemIDs: [Int: [String?]] = [:]) -> String {
        let document = documents[page]
        let baseDepth = document.block(blocks.lowerBound)?.heading?.depth ?? 2
        var html = ""
        for i in blocks.dropFirst() {
            guard let block = document.block(i) else { continue }
            if let heading = block.heading {
                block.appendHTML(headingDepth: heading.depth - baseDepth + headingDepth, anchor: anchorPrefix + heading.anchor, to: &html)
            } else if let ids = itemIDs[i] {
                block.appendHTML(itemIDs: ids, to: &html)
            } else {
                block.appendHTML(to: &html)
            }
        }
        return html
    }

    /// `equivalent: M1` names a level of another track.
    func equivalentLevel(_ id: String, besides track: Track) -> (level: Level, track: Track)? {
        for other in model.tracks where other.id != track.id {
            if let level = other.levels.first(where: { $0.slug == Slug.make(id) }) { return (level, other) }
        }
        return nil
    }
}
