import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// Every URL the site will have, so links can be checked and two sources cannot claim one URL.
package struct SiteURLs {
    /// The search page, which the build writes when `search` is on.
    package static let search = "/search/"
    /// The ladder's history, which the build writes with `history:` in site.yml.
    package static let changes = "/changes/"
    /// The ladder as data, and its JSON Schema.
    package static let ladderJSON = "/ladder.json"
    package static let ladderSchema = "/ladder.schema.json"
    /// Files the build writes that a file of content/ at the same path does not replace.
    package static let writtenByTheBuild: Set<String> = [ladderJSON, ladderSchema]

    package var allURLs: Set<String> = []
    package var tags: [(name: String, slug: String, pages: [Int])] = []
    package var aliases: [(from: String, to: String, location: SourceLocation)] = []
    package var conflicts: [Diagnostic] = []

    /// `assetPaths`: the theme's files under `assets/`, which the build copies to `/assets/`.
    package init(model: SiteModel, assetPaths: [String]) {
        allURLs.insert("/")
        // Pages by index throughout: a `Page` copied out per iteration retained and released every field.
        for i in model.pages.indices { allURLs.insert(model.pages[i].url) }
        for track in model.tracks {
            allURLs.insert(track.url)
            for level in track.levels {
                allURLs.insert(level.url)
                if model.config.assess { allURLs.insert(level.assessURL) }
            }
            if !track.levels.isEmpty { allURLs.insert(track.matrixCSV) }
            guard !track.levels.isEmpty, model.config.views else { continue }
            allURLs.insert(track.url + "matrix/")
            allURLs.insert(track.url + "compare/")
            for competency in track.competencies { allURLs.insert(track.url + "competencies/\(competency.id)/") }
            for (i, j) in track.comparePairs {
                allURLs.insert(track.compareURL(track.levels[i], track.levels[j]))
            }
        }
        allURLs.insert("/404.html")
        allURLs.insert("/sitemap.xml")
        allURLs.insert("/robots.txt")
        allURLs.insert(SiteURLs.ladderJSON)
        allURLs.insert(SiteURLs.ladderSchema)
        // A company's own `ladder.json` is the likeliest name for its data: its ladder is read and is in the
        // build's `/ladder.json`, which the file itself would overwrite.
        for file in model.staticFiles where SiteURLs.writtenByTheBuild.contains("/" + file.contentPath) {
            conflicts.append(.warning(.whole("content/" + file.contentPath),
                                      "/\(file.contentPath) is the ladder as data, which the build writes; this file is not copied there (rename it to publish it as it is)"))
        }
        // The index files under /search/ get their names from their content, known only after rendering;
        // nothing links to them but the search page.
        if model.config.search {
            if let page = model.pages.first(where: { $0.url == SiteURLs.search }) {
                conflicts.append(.error(page.source.frontMatter.location,
                                        "\(SiteURLs.search) is the search page; move this page or set 'search: false' in site.yml"))
            }
            allURLs.insert(SiteURLs.search)
        }
        if model.config.history != nil {
            if let page = model.pages.first(where: { $0.url == SiteURLs.changes }) {
                conflicts.append(.error(page.source.frontMatter.location,
                                        "\(SiteURLs.changes) is the ladder's history ('history:' in site.yml); move this page or remove 'history:'"))
            }
            allURLs.insert(SiteURLs.changes)
        }
        for path in assetPaths { allURLs.insert("/" + path) }

        var tagPages: [String: (name: String, pages: [Int])] = [:]
        for index in model.pages.indices {
            for tag in model.pages[index].tags {
                let slug = Slug.make(tag)
                tagPages[slug, default: (tag, [])].pages.append(index)
            }
        }
        tags = tagPages.keys.sorted().map { (tagPages[$0]!.name, $0, tagPages[$0]!.pages) }
        if !tags.isEmpty { allURLs.insert("/tags/") }
        for tag in tags { allURLs.insert("/tags/\(tag.slug)/") }

        for index in model.pages.indices where !model.pages[index].aliases.isEmpty {
            let page = model.pages[index]
            for alias in page.aliases {
                var from = alias.hasPrefix("/") ? alias : "/" + alias
                if !from.hasSuffix("/") && !from.hasSuffix(".html") { from += "/" }
                let location = page.source.frontMatter.keyLocation(page.source.frontMatter["aliases"] != nil ? "aliases" : "redirect_from")
                if allURLs.contains(from) {
                    conflicts.append(.error(location, "alias \(from) is already the URL of a page"))
                } else if from.contains("..") {
                    conflicts.append(.error(location, "alias \(from) leaves the site"))
                } else {
                    aliases.append((from, page.url, location))
                    allURLs.insert(from)
                }
            }
        }
    }

    /// The path part of `base_url`, with a trailing slash: `https://x.io/careers` → `/careers/`.
    package static func basePath(of baseURL: String) -> String {
        var path = baseURL
        if let scheme = path.range(of: "://") {
            let rest = path[scheme.upperBound...]
            path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// Output file for a URL: `/engineering/l3/` → `engineering/l3/index.html`.
    package static func filePath(for url: String) -> String {
        let trimmed = url.hasPrefix("/") ? String(url.dropFirst()) : url
        if trimmed.isEmpty { return "index.html" }
        return trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}

package extension Track {
    /// Pairs of level positions that get a comparison page: every pair for a real ladder, only
    /// neighbours for a track so long (over 15 levels) that every pair would mean thousands of pages.
    var comparePairs: [(Int, Int)] {
        let n = levels.count
        if n <= 15 { return (0..<n).flatMap { i in ((i + 1)..<n).map { (i, $0) } } }
        return (0..<max(0, n - 1)).map { ($0, $0 + 1) }
    }

    /// `/engineering/matrix.csv`: one row per criterion.
    var matrixCSV: String { url + "matrix.csv" }

    func compareURL(_ a: Level, _ b: Level) -> String {
        "\(url)compare/\(a.slug)-vs-\(b.slug)/"
    }
}

package extension Level {
    /// `/engineering/l3/assess/`: the level's self-assessment page.
    var assessURL: String { url + "assess/" }
}
