/// The whole site as values: pages, tracks with their levels and competencies, static files, and the
/// URL of everything. Built once all pages are loaded, before any Markdown is rendered.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    public var pages: [Page]
    public var tracks: [Track]
    public var staticFiles: [StaticFile]
    /// `engineering/l3.md` → index into `pages`.
    public var pageByContentPath: [String: Int]
    /// Anchors of each page (headings, plus list-level ids) by page index.
    public var anchors: [Set<String>]
    /// For `levels: list` pages: page index → (list block, anchors of its items).
    public var levelLists: [Int: (blockIndex: Int, anchors: [String])]

    public func track(_ id: String) -> Track? { tracks.first { $0.id == id } }

    /// Every level of every track.
    public var levels: [Level] { tracks.flatMap(\.levels) }

    /// Takes every page's Markdown body out of the model, by page index.
    mutating func takeBodies() -> [String] {
        var bodies: [String] = []
        bodies.reserveCapacity(pages.count)
        for index in pages.indices {
            bodies.append(pages[index].source.body)
            pages[index].source.body = ""
        }
        return bodies
    }
}

/// Stage 2: interprets pages and assembles the ladder (DESIGN §3).
public struct ModelBuilder {
    public var includeDrafts = false
    /// Set by the preview server: pages of unchanged files are reused.
    public var memo: BuildMemo?

    public init(includeDrafts: Bool = false) { self.includeDrafts = includeDrafts }

    public func build(_ content: LoadedContent) -> (SiteModel, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Parsing the outline with cmark is the costly part, so pages are interpreted on all cores.
        // Tracks given as data become Markdown first, so everything after treats them as prose.
        var sources: [PageSource] = []
        for var source in content.pages {
            if DataTrack.isDataTrack(source.frontMatter) {
                do {
                    (source.body, source.lineMap) = try DataTrack.body(for: source)
                } catch {
                    diagnostics.append(error)
                    continue
                }
            }
            sources.append(source)
        }
        let reused = memo?.interpretedPages(for: sources) ?? Array(repeating: nil, count: sources.count)
        let interpreted = Array(sources.indices).parallelMap { index -> Result<Page, Diagnostic> in
            if let page = reused[index] { return .success(page) }
            let source = sources[index]
            return Result { () throws(Diagnostic) -> Page in
                let outline = Outline(body: source.body, bodyLine: source.bodyLine, lineMap: source.lineMap)
                let page = try Page(source: source, outline: outline)
                memo?.remember(page)
                return page
            }
        }
        var pages: [Page] = []
        for result in interpreted {
            switch result {
            case .success(let page):
                if page.draft && !includeDrafts { continue }
                pages.append(page)
            case .failure(let error):
                diagnostics.append(error)
            }
        }

        // An edit inside a page's prose (the usual save) leaves the ladder as it was.
        if diagnostics.isEmpty, let reused = memo?.reusableModel(pages: pages, config: content.config, staticFiles: content.staticFiles) {
            return reused
        }

        var pageByContentPath: [String: Int] = [:]
        for (i, page) in pages.enumerated() { pageByContentPath[page.source.contentPath] = i }

        var assembler = TrackAssembler(config: content.config)
        for index in pages.indices {
            do { try assembler.add(page: pages[index], index: index) } catch { diagnostics.append(error) }
        }
        let (tracks, levelLists, trackDiagnostics) = assembler.finish(pages: pages)
        diagnostics += trackDiagnostics
        for track in tracks { diagnostics += LadderLint.warnings(for: track, config: content.config) }

        // Two sources must not claim one URL (a level file and an ordinary page, `a.md` and `a/index.md`).
        var owner: [String: Int] = [:]
        let introPages = Set(tracks.compactMap(\.introPageIndex))
        let levelFiles = Set(tracks.flatMap(\.levels).filter { $0.origin == .file }.map(\.pageIndex))
        for (i, page) in pages.enumerated() where !levelFiles.contains(i) {
            if let first = owner[page.url] {
                diagnostics.append(.error(page.source.frontMatter.location,
                                          "\(page.url) is already the URL of \(pages[first].source.displayPath)"))
            } else {
                owner[page.url] = i
            }
        }
        for track in tracks {
            for level in track.levels {
                if let other = owner[level.url], !introPages.contains(other), other != level.pageIndex {
                    diagnostics.append(.error(level.location, "\(level.url) is already the URL of \(pages[other].source.displayPath)"))
                }
            }
        }

        var anchors = pages.map(\.outline.anchors)
        for (pageIndex, list) in levelLists { anchors[pageIndex].formUnion(list.anchors) }

        let model = SiteModel(config: content.config, pages: pages, tracks: tracks, staticFiles: content.staticFiles,
                              pageByContentPath: pageByContentPath, anchors: anchors, levelLists: levelLists)
        // Only a model whose every page was read is a fair base for the next build.
        if !interpreted.contains(where: { if case .failure = $0 { return true } else { return false } }) {
            memo?.remember(model: model, diagnostics: diagnostics)
        } else {
            memo?.forgetModel()
        }
        return (model, diagnostics)
    }
}

/// Gathers levels into tracks, checks them, and orders everything.
struct TrackAssembler {
    let config: SiteConfig
    private var levelsByTrack: [String: [Level]] = [:]
    private var trackOrder: [String] = []
    private var notedTracks: Set<String> = []
    private var trackPageIndex: [String: Int] = [:]
    private var sharedByTrack: [String: SharedExpectations] = [:]
    private var levelLists: [Int: (blockIndex: Int, anchors: [String])] = [:]

    init(config: SiteConfig) {
        self.config = config
        trackOrder = config.tracks.map(\.id)
        notedTracks = Set(trackOrder)
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
            guard let track = try Self.trackID(of: page) else {
                throw .error(fm.keyLocation("level"), "a level page needs 'track:' (or must sit in its track's folder)")
            }
            note(track: track)
            let id = try fm.string("level") ?? ""
            let sections = SectionSplitter.sections(of: page.outline.headings, in: 0..<page.outline.blockCount,
                                                    config: config)
            let firstSection = sections.first?.blocks.lowerBound ?? page.outline.blockCount
            var introStart = 0
            if page.titleFromHeading, let h = page.outline.headings.first, h.blockIndex == 0 { introStart = 1 }
            let level = Level(
                id: id, slug: Slug.make(id), title: page.title,
                summary: page.summary.isEmpty ? Summary.firstSentences(page.outline.firstParagraph ?? "") : page.summary,
                order: try fm.int("order") ?? Self.numericOrder(id), trackID: track,
                url: "/\(track)/\(Slug.make(id))/", equivalent: try fm.string("equivalent"),
                pageIndex: index, origin: .file, location: fm.keyLocation("level"),
                introBlocks: introStart..<max(introStart, firstSection), sections: sections)
            levelsByTrack[track, default: []].append(level)
        case .trackPage:
            guard let track = try Self.trackID(of: page) else { return }
            note(track: track)
            let mode = page.isDataTrack ? "headings" : try fm.string("levels") ?? ""
            switch mode {
            case "headings": try addHeadingLevels(page: page, index: index, track: track)
            case "list": try addListLevels(page: page, index: index, track: track)
            default:
                throw .error(fm.keyLocation("levels"), "'levels' must be 'headings' or 'list', found '\(mode)'")
            }
            if page.url == "/\(track)/" { trackPageIndex[track] = index }
        case .page, .home:
            // `engineering/index.md` introduces the engineering track when there is one.
            let parts = page.source.contentPath.split(separator: "/")
            if parts.count == 2, page.url == "/\(parts[0])/" {
                let track = Slug.make(String(parts[0]))
                trackPageIndex[track] = index
                try addShared(page: page, index: index, track: track)
            }
        }
    }

    /// Headings that name expectations shared by every level rather than a level.
    static func isSharedHeading(_ text: String) -> Bool {
        ["all", "all levels", "every level", "at every level", "shared expectations"]
            .contains(text.trimmingCharacters(in: " ").lowercased())
    }

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

    private mutating func setShared(_ shared: SharedExpectations, track: String) throws(Diagnostic) {
        if let first = sharedByTrack[track] {
            throw .error(shared.location, "track '\(track)' already has expectations for all levels (at \(first.location))")
        }
        sharedByTrack[track] = shared
    }

    private mutating func addHeadingLevels(page: Page, index: Int, track: String) throws(Diagnostic) {
        let headings = page.outline.headings
        let depth = SectionSplitter.sectionDepth(headings, skippingTitle: page.titleFromHeading)
        var levelHeadings = headings.filter { $0.depth == depth }
        if levelHeadings.isEmpty {
            throw .error(page.source.frontMatter.keyLocation("levels"), "'levels: headings' but the page has no headings")
        }
        // "All levels" is not a level: its blocks are shown on every level page.
        for heading in levelHeadings where Self.isSharedHeading(heading.text) {
            let end = headings.first { $0.blockIndex > heading.blockIndex && $0.depth <= depth }?.blockIndex
                ?? page.outline.blockCount
            try setShared(SharedExpectations(pageIndex: index, blocks: heading.blockIndex..<end,
                                             location: SourceLocation(path: page.source.displayPath, line: heading.line)),
                          track: track)
        }
        levelHeadings.removeAll { Self.isSharedHeading($0.text) }
        for (n, heading) in levelHeadings.enumerated() {
            let end = headings.first { $0.blockIndex > heading.blockIndex && $0.depth <= depth }?.blockIndex
                ?? page.outline.blockCount
            let blocks = (heading.blockIndex + 1)..<end
            let inner = headings.filter { blocks.contains($0.blockIndex) }
            // Under a level heading there is no page title to skip: a lone `###` is a section.
            var sections = SectionSplitter.sections(of: inner, in: blocks, config: config, skippingTitle: false)
            // On its own page a level's sections get clean anchors (`#people`, not the page-wide `#people-2`).
            var allocator = AnchorAllocator()
            for i in sections.indices { sections[i].anchor = allocator.allocate(sections[i].name) }
            let (id, title) = LevelName.split(heading.text)
            let firstSection = sections.first?.blocks.lowerBound ?? end
            levelsByTrack[track, default: []].append(Level(
                id: id, slug: Slug.make(id), title: title,
                summary: Summary.firstSentences(heading.firstParagraph ?? ""), order: n + 1, trackID: track,
                url: "/\(track)/\(Slug.make(id))/", equivalent: nil, pageIndex: index,
                origin: .heading(blocks: blocks, anchor: heading.anchor),
                location: SourceLocation(path: page.source.displayPath, line: heading.line),
                introBlocks: blocks.lowerBound..<firstSection, sections: sections))
        }
    }

    private mutating func addListLevels(page: Page, index: Int, track: String) throws(Diagnostic) {
        guard let list = page.outline.boldLedList else {
            throw .error(page.source.frontMatter.keyLocation("levels"),
                         "'levels: list' but no list whose items start with a bold level name (* **L1 Engineers** …)")
        }
        var anchors: [String] = []
        for (n, item) in list.items.enumerated() {
            let (id, title) = LevelName.split(item.boldText)
            anchors.append(Slug.make(id))
            levelsByTrack[track, default: []].append(Level(
                id: id, slug: Slug.make(id), title: title, summary: Summary.firstSentences(item.rest),
                order: n + 1, trackID: track, url: "/\(track)/\(Slug.make(id))/", equivalent: nil,
                pageIndex: index, origin: .listItem(index: n, anchor: Slug.make(id)),
                location: SourceLocation(path: page.source.displayPath, line: item.line),
                introBlocks: 0..<0, sections: []))
        }
        levelLists[index] = (list.blockIndex, anchors)
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
            let introIndex = trackPageIndex[id]
            let intro = introIndex.map { pages[$0] }
            tracks.append(Track(
                id: id,
                title: declared?.title ?? intro?.title ?? id.capitalized,
                description: declared?.description ?? intro?.summary ?? "",
                url: "/\(id)/", levels: unique,
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
        for declared in config.competencies where found[Slug.make(declared.name)] != nil {
            out.append(Competency(id: Slug.make(declared.name), name: declared.name, description: declared.description))
        }
        for id in appearance where !out.contains(where: { $0.id == id }) {
            out.append(Competency(id: id, name: found[id] ?? id, description: ""))
        }
        return out
    }
}

/// Finds the competency sections of a level: the shallowest headings under it.
enum SectionSplitter {
    /// The heading depth that splits a page: the shallowest, unless that is a lone `#` title.
    static func sectionDepth(_ headings: [Outline.Heading], skippingTitle: Bool) -> Int {
        guard let minDepth = headings.map(\.depth).min() else { return 2 }
        let atMin = headings.filter { $0.depth == minDepth }
        if atMin.count == 1, atMin[0].blockIndex == headings[0].blockIndex, headings.count > 1,
           skippingTitle || minDepth == 1 {
            return headings.dropFirst().map(\.depth).min() ?? minDepth
        }
        return minDepth
    }

    static func sections(of headings: [Outline.Heading], in blocks: Range<Int>, config: SiteConfig,
                         skippingTitle: Bool = true) -> [LevelSection] {
        let depth = sectionDepth(headings, skippingTitle: skippingTitle)
        let sectionHeadings = headings.filter { $0.depth == depth }
        return sectionHeadings.map { heading in
            let end = headings.first { $0.blockIndex > heading.blockIndex && $0.depth <= depth }?.blockIndex ?? blocks.upperBound
            return LevelSection(name: heading.text, anchor: heading.anchor,
                                competencyID: competencyID(for: heading.text, config: config),
                                blocks: heading.blockIndex..<end)
        }
    }

    /// Section names match competencies case-insensitively, by name or by a `site.yml` alias.
    static func competencyID(for name: String, config: SiteConfig) -> String {
        let key = name.lowercased()
        for competency in config.competencies
        where competency.name.lowercased() == key || competency.aliases.contains(where: { $0.lowercased() == key }) {
            return Slug.make(competency.name)
        }
        return Slug.make(name)
    }
}

/// "L1 Engineers" → ("L1", "Engineers"); "IC3: Senior" → ("IC3", "Senior"); "Staff" → ("staff", "Staff").
enum LevelName {
    static func split(_ text: String) -> (id: String, title: String) {
        let trimmed = text.trimmingCharacters(in: " ")
        let letters = trimmed.prefix { $0.isLetter }
        let digits = trimmed.dropFirst(letters.count).prefix { $0.isNumber }
        if (1...3).contains(letters.count), !digits.isEmpty, letters.allSatisfy({ $0.isASCII }) {
            let id = String(letters).uppercased() + String(digits)
            var rest = trimmed.dropFirst(letters.count + digits.count)
            // "L1's" and "L1s" are plural/possessive forms of the id, not part of the title.
            for suffix in ["’s", "'s", "s"] where rest.hasPrefix(suffix) {
                let after = rest.dropFirst(suffix.count)
                if after.isEmpty || after.first == " " || after.first == ":" { rest = after; break }
            }
            let title = rest.drop { $0 == " " || $0 == ":" || $0 == "-" || $0 == "–" || $0 == "—" || $0 == "·" }
            return (id, title.isEmpty ? id : String(title))
        }
        return (Slug.make(trimmed), trimmed)
    }
}

/// A one-line summary from prose: the first sentence, or two when the first is very short.
enum Summary {
    static func firstSentences(_ text: String, limit: Int = 200) -> String {
        let clean = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        var out = ""
        var current = ""
        for ch in clean {
            current.append(ch)
            if ch == "." || ch == "!" || ch == "?" {
                out += current
                current = ""
                if out.count >= 60 { break }
            }
        }
        if out.isEmpty { out = current }
        out = out.trimmingCharacters(in: " ")
        if out.count > limit {
            out = String(out.prefix(limit - 1)).trimmingCharacters(in: " ") + "…"
        }
        return out
    }
}

/// Likely mistakes in a track that still build: reported as warnings by `build` and `check`.
enum LadderLint {
    static func warnings(for track: Track, config: SiteConfig) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let levels = track.levels
        for level in levels where level.summary.isEmpty {
            out.append(.warning(level.location, "level \(level.id) has no summary (add 'summary:' or an opening paragraph)"))
        }
        let competencySets = levels.map { Set($0.sections.map(\.competencyID)) }
        // A gap: both neighbours have the competency, this level does not.
        if levels.count >= 3 {
            for i in 1..<(levels.count - 1) {
                let shared = competencySets[i - 1].intersection(competencySets[i + 1]).subtracting(competencySets[i])
                for id in shared.sorted() {
                    let name = track.competencies.first { $0.id == id }?.name ?? id
                    out.append(.warning(levels[i].location,
                        "level \(levels[i].id) has no '\(name)' section, though \(levels[i - 1].id) and \(levels[i + 1].id) do"))
                }
            }
        }
        // A name used once in a track of several levels, and not declared in site.yml: probably a typo.
        let declared = Set(config.competencies.map { Slug.make($0.name) })
        if levels.filter({ !$0.sections.isEmpty }).count >= 3 {
            for competency in track.competencies where !declared.contains(competency.id) {
                let holders = levels.filter { $0.sections.contains { $0.competencyID == competency.id } }
                if holders.count == 1, let level = holders.first,
                   let section = level.sections.first(where: { $0.competencyID == competency.id }) {
                    out.append(.warning(level.location,
                        "competency '\(section.name)' appears only in \(level.id) of track '\(track.id)' (a typo?)"))
                }
            }
        }
        return out
    }
}
