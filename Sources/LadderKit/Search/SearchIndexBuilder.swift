/// Builds the search index of a rendered site: documents → scores → files.
public enum SearchIndexBuilder {
    /// `href` adds the site's base path to a root-relative URL (the link resolver's `href`).
    public static func build(model: SiteModel, documents: [RenderedDocument],
                             href: @escaping (String) -> String) -> SearchIndex {
        let corpus = SearchCorpusBuilder(model: model, documents: documents, href: href).build()
        return SearchIndexLayout().build(corpus, SearchScoring(corpus: corpus))
    }
}
