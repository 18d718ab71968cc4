import LadderCore
import LadderLoad
import LadderMarkdown

/// What kind of output a source page becomes.
public enum PageKind: String, Sendable {
    /// `index.md` at the root.
    case home
    /// An ordinary page or article.
    case page
    /// A file with `level:`: one level of a track.
    case level
    /// A page with `levels:` (or `topics:` given as data): several levels of a track in one file.
    case trackPage
}

/// One Markdown source page with its front matter interpreted (DESIGN §2). Pure value.
public struct Page: Sendable {
    public var source: PageSource
    public var outline: Outline
    public var kind: PageKind
    /// Root-relative URL path without the base path: `/engineering/l3/`.
    public var url: String
    public var title: String
    public var description: String
    public var summary: String
    /// Explicit `layout:`, or nil for the kind's default.
    public var layout: String?
    public var inSitemap: Bool
    public var showTOC: Bool
    public var nav: String?
    public var draft: Bool
    public var date: String?
    public var lastmod: String?
    public var authors: [String]
    public var tags: [String]
    public var aliases: [String]
    public var weight: Int?
    /// Front matter keys Ladder does not interpret, for templates as `page.params`.
    public var params: YAMLMap
    /// The page's title is its first `#` heading (it is not repeated in the body).
    public var titleFromHeading: Bool
    /// A track given as data (`topics:`): its body was written from the data, as `levels: headings`.
    public var isDataTrack: Bool

    public var isArticle: Bool { date != nil }
}

package extension Page {
    static let knownKeys: Set<String> = [
        "title", "description", "summary", "layout", "sitemap", "toc", "nav", "draft", "date", "lastmod",
        "authors", "tags", "aliases", "redirect_from", "track", "level", "order", "levels", "weight", "equivalent", "level_prefix",
    ]

    /// Interprets front matter; wrong types are errors at the key's line.
    init(source: PageSource, outline: Outline) throws(Diagnostic) {
        let fm = source.frontMatter
        self.source = source
        self.outline = outline
        isDataTrack = DataTrack.isDataTrack(fm)
        if isDataTrack {
            kind = .trackPage
        } else if try fm.string("level") != nil {
            kind = .level
        } else if try fm.string("levels") != nil {
            kind = .trackPage
        } else if source.contentPath == "index.md" || source.contentPath == "_index.md" {
            kind = .home
        } else {
            kind = .page
        }
        url = Page.url(forContentPath: source.contentPath)
        let firstHeading = outline.headings.first
        if let title = try fm.string("title") {
            self.title = title
            titleFromHeading = false
        } else if let h = firstHeading, h.depth == 1 {
            self.title = h.text
            titleFromHeading = true
        } else if let h = firstHeading {
            self.title = h.text
            titleFromHeading = false
        } else {
            self.title = Page.titleFromFileName(source.contentPath)
            titleFromHeading = false
        }
        summary = try fm.string("summary") ?? ""
        description = try fm.string("description") ?? summary
        layout = try fm.string("layout")
        inSitemap = try fm.bool("sitemap") ?? true
        showTOC = try fm.bool("toc") ?? true
        nav = try fm.string("nav")
        draft = try fm.bool("draft") ?? false
        date = try fm.date("date")
        lastmod = try fm.date("lastmod")
        authors = try fm.stringList("authors")
        tags = try fm.stringList("tags")
        aliases = try fm.stringList("aliases") + fm.stringList("redirect_from")
        weight = try fm.int("weight")
        var params = YAMLMap()
        for entry in fm.map.entries where !Page.knownKeys.contains(entry.key) { params.append(entry) }
        self.params = params
    }

    /// `index.md` → `/`, `hiring/index.md` → `/hiring/`, `hiring/levels.md` → `/hiring/levels/`.
    static func url(forContentPath path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        guard var last = parts.popLast() else { return "/" }
        for ext in ContentLoader.markdownExtensions where last.lowercased().hasSuffix(ext) {
            last = String(last.dropLast(ext.count))
            break
        }
        if last.lowercased().hasSuffix(".html") { last = String(last.dropLast(5)) }
        if last != "index" && last != "_index" { parts.append(last) }
        let segments = parts.map { $0.replacingOccurrences(of: " ", with: "-") }
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    static func titleFromFileName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        let words = stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
