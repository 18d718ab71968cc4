import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// Everything `LinkResolver.resolve` looks at besides the link and its own page: the base path, every
/// page's content path, URL and anchors, every static file and every generated URL. While this
/// fingerprint is unchanged, every link of an unchanged page resolves as it did, and need not be tried.
enum LinkWorld {
    static func fingerprint(model: SiteModel, basePath: String, knownURLs: Set<String>) -> Int {
        var h = Hasher()
        h.combine(basePath)
        h.combine(unordered(knownURLs))
        h.combine(unordered(model.staticFiles.map(\.contentPath)))
        var levelURL: [Int: String] = [:]
        for level in model.levels where level.origin == .file { levelURL[level.pageIndex] = level.url }
        for (index, page) in model.pages.enumerated() {
            h.combine(page.source.contentPath)
            h.combine(levelURL[index] ?? page.url)
            h.combine(unordered(model.anchors[index]))
        }
        return h.finalize()
    }

    /// Sets iterate in no fixed order: combine their elements' hashes by addition.
    static func unordered<S: Sequence>(_ items: S) -> Int where S.Element: Hashable {
        var sum = 0, count = 0
        for item in items { sum &+= item.hashValue; count += 1 }
        return sum &+ count
    }
}
