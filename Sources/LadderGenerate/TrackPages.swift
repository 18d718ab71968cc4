import Foundation
import LadderCore
import LadderMarkdown
import LadderModel

/// The pages of a track: its overview and one page per level, and the track and level contexts every
/// view shares.
extension PageWriter {
    func levelSummary(_ level: Level) -> [String: Any] {
        ["id": level.id, "title": level.title, "display_name": level.displayName, "summary": level.summary, "url": href(level.url)]
    }

    func trackDictionary(_ track: Track) -> [String: Any] { shared.trackDictionaries[track.id] ?? [:] }

    func makeTrackDictionary(_ track: Track) -> [String: Any] {
        var dict: [String: Any] = [
            "id": track.id, "title": track.title, "description": track.description, "url": href(track.url),
            "levels": track.levels.map(levelSummary),
            "has_levels": !track.levels.isEmpty, "level_count": track.levels.count,
            "has_competencies": !track.competencies.isEmpty,
        ]
        if let intro = track.introPageIndex {
            dict["intro_html"] = introHTML(of: track, page: intro)
        }
        // "All levels", shown on every level page: rendered once per track, under the page's own `##`.
        if let shared = track.shared {
            dict["shared_html"] = blocksUnderHeading(page: shared.pageIndex, blocks: shared.blocks, headingDepth: 2,
                                                     anchorPrefix: "shared-")
        }
        dict["matrix_url"] = href("\(track.url)matrix/")
        dict["compare_url"] = href("\(track.url)compare/")
        dict["competencies"] = track.competencies.map {
            ["id": $0.id, "name": $0.name, "description": $0.description, "url": href("\(track.url)competencies/\($0.id)/")]
        }
        // Cross-track equivalents, from either side (`equivalent: M1` on L5 shows on both tracks).
        var equivalents: [[String: Any]] = []
        for level in track.levels {
            if let id = level.equivalent, let match = equivalentLevel(id, besides: track) {
                equivalents.append(["level": levelSummary(level), "other": levelSummary(match.level), "other_track": match.track.title])
            }
        }
        for (other, level) in shared.levelsWithEquivalents where other.id != track.id {
            if let id = level.equivalent, let mine = track.levels.first(where: { $0.slug == Slug.make(id) }) {
                equivalents.append(["level": levelSummary(mine), "other": levelSummary(level), "other_track": other.title])
            }
        }
        dict["equivalents"] = equivalents
        dict["has_equivalents"] = !equivalents.isEmpty
        return dict
    }

    /// The track's introduction: its intro page, or, when that page is a track given as data, the prose
    /// written under the data (the levels it becomes have pages of their own).
    func introHTML(of track: Track, page intro: Int) -> String {
        guard model.pages[intro].isDataTrack else { return contentHTML(intro) }
        let firstLevel = track.levels.compactMap { level -> Int? in
            guard level.pageIndex == intro, case .heading(let blocks, _) = level.origin else { return nil }
            return blocks.lowerBound - 1
        }.min()
        guard let firstLevel else { return contentHTML(intro) }
        let page = model.pages[intro]
        var html = ""
        for block in documents[intro].blocks where block.index < firstLevel {
            if page.titleFromHeading, let h = block.heading, h.blockIndex == 0 { continue }
            block.appendHTML(to: &html)
        }
        return html
    }

    func trackOutput(_ track: Track) -> Output {
        var page: [String: Any] = ["title": track.title, "description": track.description, "url": href(track.url),
                                   "permalink": absolute(track.url)]
        var inSitemap = true
        if let intro = track.introPageIndex {
            page = pageDictionary(intro)
            page["title"] = track.title
            inSitemap = model.pages[intro].inSitemap
        }
        return Output(url: track.url, layout: "track",
                      context: context(page: page, current: track.url, extra: ["track": trackDictionary(track)],
                                       breadcrumbs: [(track.title, nil)]),
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
        case .file, .heading:
            for i in level.introBlocks {
                // The summary is shown as the lead already; a paragraph that is only the summary is not repeated.
                guard let block = document.block(i), block.plainText != level.summary else { continue }
                block.appendHTML(to: &introHTML)
            }
            for section in level.sections {
                // Sections are `##` on a level page whatever depth they had in the source.
                var html = ""
                document.block(section.blocks.lowerBound)?.appendHTML(headingDepth: 2, anchor: section.anchor, to: &html)
                html += blocksUnderHeading(page: level.pageIndex, blocks: section.blocks, headingDepth: 2)
                sections.append((section, html))
            }
        }
        var levelDict = levelSummary(level)
        levelDict["position"] = position + 1
        levelDict["intro_html"] = introHTML
        levelDict["sections"] = sections.map {
            ["name": $0.section.name, "anchor": $0.section.anchor, "html": $0.html, "competency": $0.section.competencyID]
        }
        levelDict["has_sections"] = !sections.isEmpty
        var after = ""
        for i in level.trailingBlocks { document.block(i)?.appendHTML(to: &after) }
        levelDict["after_html"] = after
        (levelDict["toc_html"], levelDict["sections_html"]) = Self.sectionsHTML(sections)
        if let html = trackDictionary(track)["shared_html"] { levelDict["shared"] = ["html": html] }
        levelDict["compare"] = compareLinks(level, position: position, in: track)
        if position > 0 { levelDict["prev"] = levelSummary(track.levels[position - 1]) }
        if position + 1 < track.levels.count { levelDict["next"] = levelSummary(track.levels[position + 1]) }
        if let equivalent = level.equivalent, let match = equivalentLevel(equivalent, besides: track) {
            var eq = levelSummary(match.level)
            eq["track_title"] = match.track.title
            levelDict["equivalent"] = eq
        } else if let (other, named) = shared.levelsWithEquivalents.first(where: { other, named in
            other.id != track.id && named.equivalent.map(Slug.make) == level.slug
        }) {
            // Named from the other side (`equivalent: L5` on M1): shown on both levels' pages.
            var eq = levelSummary(named)
            eq["track_title"] = other.title
            levelDict["equivalent"] = eq
        }
        var page: [String: Any] = [
            "title": "\(level.id) \(level.title)", "description": level.summary, "summary": level.summary,
            "url": href(level.url), "permalink": absolute(level.url),
        ]
        if level.origin == .file {
            let own = pageDictionary(level.pageIndex)
            page["params"] = own["params"]
            if !source.description.isEmpty { page["description"] = source.description }
        }
        return Output(url: level.url, layout: level.origin == .file ? (source.layout ?? "level") : "level",
                      context: context(page: page, current: level.url,
                                       extra: ["level": levelDict, "track": trackDictionary(track)],
                                       breadcrumbs: [(track.title, track.url), (level.id, nil)]),
                      inSitemap: source.inSitemap, lastmod: source.lastmod)
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
    func blocksUnderHeading(page: Int, blocks: Range<Int>, headingDepth: Int, anchorPrefix: String = "") -> String {
        let document = documents[page]
        let baseDepth = document.block(blocks.lowerBound)?.heading?.depth ?? 2
        var html = ""
        for i in blocks.dropFirst() {
            guard let block = document.block(i) else { continue }
            if let heading = block.heading {
                block.appendHTML(headingDepth: heading.depth - baseDepth + headingDepth, anchor: anchorPrefix + heading.anchor, to: &html)
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
