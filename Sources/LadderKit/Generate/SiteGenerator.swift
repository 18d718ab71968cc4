import Foundation

/// Runs the pipeline — load content → model the ladder → render Markdown → generate pages — into any
/// `OutputSink`. Each phase returns diagnostics; errors stop the build before anything is written.
public struct SiteGenerator {
    public var options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    /// Builds the site. Throws `BuildFailure` with every error found (and the warnings seen so far).
    /// With a `memo` (the preview server), work whose inputs did not change since the memo's last build
    /// is reused; the output is the same as without one.
    public func build(into sink: OutputSink, memo: BuildMemo? = nil) throws(BuildFailure) -> BuildReport {
        let start = Date()
        memo?.beginBuild()
        BuildTrace.begin()
        var diagnostics: [Diagnostic] = []
        func stopOnErrors() throws(BuildFailure) {
            if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        }

        // 1. Load content and the theme.
        var loader = ContentLoader(siteFolder: options.siteFolder)
        loader.memo = memo
        var content = loader.load()
        memo?.endLoad()
        memo?.mark("load")
        BuildTrace.mark("load")
        diagnostics += content.diagnostics
        if let baseURL = options.baseURL { content.config.baseURL = baseURL }
        let (theme, themeDiagnostics) = Theme.load(siteFolder: options.siteFolder, loader: loader)
        diagnostics += themeDiagnostics
        let (templates, templateDiagnostics) = memo?.compile(theme) ?? theme.compile()
        diagnostics += templateDiagnostics
        try stopOnErrors()

        // 2. Model the ladder.
        var modelBuilder = ModelBuilder(includeDrafts: options.includeDrafts)
        modelBuilder.memo = memo
        var (model, modelDiagnostics) = modelBuilder.build(content)
        content.pages = []
        // Only the Markdown stage reads the bodies (29 MB at 10,000 pages): they leave the model, which
        // every later stage holds, and are let go once rendered. The preview server's memo keeps its own.
        var bodies = model.takeBodies()
        diagnostics += modelDiagnostics
        let assetPaths = theme.files.keys.filter { $0.hasPrefix("assets/") } + Array(theme.binaryAssets.keys)
        // With a memo, what depends on the model alone is kept while the model is (`BuildMemo.derived`).
        let assetKey = memo == nil ? "" : assetPaths.sorted().joined(separator: "\n")
        let site = memo?.derived("urls\n" + assetKey) { SiteURLs(model: model, assetPaths: assetPaths) }
            ?? SiteURLs(model: model, assetPaths: assetPaths)
        for page in model.pages {
            if let layout = page.layout, !templates.layouts.contains(layout) {
                diagnostics.append(.error(page.source.frontMatter.keyLocation("layout"),
                    "unknown layout '\(layout)' (available: \(templates.layouts.sorted().joined(separator: ", ")))"))
            }
        }
        diagnostics += site.conflicts
        memo?.mark("model")
        BuildTrace.mark("model")
        try stopOnErrors()

        // 3. Render Markdown, now that every URL and anchor is known.
        let resolver = LinkResolver(model: model, basePath: SiteURLs.basePath(of: model.config.baseURL),
                                    knownURLs: site.allURLs)
        let mentions = memo?.derived("mentions") { LevelMentions(model: model, resolver: resolver) }
            ?? LevelMentions(model: model, resolver: resolver)
        let linkWorld = memo?.derived("links\n" + assetKey) {
            LinkWorld.fingerprint(model: model, basePath: resolver.basePath, knownURLs: site.allURLs)
        } ?? 0
        let rendered = bodies.withUnsafeMutableBufferPointer { bodies in
          Array(model.pages.indices).parallelMap { index -> (RenderedDocument, [Diagnostic], fingerprint: Int) in
            let page = model.pages[index]
            // Each body is let go as soon as it is rendered, so its memory can hold the documents.
            let body = bodies[index]
            bodies[index] = ""
            let levelMentions = model.config.linkLevelMentions ? mentions.targets(forPage: index) : [:]
            let inputs = BuildMemo.RenderInputs(
                displayPath: page.source.displayPath, body: body, bodyLine: page.source.bodyLine,
                lineMap: page.source.lineMap, rawHTML: model.config.rawHTML, levelListBlock: model.levelLists[index]?.blockIndex,
                levelListAnchors: model.levelLists[index]?.anchors ?? [], mentions: levelMentions)
            if let memo, let reused = memo.document(for: page.source.contentPath, inputs: inputs, world: linkWorld, resolve: { link in
                resolver.resolve(link.url, from: page, pageIndex: index, isImage: link.isImage, at: link.location)
            }) { return reused }
            var found: [Diagnostic] = []
            var links: [BuildMemo.ResolvedLink] = []
            var renderer = MarkdownRenderer(
                displayPath: page.source.displayPath, bodyLine: page.source.bodyLine,
                allowRawHTML: model.config.rawHTML, levelList: model.levelLists[index],
                rewriteLink: { url, isImage, location in
                    let outcome = resolver.resolve(url, from: page, pageIndex: index, isImage: isImage, at: location)
                    if let d = outcome.diagnostic { found.append(d) }
                    if memo != nil {
                        links.append(.init(url: url, isImage: isImage, location: location, outcomeURL: outcome.url, diagnostic: outcome.diagnostic))
                    }
                    return outcome.url
                })
            renderer.lineMap = page.source.lineMap
            renderer.levelMentions = levelMentions
            renderer.knownHeadings = page.outline.headings
            let document = renderer.render(body)
            let fingerprint = memo?.remember(page.source.contentPath, inputs: inputs, world: linkWorld, links: links,
                                             document: document, diagnostics: found) ?? 0
            return (document, found, fingerprint)
          }
        }
        memo?.endRender()
        memo?.mark("markdown")
        BuildTrace.mark("markdown")
        diagnostics += rendered.flatMap(\.1)
        try stopOnErrors()

        // 4. Generate every output file.
        var fingerprints: OutputFingerprints?
        if let memo {
            let pageFingerprints = model.pages.enumerated().map { index, page in
                OutputFingerprints.page(page, contentHash: memo.contentHash(ofAbsolutePath: loader.contentFolder + "/" + page.source.contentPath),
                                        documentFingerprint: rendered[index].fingerprint)
            }
            fingerprints = OutputFingerprints(model: model, theme: theme, urls: site, pages: pageFingerprints,
                                              documents: rendered.map(\.0), memo: memo)
        }
        var pages = PageWriter(model: model, documents: rendered.map(\.0), templates: templates,
                               theme: theme, resolver: resolver, urls: site,
                               shared: fingerprints.flatMap { memo?.sharedContext(for: $0.sharedContextKey) })
        if let memo, let fingerprints {
            pages.memo = memo
            pages.fingerprints = fingerprints
            memo.remember(sharedContext: pages.shared, for: fingerprints.sharedContextKey)
        }
        var written: (pages: Int, files: Int) = (0, 0)
        do {
            // The index first: what it holds while it is built is freed before the pages need room.
            if model.config.search {
                // The preview server rebuilds the index only when something it reads changed.
                let output = SearchPageOutput(pages: pages, memo: memo, key: pages.fingerprints?.everything)
                written.files += try output.write(to: sink)
                Memory.returnFreedPages()
            }
            BuildTrace.mark("search")
            let all = try pages.writeAll(to: sink)
            written.pages = all.pages
            written.files += all.files
        } catch let failure as BuildFailure {
            throw BuildFailure(diagnostics + failure.diagnostics)
        } catch {
            throw BuildFailure(diagnostics + [.error(SourceLocation(path: "public"), "cannot write output: \(error)")])
        }

        memo?.mark("pages")
        BuildTrace.mark("pages")
        var report = BuildReport()
        report.pages = written.pages
        report.levels = model.levels.count
        report.tracks = model.tracks.count
        report.files = written.files
        report.warnings = diagnostics.filter { $0.severity == .warning }.sortedForDisplay()
        report.seconds = Date().timeIntervalSince(start)
        report.basePath = SiteURLs.basePath(of: model.config.baseURL)
        return report
    }
}

/// Every URL the site will have, so links can be checked and two sources cannot claim one URL.
struct SiteURLs {
    var allURLs: Set<String> = []
    var tags: [(name: String, slug: String, pages: [Int])] = []
    var aliases: [(from: String, to: String, location: SourceLocation)] = []
    var conflicts: [Diagnostic] = []

    /// `assetPaths`: the theme's files under `assets/`, which the build copies to `/assets/`.
    init(model: SiteModel, assetPaths: [String]) {
        allURLs.insert("/")
        for page in model.pages { allURLs.insert(page.url) }
        for track in model.tracks {
            allURLs.insert(track.url)
            for level in track.levels { allURLs.insert(level.url) }
            guard !track.levels.isEmpty, model.config.views else { continue }
            allURLs.insert(track.url + "matrix/")
            allURLs.insert(track.url + "compare/")
            for competency in track.competencies { allURLs.insert(track.url + "competencies/\(competency.id)/") }
            for (i, j) in PageWriter.comparePairs(track) {
                allURLs.insert(PageWriter.compareURL(track, track.levels[i], track.levels[j]))
            }
        }
        allURLs.insert("/404.html")
        allURLs.insert("/sitemap.xml")
        allURLs.insert("/robots.txt")
        // The index files under /search/ get their names from their content, known only after rendering;
        // nothing links to them but the search page.
        if model.config.search {
            if let page = model.pages.first(where: { $0.url == SearchPageOutput.url }) {
                conflicts.append(.error(page.source.frontMatter.location,
                                        "\(SearchPageOutput.url) is the search page; move this page or set 'search: false' in site.yml"))
            }
            allURLs.insert(SearchPageOutput.url)
        }
        for path in assetPaths { allURLs.insert("/" + path) }

        var tagPages: [String: (name: String, pages: [Int])] = [:]
        for (index, page) in model.pages.enumerated() {
            for tag in page.tags {
                let slug = Slug.make(tag)
                tagPages[slug, default: (tag, [])].pages.append(index)
            }
        }
        tags = tagPages.keys.sorted().map { (tagPages[$0]!.name, $0, tagPages[$0]!.pages) }
        if !tags.isEmpty { allURLs.insert("/tags/") }
        for tag in tags { allURLs.insert("/tags/\(tag.slug)/") }

        for page in model.pages {
            for alias in page.aliases {
                var from = alias.hasPrefix("/") ? alias : "/" + alias
                if !from.hasSuffix("/") && !from.hasSuffix(".html") { from += "/" }
                let location = page.source.frontMatter.keyLocation(page.source.frontMatter["aliases"] != nil ? "aliases" : "redirect_from")
                if allURLs.contains(from) {
                    conflicts.append(.error(location, "alias \(from) is already the URL of a page"))
                } else if from.contains("..") {
                    conflicts.append(.error(location, "alias \(from) leaves the site"))
                } else {
                    aliases.append((from, page.url, location))
                    allURLs.insert(from)
                }
            }
        }
    }

    /// The path part of `base_url`, with a trailing slash: `https://x.io/careers` → `/careers/`.
    static func basePath(of baseURL: String) -> String {
        var path = baseURL
        if let scheme = path.range(of: "://") {
            let rest = path[scheme.upperBound...]
            path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// Output file for a URL: `/engineering/l3/` → `engineering/l3/index.html`.
    static func filePath(for url: String) -> String {
        let trimmed = url.hasPrefix("/") ? String(url.dropFirst()) : url
        if trimmed.isEmpty { return "index.html" }
        return trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}

/// Which level ids a page's prose may link: its own track's levels first, then ids only one track uses.
/// A level never links to itself.
struct LevelMentions {
    var global: [String: String] = [:]
    var byTrack: [String: [String: String]] = [:]
    var trackOfPage: [Int: String] = [:]
    var levelURLOfPage: [Int: String] = [:]

    init(model: SiteModel, resolver: LinkResolver) {
        var counts: [String: Int] = [:]
        for track in model.tracks {
            for level in track.levels {
                let id = level.id.uppercased()
                byTrack[track.id, default: [:]][id] = resolver.href(level.url)
                counts[id, default: 0] += 1
                global[id] = resolver.href(level.url)
                trackOfPage[level.pageIndex] = track.id
                if level.origin == .file { levelURLOfPage[level.pageIndex] = resolver.href(level.url) }
            }
        }
        for (id, count) in counts where count > 1 { global[id] = nil }
        for (index, page) in model.pages.enumerated() where trackOfPage[index] == nil {
            if let id = try? TrackAssembler.trackID(of: page), byTrack[id] != nil { trackOfPage[index] = id }
        }
    }

    func targets(forPage index: Int) -> [String: String] {
        var out = global
        if let track = trackOfPage[index], let own = byTrack[track] { out.merge(own) { _, mine in mine } }
        if let selfURL = levelURLOfPage[index] { out = out.filter { $0.value != selfURL } }
        return out
    }
}
