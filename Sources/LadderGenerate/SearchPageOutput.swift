import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// Writes the search index under `search/` and the `/search/` page that loads it.
struct SearchPageOutput {
    static let url = SiteURLs.search

    let pages: PageWriter
    /// With the preview server's memo and a fingerprint of everything the index reads, an unchanged index
    /// is not built again: the last build's files are written as they were. A changed one is updated from
    /// the last (`SearchIndexBuilder.update`), each page known by its fingerprint (`pageKeys`).
    var memo: BuildMemo? = nil
    var key: Int? = nil
    var pageKeys: [Int] = []

    /// Returns how many files were written.
    func write(to sink: OutputSink) throws -> Int {
        let index: SearchIndex
        if let memo, let key {
            let made = memo.cached("search", key: key) { () -> Result<(SearchIndex, [(String, String)]), Error> in
                // Files are handed out from every core: collected under a lock.
                let collected = Collected()
                return Result {
                    let (index, state) = try SearchIndexBuilder.update(
                        memo.takeSearchState(), model: pages.model, documents: pages.documents, pageKeys: pageKeys,
                        href: pages.href) { collected.add($0, $1) }
                    memo.keep(searchState: state)
                    return (index, collected.files)
                }
            }
            let (kept, files) = try made.get()
            for (name, content) in files { try sink.write("search/" + name, content) }
            index = kept
        } else {
            // A plain build streams each file out as soon as it is made.
            index = try SearchIndexBuilder.write(model: pages.model, documents: pages.documents, href: pages.href) {
                try sink.write("search/" + $0, $1)
            }
        }
        let search = SearchContext(url: pages.href(Self.url), indexURL: pages.href(Self.url + index.metaName),
                                   scriptURL: pages.href("/assets/search.js"), coreURL: pages.href("/assets/search-core.js"))
        var context = pages.context(page: PageContext(title: pages.strings.text("title.search"), url: pages.href(Self.url), permalink: pages.absolute(Self.url)),
                                    current: Self.url, view: .search(search), breadcrumbs: [(pages.strings.text("crumb.search"), nil)])
        context.translations = pages.languages?.context(for: Self.url)
        try sink.write(SiteURLs.filePath(for: Self.url), pages.templates.render(layout: "search", context: context))
        return index.fileNames.count + 1
    }
}

/// Files handed out from several threads, kept as they come.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [(String, String)] = []

    func add(_ name: String, _ content: String) { lock.withLock { list.append((name, content)) } }

    var files: [(String, String)] { lock.withLock { list } }
}
