import LadderCore
import LadderLoad
import LadderMarkdown

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
    /// For pages whose levels are read from parts of blocks (a table's cells): page index → the blocks the
    /// Markdown stage appends after the page's own, which those levels' sections point at.
    public var appendedBlocks: [Int: [AppendedBlock]] = [:]
    /// How many of a page's appended blocks are its own content (a data track's levels): shown with the
    /// page's blocks, not only on level pages.
    public var appendedContent: [Int: Int] = [:]

    public func track(_ id: String) -> Track? { tracks.first { $0.id == id } }

    /// Every level of every track.
    public var levels: [Level] { tracks.flatMap(\.levels) }

    /// Pages that are level files, written as their level's page.
    public var levelFilePages: Set<Int> { Self.levelFilePages(of: tracks) }

    /// Walked track by track: `levels` copies every level into one array (5.6 MB at 10,000 levels).
    static func levelFilePages(of tracks: [Track]) -> Set<Int> {
        var pages = Set<Int>()
        for track in tracks { for level in track.levels where level.origin == .file { pages.insert(level.pageIndex) } }
        return pages
    }

    /// The blocks a page shows as its own: its Markdown's, and appended ones that are its content.
    public func ownBlockCount(_ page: Int) -> Int {
        pages[page].outline.blockCount + (appendedContent[page] ?? 0)
    }

    /// The page's headings as its content shows them: its own, then those of appended blocks that are its
    /// content.
    public func contentHeadings(_ page: Int) -> [(depth: Int, text: String, anchor: String)] {
        var out = pages[page].outline.headings.map { ($0.depth, $0.text, $0.anchor) }
        guard let count = appendedContent[page], let blocks = appendedBlocks[page] else { return out }
        for block in blocks.prefix(count) {
            switch block {
            case .heading(let text, let anchor, _): out.append((2, text, anchor))
            case .subheading(let text, let depth, let anchor, _): out.append((depth, text, anchor))
            default: break
            }
        }
        return out
    }

    /// Criterion ids the data gives, by block index, for each item of each list appended to a page.
    public func givenCriterionIDs(_ page: Int) -> [Int: [String?]] {
        guard let blocks = appendedBlocks[page] else { return [:] }
        let base = pages[page].outline.blockCount
        var out: [Int: [String?]] = [:]
        for (n, block) in blocks.enumerated() {
            guard case .fragments(let items, _) = block, items.contains(where: { $0.id != nil }) else { continue }
            out[base + n] = items.map(\.id)
        }
        return out
    }

    /// Takes every page's Markdown body out of the model, by page index.
    package mutating func takeBodies() -> [String] {
        var bodies: [String] = []
        bodies.reserveCapacity(pages.count)
        for index in pages.indices {
            bodies.append(pages[index].source.body)
            pages[index].source.body = ""
        }
        return bodies
    }
}

/// Stage 2: interprets pages and assembles the ladder (DESIGN §3). Each step is a function of its
/// inputs: `prepare` the sources, `interpret` each page, `assemble` the pages into a model.
public struct ModelBuilder {
    public var includeDrafts = false

    public init(includeDrafts: Bool = false) { self.includeDrafts = includeDrafts }

    /// The whole stage at once, for callers that keep nothing between builds.
    public func build(_ content: LoadedContent) -> (SiteModel, [Diagnostic]) {
        var (sources, diagnostics) = Self.prepare(content.pages)
        var pages: [Page] = []
        for result in sources.parallelMap(Self.interpret) {
            switch result {
            case .success(let page): if keeps(page) { pages.append(page) }
            case .failure(let error): diagnostics.append(error)
            }
        }
        sources = []
        let (model, more) = Self.assemble(pages: pages, config: content.config, staticFiles: content.staticFiles)
        return (model, diagnostics + more)
    }

    /// With `folders` (what the last build found, kept by the build driver) and `fileKey` (a hash of a
    /// source's file), a folder whose files are all unchanged and held no ladder is not read again.
    package static func prepare(_ pages: [PageSource], folders: inout PlainFolders,
                                fileKey: (PageSource) -> Int?) -> ([PageSource], [Diagnostic]) {
        (FolderRecognition.apply(transform(pages), plain: &folders, fileKey: fileKey), [])
    }

    package static func prepare(_ pages: [PageSource]) -> ([PageSource], [Diagnostic]) {
        var none = PlainFolders()
        return prepare(pages, folders: &none, fileKey: { _ in nil })
    }

    /// Pasted pages' layouts found, folder indexes marked. A track given as data keeps its body: its levels
    /// are read from the data when the model is assembled (`TrackAssembler.addDataTrackLevels`).
    private static func transform(_ pages: [PageSource]) -> [PageSource] {
        var sources: [PageSource] = []
        // A folder's `README.md` is its index where it has no `index.md` (a repository read as a site).
        let indexed = Set(pages.filter { FolderRecognition.isIndex($0.contentPath) }.map { FolderRecognition.folder(of: $0.contentPath) })
        for var source in pages {
            if FolderRecognition.isReadme(source.contentPath), !indexed.contains(FolderRecognition.folder(of: source.contentPath)) {
                source.isFolderIndex = true
            }
            if source.isDataCandidate || !DataTrack.isDataTrack(source.frontMatter) { source.pasted = PastedLayout.of(source) }
            sources.append(source)
        }
        return sources
    }

    /// One page: its front matter read and its outline parsed with cmark (the costly part).
    package static func interpret(_ source: PageSource) -> Result<Page, Diagnostic> {
        Result { () throws(Diagnostic) -> Page in
            var outline = Outline(body: source.body, bodyLine: source.bodyLine, pasted: source.pasted)
            // A track given as data keeps its introduction's headings below its levels' (`###` at most).
            var shift = 0
            if !source.isDataCandidate, DataTrack.isDataTrack(source.frontMatter) {
                shift = outline.headings.map(\.depth).min().map { max(0, 3 - $0) } ?? 0
                for i in outline.headings.indices { outline.headings[i].depth = min(6, outline.headings[i].depth + shift) }
            }
            var page = try Page(source: source, outline: outline)
            page.headingShift = shift
            return page
        }
    }

    /// Whether the build publishes this page (drafts only with `--drafts`).
    /// A data file that holds no ladder is no page (it is published as a file all the same).
    package func keeps(_ page: Page) -> Bool {
        (!page.draft || includeDrafts) && !(page.source.isDataCandidate && page.recognised == nil)
    }

    /// The ladder from the pages: tracks, levels, competencies, anchors, and the URL checks between them.
    package static func assemble(pages: [Page], config: SiteConfig, staticFiles: [StaticFile]) -> (SiteModel, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // By index, not `for page in pages`: a `Page` copied out per iteration (every field retained and
        // released) was most of this step's time at 10,000 pages.
        var pageByContentPath: [String: Int] = [:]
        pageByContentPath.reserveCapacity(pages.count)
        for i in pages.indices { pageByContentPath[pages[i].source.contentPath] = i }

        var assembler = TrackAssembler(config: config, pages: pages)
        for index in pages.indices {
            do { try assembler.add(page: pages[index], index: index) } catch { diagnostics.append(error) }
        }
        let (tracks, levelLists, trackDiagnostics) = assembler.finish(pages: pages)
        diagnostics += trackDiagnostics + assembler.warnings
        diagnostics += pages.flatMap(\.warnings)
        // `equivalent: M9` must name a level of another track.
        for track in tracks {
            for level in track.levels {
                guard let id = level.equivalent else { continue }
                let found = tracks.contains { other in other.id != track.id && other.levels.contains { $0.slug == Slug.make(id) } }
                if !found {
                    let location = level.origin == .file ? pages[level.pageIndex].source.frontMatter.keyLocation("equivalent") : level.location
                    diagnostics.append(.warning(location, "'equivalent: \(id)' names no level of another track"))
                }
            }
        }
        for track in tracks { diagnostics += LadderLint.warnings(for: track, config: config, pages: pages) }

        // Two sources must not claim one URL (a level file and an ordinary page, `a.md` and `a/index.md`).
        var owner: [String: Int] = [:]
        let introPages = Set(tracks.compactMap(\.introPageIndex))
        let levelFiles = SiteModel.levelFilePages(of: tracks)
        owner.reserveCapacity(pages.count)
        for i in pages.indices where !levelFiles.contains(i) {
            if let first = owner[pages[i].url] {
                diagnostics.append(.error(pages[i].source.frontMatter.location,
                                          "\(pages[i].url) is already the URL of \(pages[first].source.displayPath)"))
            } else {
                owner[pages[i].url] = i
            }
        }
        for track in tracks {
            for level in track.levels {
                if let other = owner[level.url], !introPages.contains(other), other != level.pageIndex {
                    diagnostics.append(.error(level.location, "\(level.url) is already the URL of \(pages[other].source.displayPath)"))
                }
            }
        }

        var anchors = Array(pages.indices).parallelMap { pages[$0].outline.anchors }
        for (pageIndex, list) in levelLists { anchors[pageIndex].formUnion(list.anchors) }
        for (pageIndex, made) in assembler.sectionAnchors { anchors[pageIndex].formUnion(made) }
        for (pageIndex, count) in assembler.appendedContent {
            for block in assembler.appendedBlocks[pageIndex]?.prefix(count) ?? [] {
                switch block {
                case .heading(_, let anchor, _), .subheading(_, _, let anchor, _): anchors[pageIndex].insert(anchor)
                default: break
                }
            }
        }

        var model = SiteModel(config: config, pages: pages, tracks: tracks, staticFiles: staticFiles,
                              pageByContentPath: pageByContentPath, anchors: anchors, levelLists: levelLists)
        model.appendedBlocks = assembler.appendedBlocks
        model.appendedContent = assembler.appendedContent
        return (model, diagnostics)
    }
}
