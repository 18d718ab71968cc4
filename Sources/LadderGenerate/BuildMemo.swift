import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// What one build leaves behind for the next, so a rebuild redoes only what its inputs changed
/// (the preview server keeps one across rebuilds; `ladder build` uses none).
///
/// Every stage asks the memo before working and tells it what it made:
/// - loading: a Markdown file whose inode, size and times are unchanged is not read or parsed again;
/// - modelling: a page is interpreted again only when its file changed, and the whole ladder model
///   (tracks, levels, anchors, and the URL set and level mentions derived from it) is kept when no page's
///   structure changed (front matter, headings, blocks, first paragraphs);
/// - templates: compiled again only when a template file changed;
/// - Markdown: a page's HTML is reused while its body and settings are the same *and* every link in it
///   resolves as before: links are tried again whenever anything they resolve against changed (`LinkWorld`);
/// - output: groups of pages (`OutputGroup`) keep their bytes while the fingerprint of everything they
///   read is unchanged (`OutputFingerprints`); the page writer's shared context and the sitemap likewise.
///
/// Reuse is decided by comparing inputs, never by trusting the watcher (whose reports only make the memo
/// forget more), so the result always equals a full build of the same files: the incremental and serve
/// tests compare the two byte for byte. Used by one build at a time; the lock covers the parallel stages.
public final class BuildMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [String: CachedSource] = [:]
    private var seenSources: Set<String> = []
    /// Content hash of each page loaded by this build, by content path.
    private var hashByContentPath: [String: Int] = [:]
    private var interpreted: [String: (contentHash: Int, page: Page)] = [:]
    private var templates: (files: [String: String], set: TemplateSet, diagnostics: [Diagnostic])?
    private var documents: [String: RenderRecord] = [:]
    private var seenDocuments: Set<String> = []
    private var outputs: [OutputGroup: CachedGroup] = [:]
    private var lastSitemap: (fingerprint: Int, text: String)?

    /// What the last build reused and redid, for the server's log and the tests.
    public private(set) var lastStats = Stats()

    private var phaseStart = Date()

    /// Ends the stage named `name` (timed from the previous mark, or from `beginBuild`).
    func mark(_ name: String) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        lastStats.phases.append((name, Int((now.timeIntervalSince(phaseStart) * 1000).rounded())))
        phaseStart = now
    }

    public init() {}

    /// Drops what is remembered about these files (paths as the loader spells them: the site folder,
    /// `/content/`, the file), whatever their signatures say: the watcher reports them as changed, and a
    /// file saved twice within the file system's timestamp granularity may keep its signature.
    public func forget(paths: [String]) {
        lock.lock(); defer { lock.unlock() }
        for path in paths { sources[path] = nil }
    }

    func beginBuild() {
        lock.lock(); defer { lock.unlock() }
        seenSources = []
        seenDocuments = []
        hashByContentPath = [:]
        lastStats = Stats()
        phaseStart = Date()
    }

    /// Forgets files and documents the build no longer has (deleted or renamed pages).
    func endLoad() {
        lock.lock(); defer { lock.unlock() }
        // Rebuilding the dictionaries costs more than checking whether anything is gone.
        if sources.count != seenSources.count { sources = sources.filter { seenSources.contains($0.key) } }
        if interpreted.count != hashByContentPath.count { interpreted = interpreted.filter { hashByContentPath[$0.key] != nil } }
    }

    func endRender() {
        lock.lock(); defer { lock.unlock() }
        if documents.count != seenDocuments.count { documents = documents.filter { seenDocuments.contains($0.key) } }
    }

    // MARK: Loading

    /// The parsed page at `absolutePath`, reusing the last parse while the file's signature is unchanged.
    func page(at absolutePath: String, load: () -> (Result<PageSource, Diagnostic>, contentHash: Int)) -> Result<PageSource, Diagnostic> {
        let signature = FileSignature(path: absolutePath)
        lock.lock()
        seenSources.insert(absolutePath)
        if let signature, let cached = sources[absolutePath], cached.signature == signature {
            if case .success(let source) = cached.result { hashByContentPath[source.contentPath] = cached.contentHash }
            lock.unlock()
            return cached.result
        }
        lock.unlock()
        let (result, hash) = load()
        lock.lock(); defer { lock.unlock() }
        lastStats.filesParsed += 1
        if let signature { sources[absolutePath] = CachedSource(signature: signature, result: result, contentHash: hash) }
        // Without a signature the file is read again next time, and its page is not reused either.
        if signature != nil, case .success(let source) = result { hashByContentPath[source.contentPath] = hash }
        return result
    }

    /// For each path, the last parse when the file's signature is unchanged, else nil (then `page(at:)`).
    func unchangedPages(at paths: [String]) -> [Result<PageSource, Diagnostic>?] {
        lock.lock(); defer { lock.unlock() }
        return paths.map { path in
            guard let cached = sources[path], let signature = FileSignature(path: path), cached.signature == signature else { return nil }
            seenSources.insert(path)
            if case .success(let source) = cached.result { hashByContentPath[source.contentPath] = cached.contentHash }
            return cached.result
        }
    }

    /// A hash of the file's bytes as last read, for output fingerprints (front matter included).
    func contentHash(ofAbsolutePath path: String) -> Int? {
        lock.lock(); defer { lock.unlock() }
        return sources[path]?.contentHash
    }

    // MARK: Modelling

    /// The page made from this source by the last build, when the source's file is byte for byte the
    /// same (a page is a function of its source alone).
    func interpretedPages(for sources: [PageSource]) -> [Page?] {
        lock.lock(); defer { lock.unlock() }
        return sources.map { source in
            guard let hash = hashByContentPath[source.contentPath], let cached = interpreted[source.contentPath],
                  cached.contentHash == hash, cached.page.source.displayPath == source.displayPath,
                  // A page of a folder's ladder also depends on its siblings; a folder's track page on all of them.
                  cached.page.source.folderLadder == source.folderLadder,
                  cached.page.source.competencyPages == source.competencyPages,
                  cached.page.source.levelIDs == source.levelIDs || source.competencyPages == nil else { return nil }
            return cached.page
        }
    }

    func remember(_ page: Page) {
        lock.lock(); defer { lock.unlock() }
        if let hash = hashByContentPath[page.source.contentPath] { interpreted[page.source.contentPath] = (hash, page) }
    }

    /// The last model built, and what building it reported.
    private var lastModel: (model: SiteModel, diagnostics: [Diagnostic])?
    /// Values computed from the model (and named inputs) alone, kept while the model is reused.
    private var derivedValues: [String: Any] = [:]

    /// The last model with these pages in it, when no page's structure changed: same files, front
    /// matter and outline (headings, blocks, first paragraph), same settings and static files. The
    /// tracks, levels, anchors and diagnostics are functions of exactly those, so they stand.
    func reusableModel(pages: [Page], config: SiteConfig, staticFiles: [StaticFile]) -> (SiteModel, [Diagnostic])? {
        lock.lock(); defer { lock.unlock() }
        guard let last = lastModel, last.model.pages.count == pages.count, last.model.config == config,
              last.model.staticFiles == staticFiles else { return nil }
        // By index, comparing fields in place: a `for (old, new) in zip(…)` copied two whole pages per step.
        for index in pages.indices {
            guard last.model.pages[index].source.contentPath == pages[index].source.contentPath,
                  last.model.pages[index].source.displayPath == pages[index].source.displayPath,
                  last.model.pages[index].source.bodyLine == pages[index].source.bodyLine,
                  last.model.pages[index].source.frontMatter == pages[index].source.frontMatter,
                  last.model.pages[index].source.folderLadder == pages[index].source.folderLadder,
                  last.model.pages[index].source.competencyPages == pages[index].source.competencyPages,
                  last.model.pages[index].outline == pages[index].outline,
                  // A competency page's blocks are cut into its track's levels by the model: its words too.
                  pages[index].source.folderLadder?.role != .competency
                    || last.model.pages[index].source.body == pages[index].source.body else { return nil }
        }
        var model = last.model
        model.pages = pages
        lastModel = (model, last.diagnostics)
        lastStats.modelReused = true
        return (model, last.diagnostics)
    }

    func remember(model: SiteModel, diagnostics: [Diagnostic]) {
        lock.lock(); defer { lock.unlock() }
        lastModel = (model, diagnostics)
        derivedValues = [:]
    }

    /// After a model that must not be reused (a page could not be read): nothing derived from the last
    /// one may be used with it either.
    func forgetModel() {
        lock.lock(); defer { lock.unlock() }
        lastModel = nil
        derivedValues = [:]
    }

    /// A value computed from the model and what `key` names; made again whenever the model is.
    /// A value kept from the last build while `key` (a fingerprint of all it reads) is unchanged.
    func cached<T>(_ name: String, key: Int, make: () -> T) -> T {
        lock.lock()
        if let (oldKey, value) = keyedValues[name], oldKey == key, let value = value as? T { lock.unlock(); return value }
        lock.unlock()
        let value = make()
        lock.lock(); keyedValues[name] = (key, value); lock.unlock()
        return value
    }
    private var keyedValues: [String: (Int, Any)] = [:]

    func derived<T>(_ key: String, make: () -> T) -> T {
        lock.lock()
        if let value = derivedValues[key] as? T { lock.unlock(); return value }
        lock.unlock()
        let value = make()
        lock.lock(); derivedValues[key] = value; lock.unlock()
        return value
    }

    private var plainFolders = PlainFolders()

    /// Folders the last build found no ladder in (see `FolderRecognition.apply`), updated by `body`.
    func withPlainFolders<T>(_ body: (inout PlainFolders) -> T) -> T {
        lock.lock(); var folders = plainFolders; lock.unlock()
        let result = body(&folders)
        lock.lock(); plainFolders = folders; lock.unlock()
        return result
    }

    /// The content hash of the page at this content path as loaded by this build (nil: not known, so not reusable).
    func contentHash(ofContentPath path: String) -> Int? {
        lock.lock(); defer { lock.unlock() }
        return hashByContentPath[path]
    }

    private var searchState: SearchIndexState?

    /// What the last search index build kept, handed over (an update changes it in place, so the memo
    /// lets go of it); the build gives back the new one with `keep(searchState:)`. A build that fails in
    /// between leaves none, and the next index is made from nothing.
    func takeSearchState() -> SearchIndexState? {
        lock.lock(); defer { lock.unlock() }
        defer { searchState = nil }
        return searchState
    }

    func keep(searchState: SearchIndexState) {
        lock.lock(); defer { lock.unlock() }
        self.searchState = searchState
        lastStats.searchDocumentsCounted = searchState.documentsCounted
    }

    private var sections: [Int: [String: Int]] = [:]

    /// Section fingerprints of each level, by the level's own fingerprint (see `OutputFingerprints`).
    var sectionFingerprints: [Int: [String: Int]] {
        get { lock.lock(); defer { lock.unlock() }; return sections }
        set { lock.lock(); defer { lock.unlock() }; sections = newValue }
    }

    private var lastShared: (key: Int, shared: PageWriter.Shared)?

    /// The page writer's shared context of the last build, when it was made from the same inputs.
    func sharedContext(for key: Int) -> PageWriter.Shared? {
        lock.lock(); defer { lock.unlock() }
        return lastShared?.key == key ? lastShared?.shared : nil
    }

    func remember(sharedContext: PageWriter.Shared, for key: Int) {
        lock.lock(); defer { lock.unlock() }
        lastShared = (key, sharedContext)
    }

    // MARK: Templates

    func compile(_ theme: Theme) -> (TemplateSet, [Diagnostic]) {
        lock.lock(); defer { lock.unlock() }
        if let cached = templates, cached.files == theme.files { return (cached.set, cached.diagnostics) }
        let (set, diagnostics) = theme.compile()
        templates = (theme.files, set, diagnostics)
        return (set, diagnostics)
    }

    // MARK: Markdown

    /// The last rendering of this page when its inputs are equal and each of its links still resolves
    /// the same way.
    /// The last rendering of this page when its inputs are equal and each of its links still resolves
    /// the same way. Links are re-resolved only when what they resolve against (`world`) changed.
    func document(for contentPath: String, inputs: RenderInputs, world: Int,
                  resolve: (ResolvedLink) -> LinkResolver.Outcome) -> (RenderedDocument, [Diagnostic])? {
        lock.lock()
        seenDocuments.insert(contentPath)
        let record = documents[contentPath]
        lock.unlock()
        guard let record, record.inputs == inputs else { return nil }
        if record.world != world {
            for link in record.links {
                let outcome = resolve(link)
                if outcome.url != link.outcomeURL || outcome.diagnostic != link.diagnostic { return nil }
            }
            lock.lock(); documents[contentPath]?.world = world; lock.unlock()
        }
        return (record.document, record.diagnostics)
    }

    func remember(_ contentPath: String, inputs: RenderInputs, world: Int, links: [ResolvedLink],
                  document: RenderedDocument, diagnostics: [Diagnostic]) {
        let fingerprint = document.hashValue
        lock.lock(); defer { lock.unlock() }
        lastStats.documentsRendered += 1
        documents[contentPath] = RenderRecord(inputs: inputs, world: world, links: links, document: document,
                                              diagnostics: diagnostics, fingerprint: fingerprint)
    }

    /// A hash of this build's rendering of the page (reused or made afresh), for output fingerprints.
    func documentFingerprint(_ contentPath: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        return documents[contentPath]?.fingerprint ?? Int.random(in: .min ... .max)
    }

    // MARK: Output

    /// The sitemap, reused while the pages it lists (URL, whether listed, lastmod) and the site are the same.
    func sitemap(_ entries: [PageWriter.SitemapEntry], site: Int?, make: () -> String) -> String {
        guard let site else { return make() }
        // Entries come in no fixed order (reused groups first); sum their hashes so order does not matter.
        var sum = 0
        for entry in entries {
            var h = Hasher()
            h.combine(entry.url); h.combine(entry.inSitemap); h.combine(entry.lastmod)
            sum &+= h.finalize()
        }
        var h = Hasher()
        h.combine(site); h.combine(sum); h.combine(entries.count)
        let fingerprint = h.finalize()
        lock.lock()
        if let cached = lastSitemap, cached.fingerprint == fingerprint { lock.unlock(); return cached.text }
        lock.unlock()
        let text = make()
        lock.lock(); lastSitemap = (fingerprint, text); lock.unlock()
        return text
    }

    /// The output groups of the last build, by key (taken once per build, then looked up without locking).
    var cachedGroups: [OutputGroup: CachedGroup] {
        lock.lock(); defer { lock.unlock() }
        return outputs
    }

    /// Replaces the output cache with this build's groups, so groups that are gone are forgotten.
    func storeOutputs(_ groups: [OutputGroup: CachedGroup], rendered: Int, reused: Int) {
        lock.lock(); defer { lock.unlock() }
        outputs = groups
        lastStats.groupsRendered = rendered
        lastStats.groupsReused = reused
    }
}
