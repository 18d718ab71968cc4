/// Writes the search index under `search/` and the `/search/` page that loads it.
struct SearchPageOutput {
    static let url = "/search/"

    let pages: PageWriter

    /// Returns how many files were written.
    func write(to sink: OutputSink) throws -> Int {
        let index = try SearchIndexBuilder.write(model: pages.model, documents: pages.documents, href: pages.href) {
            try sink.write("search/" + $0, $1)
        }
        let context = pages.context(
            page: ["title": "Search", "url": pages.href(Self.url)], current: Self.url,
            extra: ["search": [
                "url": pages.href(Self.url),
                "index_url": pages.href(Self.url + index.metaName),
                "script_url": pages.href("/assets/search.js"),
                // Fetched with the page rather than after the script: one round trip less to the first result.
                "core_url": pages.href("/assets/search-core.js"),
            ] as [String: Any]],
            breadcrumbs: [("Search", nil)])
        try sink.write(SiteURLs.filePath(for: Self.url), pages.templates.render(layout: "search", context: context))
        return index.fileNames.count + 1
    }
}
