import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderRecognise

/// Gathers levels into tracks, checks them, and orders everything.
package struct TrackAssembler {
    let config: SiteConfig
    var levelsByTrack: [String: [Level]] = [:]
    private var trackOrder: [String] = []
    private var notedTracks: Set<String> = []
    private var trackPageIndex: [String: Int] = [:]
    var sharedByTrack: [String: SharedExpectations] = [:]
    var levelLists: [Int: (blockIndex: Int, anchors: [String])] = [:]
    /// A track's URL when it is not `/<id>/`: a whole-ladder page that keeps its own URL.
    private var trackURLs: [String: String] = [:]
    /// How many whole-ladder pages each folder holds: two in one folder are two tracks.
    private let trackPagesInFolder: [String: Int]
    /// Sub-folders of level pages that are tracks of their own (see `levelFolderTracks`).
    private var levelFolderTracks: [String: String] = [:]
    /// Titles of tracks named by a heading of the page that holds them.
    private var trackTitles: [String: String] = [:]
    /// Blocks the Markdown stage appends to a page for levels read from its table (see `addTableLevels`).
    var appendedBlocks: [Int: [AppendedBlock]] = [:]
    /// Anchors of sections made from appended blocks on a level file's own page (`#impact`), by page.
    var sectionAnchors: [Int: Set<String>] = [:]
    /// How many of a page's appended blocks are its own content (a data track's levels), shown where the
    /// page's blocks are.
    var appendedContent: [Int: Int] = [:]
    /// The framework Monzo's others inherit from (`path: /generic`), when the site has one.
    let generic: FrontMatter?
    /// Warnings about data that still builds.
    var warnings: [Diagnostic] = []
    /// The competency pages of tracks read from folders of them, by content path (see `addCompetencyPagesLevels`).
    let competencyPages: [String: Page]

    init(config: SiteConfig, pages: [Page] = []) {
        self.config = config
        trackOrder = config.tracks.map(\.id)
        notedTracks = Set(trackOrder)
        var counts: [String: Int] = [:]
        for i in pages.indices where pages[i].kind == .trackPage { counts[Self.folder(of: pages[i]), default: 0] += 1 }
        trackPagesInFolder = counts
        levelFolderTracks = Self.levelFolderTracks(pages)
        // By index: a `Page` copied out per step of `for page in pages` or `first { … }` is every field
        // retained and released, 10,000 times.
        generic = pages.indices.first { !pages[$0].source.isDataCandidate && DataTrack.isGeneric(pages[$0].source.frontMatter) }
            .map { pages[$0].source.frontMatter }
        var competencyPages: [String: Page] = [:]
        for i in pages.indices where pages[i].source.folderLadder?.role == .competency { competencyPages[pages[i].source.contentPath] = pages[i] }
        self.competencyPages = competencyPages
    }

    /// Level pages that name no track are in their first-level folder's track, unless that folder's
    /// sub-folders repeat level ids (`src/content/engineering/` and `src/content/product/` each have a
    /// level 1): then each sub-folder holding level pages is a track of its own, named after it.
    static func levelFolderTracks(_ pages: [Page]) -> [String: String] {
        var idsByFolder: [String: [String: Set<String>]] = [:]
        for i in pages.indices where pages[i].kind == .level && pages[i].source.folderLadder == nil {
            let page = pages[i]
            guard (try? page.source.frontMatter.string("track")) == nil,
                  let id = (try? page.source.frontMatter.string("level")) ?? nil else { continue }
            let parts = page.source.contentPath.split(separator: "/")
            guard parts.count > 2 else { continue }
            idsByFolder[String(parts[0]), default: [:]][folder(of: page), default: []].insert(Slug.make(id))
        }
        var out: [String: String] = [:]
        for folders in idsByFolder.values where folders.count >= 2 {
            var seen: Set<String> = []
            var repeats = false
            for ids in folders.values { if !seen.isDisjoint(with: ids) { repeats = true }; seen.formUnion(ids) }
            guard repeats else { continue }
            for folder in folders.keys { out[folder] = Slug.make(String(folder.split(separator: "/").last ?? "")) }
        }
        return out
    }

    static func folder(of page: Page) -> String {
        String(page.source.contentPath.split(separator: "/").dropLast().joined(separator: "/"))
    }

    func trackURL(_ id: String) -> String { trackURLs[id] ?? "/\(id)/" }

    /// The track a whole-ladder page holds, and where it lives. `track:` names it; a page that sets its own
    /// URL (`path:`, `permalink:`), or shares its folder with another such page, or sits deeper than a
    /// first-level folder is a track of its own, named after its URL's last part and living at its URL;
    /// otherwise the page's first-level folder is the track (`engineering/levels.md` → `engineering`).
    func track(ofTrackPage page: Page) throws(Diagnostic) -> (id: String, url: String?) {
        let fm = page.source.frontMatter
        if let folder = page.source.folderLadder { return (folder.trackID, folder.trackURL) }
        if let explicit = try fm.string("track") { return (Slug.make(explicit), nil) }
        let parts = page.source.contentPath.split(separator: "/")
        // A data file (a job family's `.yml`) is a track of its own, named after the file.
        let ownURL = try Page.explicitURL(fm) != nil || !page.source.contentPath.lowercased().hasSuffix("md")
            || page.recognised != nil
        if !ownURL, parts.count == 2, trackPagesInFolder[Self.folder(of: page), default: 0] <= 1 {
            return (Slug.make(String(parts[0])), nil)
        }
        if !ownURL, parts.count == 1 {
            return (Slug.make(String(parts[0].split(separator: ".").first ?? parts[0])), nil)
        }
        let last = page.url.split(separator: "/").last.map(String.init) ?? ""
        let stem = String(last.split(separator: ".").first ?? Substring(last))
        return (Slug.make(stem.isEmpty ? "track" : stem), page.url)
    }

    private mutating func note(track: String) {
        // A set beside the list: a site of 1,000 tracks notes a track for each of its 10,000 pages.
        if notedTracks.insert(track).inserted { trackOrder.append(track) }
    }

    /// The track of a page: `track:`, else its folder, else (for a track page at the root) its file name.
    static func trackID(of page: Page) throws(Diagnostic) -> String? {
        if let explicit = try page.source.frontMatter.string("track") { return Slug.make(explicit) }
        let parts = page.source.contentPath.split(separator: "/")
        if parts.count > 1 { return Slug.make(String(parts[0])) }
        if page.kind == .trackPage {
            let stem = parts.last.map { String($0.split(separator: ".").first ?? $0) } ?? ""
            return Slug.make(stem)
        }
        return nil
    }

    mutating func add(page: Page, index: Int) throws(Diagnostic) {
        let fm = page.source.frontMatter
        switch page.kind {
        case .level:
            let folder = page.source.folderLadder
            // A level page of a folder's ladder is in the folder's track, at the folder's URL, unless it names one.
            let named = try fm.string("track").map(Slug.make)
            var fromFolder = levelFolderTracks[Self.folder(of: page)]
            if fromFolder == nil { fromFolder = try Self.trackID(of: page) }
            guard let track = named ?? folder?.trackID ?? fromFolder else {
                throw .error(fm.keyLocation("level"), "a level page needs 'track:' (or must sit in its track's folder)")
            }
            note(track: track)
            if let folder, named == nil { try setURL(folder.trackURL, of: track, at: fm.location) }
            let written = try fm.string("level")
            let id = written ?? folder?.levelID ?? ""
            var sections = SectionSplitter.sections(of: page.outline.headings, in: 0..<page.outline.blockCount,
                                                    config: config)
            var firstSection = sections.first?.blocks.lowerBound ?? page.outline.blockCount
            var trailingStart = sections.last?.blocks.upperBound ?? page.outline.blockCount
            var introStart = 0
            if page.titleFromHeading, let h = page.outline.headings.first, h.blockIndex == 0 { introStart = 1 }
            // A level file with no sections may write its competencies as a list (`- Impact` over a list):
            // each item is a section, a heading and the item's own list appended after the page's blocks.
            if page.outline.headings.allSatisfy({ $0.depth == 1 }),
               let list = CompetencyList.read(body: page.source.body, bodyLine: page.source.bodyLine, pasted: page.source.pasted) {
                var pieces = appendedBlocks[index] ?? []
                var allocator = AnchorAllocator()
                sections = []
                for (n, item) in list.items.enumerated() {
                    let at = page.outline.blockCount + pieces.count
                    let anchor = allocator.allocate(item.label)
                    pieces.append(.heading(text: item.label, anchor: anchor, line: item.line))
                    pieces.append(.itemList(block: list.blockIndex, item: n))
                    sections.append(LevelSection(name: item.label, anchor: anchor,
                                                 competencyID: SectionSplitter.competencyID(for: item.label, config: config), blocks: at..<(at + 2)))
                }
                appendedBlocks[index] = pieces
                (firstSection, trailingStart) = (list.blockIndex, list.blockIndex + 1)
                sectionAnchors[index] = Set(sections.map(\.anchor))
            }
            let level = Level(
                id: id, slug: Slug.make(id), title: page.title,
                summary: page.summary.isEmpty ? Summary.firstSentences(page.outline.firstParagraph ?? "") : page.summary,
                order: try Self.order(of: fm, folder: folder) ?? Self.numericOrder(id), trackID: track,
                url: "/\(track)/\(Slug.make(id))/", equivalent: try fm.string("equivalent"),
                pageIndex: index, origin: .file, location: fm.keyLocation("level"),
                introBlocks: introStart..<max(introStart, firstSection), sections: sections,
                trailingBlocks: trailingStart..<page.outline.blockCount)
            levelsByTrack[track, default: []].append(level)
        case .trackPage where (page.recognised?.tracks.count ?? 0) > 1:
            // Several tracks in one page: each under its heading, at the page's URL and its own name.
            var levelNumber = 0
            for pageTrack in page.recognised?.tracks ?? [] {
                var track = Slug.make(pageTrack.name)
                if track.isEmpty { track = "track" }
                note(track: track)
                try setURL(page.url + track + "/", of: track, at: page.source.frontMatter.location)
                trackTitles[track] = pageTrack.name
                try addHeadingLevels(page: page, index: index, track: track, only: pageTrack.levelBlocks, firstLevel: levelNumber)
                levelNumber += pageTrack.levelBlocks.count
            }
        case .trackPage:
            let (track, url) = try self.track(ofTrackPage: page)
            note(track: track)
            if let url { try setURL(url, of: track, at: page.source.frontMatter.location) }
            let mode = page.isDataTrack ? "data track" : page.source.competencyPages != nil ? "competency pages"
                : try fm.string("levels") ?? page.recognised?.shape.rawValue ?? (fm["level_depth"] != nil ? "headings" : "")
            switch mode {
            case "data track": try addDataTrackLevels(page: page, index: index, track: track)
            case "competency pages": try addCompetencyPagesLevels(page: page, index: index, track: track)
            case "headings": try addHeadingLevels(page: page, index: index, track: track)
            case "list": try addListLevels(page: page, index: index, track: track)
            case "table": try addTableLevels(page: page, index: index, track: track)
            case "data": addDataLevels(page: page, index: index, track: track)
            case "grid" where page.recognised?.grid != nil: addGridLevels(page: page, index: index, track: track)
            default:
                throw .error(fm.keyLocation("levels"), "'levels' must be 'headings', 'list', 'table' or 'none', found '\(mode)'")
            }
            if page.url == trackURL(track) { trackPageIndex[track] = index }
            // Further tracks kept as tables on the same page, at the page's URL under their headings' names.
            for table in page.recognised?.tableTracks ?? [] {
                var id = Slug.make(table.name)
                if id.isEmpty || id == track { id = track + "-table" }
                while trackURLs[id] != nil { id += "-2" }
                note(track: id)
                try setURL(page.url + id + "/", of: id, at: page.source.frontMatter.location)
                trackTitles[id] = table.name
                try addTableLevels(page: page, index: index, track: id, reading: table.table)
            }
        case .page, .home:
            // `engineering/index.md` introduces the engineering track when there is one.
            let parts = page.source.contentPath.split(separator: "/")
            if let folder = page.source.folderLadder, folder.role == .intro {
                trackPageIndex[folder.trackID] = index
                try addShared(page: page, index: index, track: folder.trackID)
            } else if page.source.folderLadder == nil, parts.count == 2, page.url == "/\(parts[0])/" {
                let track = Slug.make(String(parts[0]))
                trackPageIndex[track] = index
                try addShared(page: page, index: index, track: track)
            }
        }
    }

    private mutating func setURL(_ url: String, of track: String, at location: SourceLocation) throws(Diagnostic) {
        if let other = trackURLs[track], other != url {
            throw .error(location, "track '\(track)' is already at \(other); name this one with 'track:'")
        }
        trackURLs[track] = url
    }

    /// Headings that name expectations shared by every level rather than a level.
    static func isSharedHeading(_ text: String) -> Bool { SharedHeading.matches(text) }

    /// An "All levels" section of a track's introduction page.
    private mutating func addShared(page: Page, index: Int, track: String) throws(Diagnostic) {
        let headings = page.outline.headings
        guard let heading = headings.first(where: { Self.isSharedHeading($0.text) }) else { return }
        let end = headings.first { $0.blockIndex > heading.blockIndex && $0.depth <= heading.depth }?.blockIndex
            ?? page.outline.blockCount
        try setShared(SharedExpectations(pageIndex: index, blocks: heading.blockIndex..<end,
                                         location: SourceLocation(path: page.source.displayPath, line: heading.line)),
                      track: track)
    }

    mutating func setShared(_ shared: SharedExpectations, track: String) throws(Diagnostic) {
        if let first = sharedByTrack[track] {
            throw .error(shared.location, "track '\(track)' already has expectations for all levels (at \(first.location))")
        }
        sharedByTrack[track] = shared
    }



    /// A level's place: the one its folder's ladder gave it, else the file's own.
    static func order(of fm: FrontMatter, folder: FolderLadderNote?) throws(Diagnostic) -> Int? {
        if let order = folder?.order { return order }
        return try order(of: fm)
    }

    /// A level file's explicit place: `order`, or `weight` (Hugo) or `nav_order` (just-the-docs).
    static func order(of fm: FrontMatter) throws(Diagnostic) -> Int? {
        for key in ["order", "weight", "nav_order"] { if let n = try fm.int(key) { return n } }
        return nil
    }

    /// `L3` → 3, so files without `order:` still sort L1…L10 correctly.
    static func numericOrder(_ id: String) -> Int {
        Int(String(id.drop { !$0.isNumber }.prefix { $0.isNumber })) ?? Int.max / 2
    }

    func finish(pages: [Page]) -> ([Track], [Int: (blockIndex: Int, anchors: [String])], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var tracks: [Track] = []
        for id in trackOrder {
            let declared = config.tracks.first { $0.id == id }
            var levels = levelsByTrack[id] ?? []
            // Stable order: `order`, then id; duplicates are errors at the later definition.
            levels.sort { ($0.order, $0.slug, $0.location.path, $0.location.line) < ($1.order, $1.slug, $1.location.path, $1.location.line) }
            var seen: [String: Level] = [:]
            var unique: [Level] = []
            for level in levels {
                if level.slug.isEmpty {
                    diagnostics.append(.error(level.location, "level has an empty id"))
                } else if let first = seen[level.slug] {
                    let (later, earlier) = (first.location.path, first.location.line) > (level.location.path, level.location.line)
                        ? (first, level) : (level, first)
                    diagnostics.append(.error(later.location,
                        "duplicate level \(later.id) in track '\(id)' (first defined at \(earlier.location))"))
                } else {
                    seen[level.slug] = level
                    unique.append(level)
                }
            }
            if unique.isEmpty && declared == nil { continue }
            // Levels live under their track, wherever the track lives.
            for i in unique.indices { unique[i].url = trackURL(id) + unique[i].slug + "/" }
            let introIndex = trackPageIndex[id]
            let intro = introIndex.map { pages[$0] }
            tracks.append(Track(
                id: id,
                title: declared?.title ?? intro?.title ?? trackTitles[id] ?? id.capitalized,
                description: declared?.description ?? intro?.summary ?? "",
                url: trackURL(id), levels: unique,
                competencies: Self.competencies(of: unique, config: config),
                introPageIndex: introIndex, shared: sharedByTrack[id]))
        }
        return (tracks, levelLists, diagnostics)
    }

    /// Site.yml's order first, then in order of first appearance across the track's levels.
    static func competencies(of levels: [Level], config: SiteConfig) -> [Competency] {
        var found: [String: String] = [:]
        var appearance: [String] = []
        for level in levels {
            for section in level.sections where found[section.competencyID] == nil {
                found[section.competencyID] = section.name
                appearance.append(section.competencyID)
            }
        }
        var out: [Competency] = []
        var listed: Set<String> = []
        for declared in config.competencies where found[Slug.id(declared.name)] != nil {
            out.append(Competency(id: Slug.id(declared.name), name: declared.name, description: declared.description))
            listed.insert(Slug.id(declared.name))
        }
        // A set beside the list: a table of 50,000 rows is 50,000 competencies.
        for id in appearance where listed.insert(id).inserted {
            out.append(Competency(id: id, name: found[id] ?? id, description: ""))
        }
        return out
    }
}
