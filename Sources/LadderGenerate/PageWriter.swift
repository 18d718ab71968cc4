import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// Stage 4: pours the model and rendered Markdown into templates and writes every file of the site.
struct PageWriter {
    let model: SiteModel
    let documents: [RenderedDocument]
    let templates: TemplateSet
    let theme: Theme
    let resolver: LinkResolver
    let urls: SiteURLs
    /// Context pieces shared by many pages, built once: a 10,000-page site must not rebuild the list
    /// of every track and level for every page.
    let shared: Shared
    /// Made once: every page's canonical link needs it.
    let siteOrigin: String?
    /// Each content file's last commit date (`engineering/l3.md` → `2026-03-14`), for "Last updated".
    let lastCommitDates: [String: String]
    /// Each level's criteria, read once: from this build's documents, so never kept for another build.
    let criteriaCache = TrackCache<LevelCriteria>()
    /// Each level's expectations as comparisons read them, worked out once: its level page, the next
    /// level's, its comparisons and the matrix all ask (each asking again was a tenth of a
    /// 10,000-level build's CPU). Kept and let go with the criteria.
    let expectationsCache = TrackCache<[String: LevelComparison.Section]>()
    /// Each level's comparison with the next, worked out once: the higher level's page shows it in short
    /// and the pair's compare page in full. Kept and let go with the criteria.
    let adjacentCache = TrackCache<LevelComparison>()
    /// Comparison counts as the site's language words them.
    let countSummaries = CountSummaries()
    /// The ladder's versions, with `history:` in site.yml: `/changes/` and the criteria's earlier ids.
    let history: LadderHistory?
    /// The site's languages, when it has several: each page links to itself in the others.
    let languages: SiteLanguages?

    static let headerTrackLimit = 8

    /// The words of the site's language, for the text Ladder writes itself.
    var strings: UIStrings { templates.strings }

    final class Shared: @unchecked Sendable {
        var siteByTrack: [String: SharedContext<SiteContext>] = [:]
        var tracks: [String: SharedContext<TrackContext>] = [:]
        var navMembers: [String: [Int]] = [:]
        /// The few levels that name an equivalent, with their track: each track looks for the ones that
        /// name its levels, and a site of 1,000 tracks must not walk every level of every track for each.
        var levelsWithEquivalents: [(track: Track, level: Level)] = []
    }

    /// `shared`: the shared pieces of an earlier build whose inputs were the same (the preview server).
    init(model: SiteModel, documents: [RenderedDocument], templates: TemplateSet, theme: Theme,
         resolver: LinkResolver, urls: SiteURLs, lastCommitDates: [String: String] = [:], history: LadderHistory? = nil,
         languages: SiteLanguages? = nil, shared reused: Shared? = nil) {
        self.history = history
        self.languages = languages
        self.model = model
        self.documents = documents
        self.templates = templates
        self.theme = theme
        self.resolver = resolver
        self.urls = urls
        self.siteOrigin = Self.origin(of: model.config.baseURL)
        self.lastCommitDates = lastCommitDates
        self.shared = reused ?? Shared()
        if reused != nil { return }
        for index in model.pages.indices {
            if let nav = model.pages[index].nav { shared.navMembers[nav, default: []].append(index) }
        }
        for track in model.tracks {
            for level in track.levels where level.equivalent != nil { shared.levelsWithEquivalents.append((track, level)) }
        }
        for (track, context) in zip(model.tracks, model.tracks.parallelMap { SharedContext(makeTrackContext($0)) }) {
            shared.tracks[track.id] = context
        }
        let allTracks = model.tracks.map { track in
            TrackLink(id: track.id, title: track.title, description: track.description, url: href(track.url),
                      levels: track.levels.map { LevelLink(id: $0.id, title: $0.title, displayName: $0.displayName, url: href($0.url)) })
        }
        // Drawn once: only the home page shows it, but every site context is the same but for the header.
        let careerPaths = careerPathsContext()
        shared.siteByTrack[""] = makeSiteContext(tracks: allTracks, currentTrack: nil, careerPaths: careerPaths)
        // Only the header marks the current track, and it lists tracks only when there are few.
        if model.tracks.count <= Self.headerTrackLimit {
            for track in model.tracks {
                shared.siteByTrack[track.id] = makeSiteContext(tracks: allTracks, currentTrack: track.id, careerPaths: careerPaths)
            }
        }
    }

    /// Track intros, written as their track's overview (as level files are written as level pages).
    private var introPages: Set<Int> { Set(model.tracks.compactMap(\.introPageIndex)) }

    /// One HTML page to write and what the sitemap needs to know about it.
    struct Output {
        var url: String
        var layout: String
        var context: LayoutContext
        var inSitemap: Bool
        var lastmod: String?
    }

    /// Every HTML page as a group of jobs, each of which builds its context when run. Pages come in
    /// groups that read the same inputs (`OutputGroup`), so an incremental build can reuse the bytes of
    /// the groups whose inputs did not change.
    func groups() -> [OutputGroup] {
        var groups: [OutputGroup] = []
        let skip = model.levelFilePages.union(introPages)
        for index in model.pages.indices where !skip.contains(index) { groups.append(.page(index)) }
        if !model.pages.indices.contains(where: { model.pages[$0].kind == .home }) { groups.append(.generatedHome) }
        for (number, track) in model.tracks.enumerated() {
            groups.append(.track(number))
            for position in track.levels.indices { groups.append(.level(track: number, position: position)) }
            if model.config.assess {
                for position in track.levels.indices { groups.append(.assess(track: number, position: position)) }
            }
            guard model.config.views else { continue }
            for view in Self.viewReads(track).indices { groups.append(.view(track: number, number: view)) }
        }
        groups.append(.tags)
        if history != nil { groups.append(.changes) }
        return groups
    }

    /// One page's bytes.
    func render(_ output: Output) -> Data {
        BuildTrace.timing(layout: output.layout) {
            var context = output.context
            context.translations = languages?.context(for: output.url)
            return Data(templates.render(layout: output.layout, context: context).utf8)
        }
    }

    /// The files beside the pages: 404 page, redirects, sitemap, robots.txt, theme assets and static
    /// files. Returns how many it wrote.
    func writeSiteFiles(sitemap: String, to sink: OutputSink) throws -> Int {
        var notFound = context(page: PageContext(title: strings.text("title.not_found"), url: nil), current: "")
        // Each language's 404 page (as Hugo writes them) offers the other languages' home pages.
        notFound.translations = languages?.context(for: nil)
        try sink.write("404.html", templates.render(layout: "404", context: notFound))
        for alias in urls.aliases {
            try sink.write(SiteURLs.filePath(for: alias.from), templates.render(layout: "redirect", context: LayoutContext(
                site: siteContext(current: ""), page: nil, view: .redirect(target: href(alias.to)))))
        }
        try sink.write("sitemap.xml", sitemap)
        // robots.txt is read at the root only: the default language's names every language's sitemap.
        if languages?.isDefault ?? true {
            let others = (languages?.languages.dropFirst() ?? []).map { "Sitemap: \($0.absolute("/sitemap.xml"))\n" }.joined()
            try sink.write("robots.txt", "User-agent: *\nAllow: /\nSitemap: \(absolute("/sitemap.xml"))\n" + others)
        }
        var count = 3 + urls.aliases.count
        for (path, text) in theme.files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("assets/") {
            try sink.write(path, text)
            count += 1
        }
        for (path, data) in theme.binaryAssets.sorted(by: { $0.key < $1.key }) {
            try sink.write(path, data)
            count += 1
        }
        let copies = model.staticFiles.filter { !SiteURLs.writtenByTheBuild.contains("/" + $0.contentPath) }.parallelMap { file -> Error? in
            do { try sink.copy(from: file.absolutePath, to: file.contentPath) } catch { return error }
            return nil
        }
        if let error = copies.compactMap({ $0 }).first { throw error }
        return count + copies.count
    }

    // MARK: URLs

    func href(_ path: String) -> String { resolver.href(path) }

    func absolute(_ path: String) -> String {
        guard let origin = siteOrigin else { return href(path) }
        return origin + href(path)
    }

    /// `https://x.io` for `base_url: https://x.io/careers/` (`href` adds the path); nil without a scheme.
    static func origin(of baseURL: String) -> String? {
        guard baseURL.contains("://") else { return nil }
        let origin = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let prefix = SiteURLs.basePath(of: baseURL)
        return origin.replacingOccurrences(of: String(prefix.dropLast()), with: "", options: .backwards)
    }

    // MARK: Contexts

    func siteContext(current: String) -> SharedContext<SiteContext> {
        // Per-track variants exist only while the header lists tracks; otherwise every page shares one.
        let track = model.tracks.count <= Self.headerTrackLimit ? model.tracks.first { !current.isEmpty && current.hasPrefix($0.url) } : nil
        return shared.siteByTrack[track?.id ?? ""]!
    }

    private func makeSiteContext(tracks: [TrackLink], currentTrack: String?, careerPaths: CareerPathsContext?) -> SharedContext<SiteContext> {
        let navGroups = shared.navMembers
        let navTracks: [TrackLink] = tracks.count > Self.headerTrackLimit ? [] : tracks.map { track in
            var marked = track
            marked.current = track.id == currentTrack
            return marked
        }
        var site = SiteContext(
            title: model.config.title, description: model.config.description, language: model.config.language,
            baseURL: model.config.baseURL, root: String(href("/").dropLast()), params: model.config.params,
            tracks: tracks, navTracks: navTracks, manyTracks: tracks.count > PageWriter.headerTrackLimit,
            search: model.config.search, views: model.config.views, changesURL: model.config.history == nil ? nil : href(HistoryReader.url),
            nav: navGroups.keys.sorted().map { navGroup($0, pages: navGroups[$0]!, current: "") })
        site.favicon = favicon
        site.careerPaths = careerPaths
        return templates.shared(site)
    }

    /// The site's own `favicon.svg`, `.ico` or `.png` in content/, else the theme's.
    private var favicon: SiteContext.Favicon {
        let own = Set(model.staticFiles.map(\.contentPath))
        if own.contains("favicon.svg") { return .init(url: href("/favicon.svg"), type: "image/svg+xml") }
        if own.contains("favicon.ico") { return .init(url: href("/favicon.ico"), type: nil) }
        if own.contains("favicon.png") { return .init(url: href("/favicon.png"), type: "image/png") }
        return .init(url: href("/assets/favicon.svg"), type: "image/svg+xml")
    }

    func navGroup(_ name: String, pages: [Int], current: String) -> NavGroup {
        let sorted = pages.sorted {
            let a = model.pages[$0], b = model.pages[$1]
            return (a.weight ?? Int.max, a.navTitle, a.url) < (b.weight ?? Int.max, b.navTitle, b.url)
        }
        return NavGroup(name: name, title: name.prefix(1).uppercased() + name.dropFirst(), pages: sorted.map { i in
            let page = model.pages[i]
            return NavGroup.Page(title: page.navTitle, url: href(page.url), current: page.url == current)
        })
    }

    /// A page's context: the site, the page, and crumbs from "Home" to the page (none on the home page).
    func context(page: PageContext, current: String, track: Track? = nil, view: LayoutContext.View = .plain,
                 breadcrumbs: [(String, String?)] = []) -> LayoutContext {
        let crumbs = breadcrumbs.isEmpty ? [] : ([(strings.text("crumb.home"), "/")] + breadcrumbs).map { Breadcrumb(title: $0.0, url: $0.1.map(href)) }
        return LayoutContext(site: siteContext(current: current), page: page, breadcrumbs: crumbs,
                             track: track.map(trackContext), view: view)
    }

    /// Blocks of a rendered page; a `#` title heading that became the page title is left out.
    func contentHTML(_ index: Int, blocks range: Range<Int>? = nil) -> String {
        let page = model.pages[index]
        var html = ""
        // Blocks appended for a table's levels (past the page's own) are shown on the level pages only.
        let own = model.ownBlockCount(index)
        for block in documents[index].blocks where block.index < own {
            if let range, !(block.heading.map { range.contains($0.blockIndex) } ?? true) { continue }
            if page.titleFromHeading, let h = block.heading, h.blockIndex == 0 { continue }
            block.appendHTML(to: &html)
        }
        return html
    }

    func pageContext(_ index: Int) -> PageContext {
        let page = model.pages[index]
        var context = PageContext(title: page.title, url: href(page.url), permalink: absolute(page.url),
                                  description: page.description, summary: page.summary)
        context.content = contentHTML(index)
        context.titleFromHeading = page.titleFromHeading
        context.params = YAMLValue.map(page.params).templateValue
        context.kind = page.kind.rawValue
        context.authors = page.authors
        context.tags = page.tags.map { PageContext.Tag(name: $0, url: href("/tags/\(Slug.make($0))/")) }
        context.date = page.date.map { PageContext.Dated(value: $0, display: strings.date($0)) }
        if let lastmod = page.lastmod, lastmod != page.date {
            context.lastmod = PageContext.Dated(value: lastmod, display: strings.date(lastmod))
        }
        if page.showTOC {
            let toc = model.contentHeadings(index).filter { $0.depth == 2 || $0.depth == 3 }
            // A table of contents helps long pages only.
            if toc.count >= 3 { context.toc = toc.map { PageContext.TOCEntry(text: $0.text, anchor: $0.anchor, depth: $0.depth) } }
        }
        if let nav = page.nav {
            context.navGroup = navGroup(nav, pages: shared.navMembers[nav] ?? [], current: page.url)
        }
        addPageMeta(index, to: &context)
        return context
    }

    func pageOutput(_ index: Int, _ page: Page) -> Output {
        let layout = page.layout ?? (page.kind == .home ? "home" : page.isArticle ? "article" : "page")
        let track = page.kind == .trackPage ? model.tracks.first(where: { t in t.levels.contains { $0.pageIndex == index } }) : nil
        let crumbs: [(String, String?)] = page.kind == .home ? [] : [(page.title, nil)]
        return Output(url: page.url, layout: layout,
                      context: context(page: pageContext(index), current: page.url, track: track, breadcrumbs: crumbs),
                      inSitemap: page.inSitemap, lastmod: page.lastmod ?? page.date)
    }
}
