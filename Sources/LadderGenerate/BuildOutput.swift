import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

extension BuildRun {
    /// Stage 3: every page's Markdown rendered with cmark, now that every URL and anchor is known. A
    /// page's last rendering is reused while its body and settings are the same and each of its links
    /// still resolves as it did.
    func renderMarkdown(_ model: SiteModel, bodies: consuming [String], urls: ResolvedURLs) -> ([RenderedDocument], [Diagnostic]) {
        var bodies = consume bodies
        let rendered = bodies.withUnsafeMutableBufferPointer { bodies in
            Array(model.pages.indices).parallelMap { index -> (RenderedDocument, [Diagnostic]) in
                // Each body is let go as soon as it is rendered, so its memory can hold the documents.
                let body = bodies[index]
                bodies[index] = ""
                return renderPage(index, of: model, body: body, urls: urls)
            }
        }
        memo?.endRender()
        return (rendered.map(\.0), rendered.flatMap(\.1))
    }

    private func renderPage(_ index: Int, of model: SiteModel, body: String, urls: ResolvedURLs) -> (RenderedDocument, [Diagnostic]) {
        let page = model.pages[index]
        let resolver = urls.resolver
        let levelMentions = model.config.linkLevelMentions ? urls.mentions.targets(forPage: index) : [:]
        let inputs = BuildMemo.RenderInputs(
            displayPath: page.source.displayPath, body: body, bodyLine: page.source.bodyLine,
            pasted: page.source.pasted, rawHTML: model.config.rawHTML, levelListBlock: model.levelLists[index]?.blockIndex,
            levelListAnchors: model.levelLists[index]?.anchors ?? [], mentions: levelMentions,
            appended: model.appendedBlocks[index] ?? [], headingShift: page.headingShift)
        if let memo, let reused = memo.document(for: page.source.contentPath, inputs: inputs, world: urls.linkWorld, resolve: { link in
            resolver.resolve(link.url, from: page, pageIndex: index, isImage: link.isImage, at: link.location)
        }) { return reused }
        var found: [Diagnostic] = []
        var links: [BuildMemo.ResolvedLink] = []
        var renderer = MarkdownRenderer(
            displayPath: page.source.displayPath, bodyLine: page.source.bodyLine,
            allowRawHTML: model.config.rawHTML, levelList: model.levelLists[index],
            rewriteLink: { url, isImage, location in
                let outcome = resolver.resolve(url, from: page, pageIndex: index, isImage: isImage, at: location)
                // A folder's track page repeats its competency pages' text: their links are checked there.
                if let d = outcome.diagnostic, page.source.folderLadder?.role != .track { found.append(d) }
                if self.memo != nil {
                    links.append(.init(url: url, isImage: isImage, location: location, outcomeURL: outcome.url, diagnostic: outcome.diagnostic))
                }
                return outcome.url
            })
        renderer.pasted = page.source.pasted
        renderer.levelMentions = levelMentions
        renderer.knownHeadings = page.outline.headings
        renderer.appendedBlocks = model.appendedBlocks[index] ?? []
        renderer.headingShift = page.headingShift
        let document = renderer.render(body)
        memo?.remember(page.source.contentPath, inputs: inputs, world: urls.linkWorld, links: links,
                       document: document, diagnostics: found)
        return (document, found)
    }

    /// Stage 4: the search index, then every page and file of the site. An incremental build redoes only
    /// the output groups whose fingerprint changed. Returns how many HTML pages and files were written.
    func write(_ model: SiteModel, documents: [RenderedDocument], templates: CompiledTheme, urls: ResolvedURLs,
               into sink: OutputSink) throws(BuildFailure) -> (pages: Int, files: Int) {
        let fingerprints = memo.map { memo in
            let pageFingerprints = model.pages.indices.map { index in
                let page = model.pages[index]
                return OutputFingerprints.page(page, contentHash: memo.contentHash(ofAbsolutePath: loader.contentFolder + "/" + page.source.contentPath),
                                               documentFingerprint: memo.documentFingerprint(page.source.contentPath))
            }
            return OutputFingerprints(model: model, theme: templates.theme, urls: urls.site, pages: pageFingerprints,
                                      documents: documents, memo: memo, history: history)
        }
        let pages = PageWriter(model: model, documents: documents, templates: templates.set,
                               theme: templates.theme, resolver: urls.resolver, urls: urls.site,
                               lastCommitDates: gitDates.wait(), history: history, languages: languages,
                               shared: fingerprints.flatMap { memo?.sharedContext(for: $0.sharedContextKey) })
        if let memo, let fingerprints { memo.remember(sharedContext: pages.shared, for: fingerprints.sharedContextKey) }
        BuildTrace.mark("page setup")
        do {
            var files = 0
            // The index is made beside the pages, on a thread of its own: both only read the rendered site
            // and write files of their own, and each has stretches that keep one core busy. (The preview
            // server rebuilds the index only when something it reads changed.)
            let memo = self.memo
            let search = !model.config.search ? nil : BackgroundWork { () throws -> Int in
                let made = try BuildTrace.timing(stage: "search (beside the pages)") {
                    try SearchPageOutput(pages: pages, memo: memo, key: fingerprints?.everything,
                                         pageKeys: fingerprints?.pages ?? []).write(to: sink)
                }
                Memory.returnFreedPages()
                return made
            }
            // Except in a full build whose pages include level views: six pages a level keep both cores busy,
            // so there is no stretch to fill, and they hold every level's criteria, which the index's working
            // memory would come on top of (10,000 levels: 287 → 262 MiB at the peak, the same time). There
            // the index is waited for first. (The preview's updates are small, and it wants them soonest.)
            let indexFirst = memo == nil && model.config.views && model.tracks.contains { !$0.levels.isEmpty }
            if indexFirst {
                files += try search?.wait() ?? 0
                BuildTrace.mark("search, before the pages")
            }
            files += try LadderDataOutput(pages: pages, memo: memo, key: fingerprints?.everything).write(to: sink)
            Memory.returnFreedPages()
            BuildTrace.mark("ladder data")
            let views = ViewJobs(writer: pages)
            // A track's criteria are read by its level, assess and view pages, which come one track after
            // another: once a batch is past a track, its criteria are let go (10,000 levels hold 40 MB of
            // them). In a full build their memory is handed back now and then: it is in small pieces the
            // pages' big strings do not fit in, so without that the pages' memory comes on top of it all the
            // same. (The preview holds its memo's copies anyway, and wants its few pages soonest.)
            var tracksDone = 0, tracksReturned = 0
            let entries = try IncrementalOutput(memo: memo, fingerprints: fingerprints)
                .write(pages.groups(), jobs: { pages.jobs(for: $0, views: views) }, to: sink, render: pages.render) { batch in
                    guard let current = batch.compactMap(\.track).max(), current > tracksDone else { return }
                    let done = model.tracks[tracksDone..<current].map(\.id)
                    pages.criteriaCache.forget(tracks: done)
                    pages.expectationsCache.forget(tracks: done)
                    pages.adjacentCache.forget(tracks: done)
                    tracksDone = current
                    if memo == nil, tracksDone - tracksReturned >= max(1, model.tracks.count / 16) {
                        Memory.returnFreedPages()
                        tracksReturned = tracksDone
                    }
                }
            BuildTrace.reportLayouts()
            let sitemap = memo?.sitemap(entries, site: fingerprints?.site) { pages.sitemap(entries) } ?? pages.sitemap(entries)
            files += try pages.writeSiteFiles(sitemap: sitemap, to: sink)
            BuildTrace.mark("pages")
            if !indexFirst { files += try search?.wait() ?? 0 }
            memo?.mark("pages")
            BuildTrace.mark("search, after the pages")
            if options.keepValuesUntilExit { ProcessLifetime.keep(pages) }
            return (entries.count, files + entries.count)
        } catch let failure as BuildFailure {
            throw BuildFailure(diagnostics + failure.diagnostics)
        } catch {
            throw BuildFailure(diagnostics + [.error(SourceLocation(path: "public"), "cannot write output: \(error)")])
        }
    }
}
