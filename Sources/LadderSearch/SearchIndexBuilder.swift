import LadderCore
import LadderModel
import LadderMarkdown

/// Builds the search index of a rendered site (documents → scores → files) and writes it.
public enum SearchIndexBuilder {
    /// `href` adds the site's base path to a root-relative URL (the link resolver's `href`); each file
    /// is handed to `write(name, content)` as soon as it is made.
    public static func write(model: SiteModel, documents: [RenderedDocument], href: @escaping (String) -> String,
                             to write: @escaping (String, String) throws -> Void) throws -> SearchIndex {
        let corpus = SearchCorpusBuilder(model: model, documents: documents, href: href).build()
        let scoring = SearchScoring(corpus: corpus)
        return try SearchIndexLayout().write(corpus, scoring, to: write)
    }
}
