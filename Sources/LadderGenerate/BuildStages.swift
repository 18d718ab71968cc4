import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// The templates a build renders with, and the theme they came from (its assets are copied too).
struct CompiledTheme {
    var theme: Theme
    var set: TemplateSet
}

/// Every URL of the site and the link resolver made from them, fixed once the model is.
struct ResolvedURLs {
    var site: SiteURLs
    var resolver: LinkResolver
    var mentions: LevelMentions
    /// Fingerprint of everything links resolve against (0 without a memo).
    var linkWorld: Int
    /// The theme's asset paths, sorted, which are URLs too.
    var assetKey: String
}

/// The stages mapped over their items, each through the memo when there is one.
extension BuildRun {
    /// Stage 1: every Markdown file read and parsed, reusing a file's last parse while it is unchanged.
    func loadContent() -> (LoadedContent, [Diagnostic]) {
        let listing = loader.list()
        let files = listing.markdownFiles
        // With a memo, files whose signature is unchanged come from it in one pass; only the others are read.
        let known = memo?.unchangedPages(at: files.map(\.absolutePath)) ?? Array(repeating: nil, count: files.count)
        let results = Array(files.indices).parallelMap { index -> Result<PageSource, Diagnostic> in
            if let page = known[index] { return page }
            let file = files[index]
            guard let memo else { return loader.read(file).flatMap { ContentLoader.parse($0, file: file) } }
            return memo.page(at: file.absolutePath) {
                switch loader.read(file) {
                case .success(let data): return (ContentLoader.parse(data, file: file), ContentHash.of(data))
                case .failure(let error): return (.failure(error), ContentHash.of(Data()))
                }
            }
        }
        memo?.endLoad()
        var content = LoadedContent(config: listing.config, pages: [], staticFiles: listing.staticFiles, diagnostics: [])
        var found = listing.diagnostics
        for result in results {
            switch result {
            case .success(let page): content.pages.append(page)
            case .failure(let error): found.append(error)
            }
        }
        content.pages += listing.dataPages
        if let baseURL = options.baseURL { content.config.baseURL = baseURL }
        return (content, found)
    }

    /// The built-in theme under the site's `templates/`, compiled again only when a template changed.
    func loadTheme() -> (CompiledTheme, [Diagnostic]) {
        let (theme, loadDiagnostics) = Theme.load(siteFolder: options.siteFolder, loader: loader)
        let (set, compileDiagnostics) = memo?.compile(theme) ?? theme.compile()
        return (CompiledTheme(theme: theme, set: set), loadDiagnostics + compileDiagnostics)
    }

    /// The theme speaking the site's language (`language:` in site.yml): its strings files read, a missing
    /// key warned about, an unknown language an error.
    func localize(_ compiled: CompiledTheme, language: String) -> (CompiledTheme, [Diagnostic]) {
        let (strings, diagnostics) = UIStrings.load(language: language, theme: compiled.theme,
                                                    configPath: loader.displayPath("content/site.yml"))
        return (CompiledTheme(theme: compiled.theme, set: compiled.set.localized(strings)), diagnostics)
    }

    /// Stage 2: each page interpreted (reused while its file is byte for byte the same), then the ladder
    /// assembled (reused while no page's structure changed). Returns the model without the Markdown bodies,
    /// which only the next stage reads: they are let go as they are rendered.
    func modelLadder(_ content: consuming LoadedContent) -> ((SiteModel, bodies: [String]), [Diagnostic]) {
        let builder = ModelBuilder(includeDrafts: options.includeDrafts)
        var (sources, diagnostics) = memo.map { memo in
            memo.withPlainFolders { folders in
                ModelBuilder.prepare(content.pages, folders: &folders, fileKey: { memo.contentHash(ofContentPath: $0.contentPath) })
            }
        } ?? ModelBuilder.prepare(content.pages)
        content.pages = []
        BuildTrace.mark("model: prepare")
        let reused = memo?.interpretedPages(for: sources) ?? Array(repeating: nil, count: sources.count)
        var interpreted = Array(sources.indices).parallelMap { index -> Result<Page, Diagnostic> in
            if let page = reused[index] { return .success(page) }
            let result = ModelBuilder.interpret(sources[index])
            if case .success(let page) = result { memo?.remember(page) }
            return result
        }
        sources = []
        BuildTrace.mark("model: interpret")
        var pages: [Page] = []
        pages.reserveCapacity(interpreted.count)
        var unreadable = false
        // Each page is moved out of the results (swapped with a placeholder): read in place, every page
        // was copied once more and the original destroyed, on one core after all of them were made.
        let placeholder = Result<Page, Diagnostic>.failure(.error(SourceLocation(path: ""), ""))
        for index in interpreted.indices {
            var result = placeholder
            swap(&result, &interpreted[index])
            switch consume result {
            case .success(let page): if builder.keeps(page) { pages.append(page) }
            case .failure(let error): diagnostics.append(error); unreadable = true
            }
        }
        interpreted = []
        var model: SiteModel
        // An edit inside a page's prose (the usual save) leaves the ladder as it was.
        if !diagnostics.hasErrors, let reused = memo?.reusableModel(pages: pages, config: content.config, staticFiles: content.staticFiles) {
            model = reused.0
            diagnostics += reused.1
        } else {
            // The pages are the model's alone from here: shared, the first change to any (taking the bodies
            // out) copied every page.
            let (assembled, found) = ModelBuilder.assemble(pages: consume pages, config: content.config, staticFiles: content.staticFiles)
            model = assembled
            diagnostics += found
            // Only a model whose every page was read is a fair base for the next build.
            if unreadable { memo?.forgetModel() } else { memo?.remember(model: model, diagnostics: found) }
        }
        // Said even when a later error stops the build: often it is why.
        ladderRead = (RecognisedTracks.lines(model), RecognisedTracks.counts(model))
        if let path = options.explain { explanation = LadderExplanation.lines(model, under: path) }
        let bodies = model.takeBodies()
        return ((model, bodies), diagnostics)
    }

    /// A `layout:` the theme does not have (a page written for Jekyll or Hugo: `layout: framework_docs`)
    /// falls back to `level` for a level file, `docs` for a page in a navigation group, else `page`, with a
    /// warning naming it.
    func checkLayouts(_ model: consuming SiteModel, templates: CompiledTheme) -> (SiteModel, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let available = templates.set.layouts
        for index in model.pages.indices {
            guard let layout = model.pages[index].layout, !available.contains(layout) else { continue }
            let page = model.pages[index]
            let fallback = page.kind == .level ? "level" : page.nav != nil && available.contains("docs") ? "docs" : "page"
            diagnostics.append(.warning(page.source.frontMatter.keyLocation("layout"),
                "unknown layout '\(layout)', using '\(fallback)' (available: \(available.sorted().joined(separator: ", ")))"))
            model.pages[index].layout = fallback
        }
        return (model, diagnostics)
    }

    /// Every URL the site will have (pages, views, tags, aliases, assets), checked for conflicts, and
    /// every page's layout checked against the theme.
    func siteURLs(_ model: SiteModel, templates: CompiledTheme) -> (ResolvedURLs, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let assetPaths = templates.theme.files.keys.filter { $0.hasPrefix("assets/") } + Array(templates.theme.binaryAssets.keys)
        // With a memo, what depends on the model alone is kept while the model is (`BuildMemo.derived`).
        let assetKey = memo == nil ? "" : assetPaths.sorted().joined(separator: "\n")
        let site = memo?.derived("urls\n" + assetKey) { SiteURLs(model: model, assetPaths: assetPaths) }
            ?? SiteURLs(model: model, assetPaths: assetPaths)
        diagnostics += site.conflicts
        let resolver = LinkResolver(model: model, basePath: SiteURLs.basePath(of: model.config.baseURL),
                                    knownURLs: site.allURLs)
        let mentions = memo?.derived("mentions") { LevelMentions(model: model, resolver: resolver) }
            ?? LevelMentions(model: model, resolver: resolver)
        let linkWorld = memo?.derived("links\n" + assetKey) {
            LinkWorld.fingerprint(model: model, basePath: resolver.basePath, knownURLs: site.allURLs)
        } ?? 0
        return (ResolvedURLs(site: site, resolver: resolver, mentions: mentions, linkWorld: linkWorld, assetKey: assetKey), diagnostics)
    }
}
