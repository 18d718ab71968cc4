import LadderCore
import LadderModel
import LadderMarkdown

/// Builds the search index of a rendered site (documents → scores → files) and writes it.
public enum SearchIndexBuilder {
    /// `href` adds the site's base path to a root-relative URL (the link resolver's `href`); each file
    /// is handed to `write(name, content)` as soon as it is made.
    public static func write(model: SiteModel, documents: [RenderedDocument], href: @escaping (String) -> String,
                             to write: @escaping (String, String) throws -> Void) throws -> SearchIndex {
        let corpus = BuildTrace.timing(stage: "search: corpus") { SearchCorpusBuilder(model: model, documents: documents, href: href).build() }
        let scoring = BuildTrace.timing(stage: "search: scoring") { SearchScoring(corpus: corpus) }
        return try BuildTrace.timing(stage: "search: files") { try SearchIndexLayout().write(corpus, scoring, to: write).0 }
    }

    /// The index made from the last one (`previous`, which this build hands on in its result): documents
    /// whose entry and page fingerprint (`pageKeys`, by page index: a hash of each rendered page) are
    /// unchanged are not read again, nor those of a changed page whose own text is unchanged; only the
    /// files holding a changed term or document are made again. Writes what `write` above writes for
    /// the same site, file for file.
    public static func update(_ previous: SearchIndexState?, model: SiteModel, documents: [RenderedDocument],
                              pageKeys: [Int], href: @escaping (String) -> String,
                              to write: @escaping (String, String) throws -> Void) throws -> (SearchIndex, SearchIndexState) {
        let (corpus, pages) = SearchCorpusBuilder(model: model, documents: documents, href: href)
            .build(pageKeys: pageKeys, previous: previous?.pages ?? [:])
        let keys = Array(corpus.entries.indices).parallelMap { corpus.key($0, pageKey: Self.pageKey(pageKeys, Int(corpus.entries[$0].source))) }
        let scoring = previous.flatMap { SearchScoring.updated($0.scoring, corpus: corpus, keys: keys) }
            ?? SearchScoring(corpus: corpus, keys: keys)
        let (index, layout) = try SearchIndexLayout().write(corpus, scoring, previous: previous?.layout, keep: true, to: write)
        return (index, SearchIndexState(scoring: scoring, layout: layout!, pages: pages))
    }

    /// A page without a fingerprint is taken as changed every time.
    private static func pageKey(_ keys: [Int], _ page: Int) -> Int {
        page < keys.count ? keys[page] : Int.random(in: .min ... .max)
    }
}

/// What one index build keeps for the next (the preview server holds it between rebuilds): each
/// document's term counts, every term's postings, and the files as made.
public struct SearchIndexState: @unchecked Sendable {
    var scoring: SearchScoring
    var layout: SearchIndexLayout.Kept
    /// Each ordinary page's documents, made again only for a page whose fingerprint changed.
    var pages: [Int: SearchCorpusBuilder.PageEntries]
    /// Documents tokenised by the build that made this state (all of them, when it was not an update).
    public var documentsCounted: Int { scoring.changes?.documents.count ?? scoring.documentCount }
}
