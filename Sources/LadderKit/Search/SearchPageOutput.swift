/// Writes the search index under `search/` and the `/search/` page that loads it.
struct SearchPageOutput {
    static let url = "/search/"

    let index: SearchIndex
    let pages: PageWriter

    /// Returns how many files were written.
    func write(to sink: OutputSink) throws -> Int {
        for (name, content) in index.files.sorted(by: { $0.key < $1.key }) {
            try sink.write("search/" + name, content)
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
        return index.files.count + 1
    }
}
