import LadderCore
import LadderLoad
import LadderMarkdown
import LadderRecognise

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
    /// The page's label in navigation (`sidebarTitle`, else its title).
    public var navTitle: String
    public var draft: Bool
    public var date: String?
    public var lastmod: String?
    public var authors: [String]
    public var tags: [String]
    public var aliases: [String]
    public var weight: Int?
    /// Front matter keys Ladder does not interpret, for templates as `page.params`.
    public var params: YAMLMap
    /// The page's first `#` heading is its title (it gave the title, or says the same as `title:`), so
    /// it is not repeated in the body: one `h1` per page, and search does not list the page twice.
    public var titleFromHeading: Bool
    /// `edit: false`: no "Edit this page" link even when `site.yml` has `edit_url`.
    public var showEditLink: Bool
    /// A track given as data (`topics:`, a job family): its levels are read from the data, its body is
    /// the track's introduction.
    public var isDataTrack: Bool
    /// How much deeper the page's top-level headings are shown than written (a data track's introduction
    /// keeps its headings at `###` or deeper, below its levels').
    public var headingShift = 0
    /// A ladder Ladder found in a page that does not say `levels:` (its headings or bold list name levels).
    public var recognised: RecognisedLadder?
    /// The best reading recognition weighed and did not keep (or the runner-up of the one it kept), for
    /// `ladder check --explain`.
    public var recognitionNearMiss: String?
    /// Likely mistakes that still build: a near-miss of one of Ladder's own keys.
    public var warnings: [Diagnostic] = []

    public var isArticle: Bool { date != nil }
}

package extension Page {
    /// Keys Ladder interprets; everything else reaches templates as `page.params`.
    static let knownKeys: Set<String> = [
        "title", "description", "summary", "layout", "sitemap", "toc", "nav", "draft", "date", "lastmod",
        "authors", "tags", "aliases", "redirect_from", "track", "level", "order", "levels", "level_depth", "weight", "equivalent", "level_prefix",
        "path", "permalink", "nav_order", "sidebarTitle", "sidebarGroup", "topics", "edit",
    ]

    /// Keys other generators and ladder formats use (Monzo's frameworks, Jekyll, Hugo, Middleman): kept as
    /// params, never taken for a typo of one of Ladder's keys.
    static let otherGeneratorKeys: Set<String> = [
        "yaml", "homepage", "categories", "parent", "has_children", "has_toc", "nav_exclude", "objective",
        "author", "redirect_to", "id", "name", "slug", "type", "url", "menu", "keywords", "images", "image",
        "series", "draft", "publishdate", "expirydate", "linktitle", "toc_levels", "excerpt", "published",
        "isLegacy", "googleSheetId", "themes", "competencies", "jobFamilyId", "levelId", "blog_path", "status",
    ]

    /// Interprets front matter; wrong types are errors at the key's line.
    init(source: PageSource, outline: Outline) throws(Diagnostic) {
        var source = source
        // A JSON or YAML file is read for a ladder whole; as a page it has only its title (its other keys
        // are its data, not front matter).
        var dataReading: Recognition?
        if source.isDataCandidate {
            dataReading = LadderRecognition.read(source: source, outline: outline, title: nil)
            source.frontMatter = Self.dataFrontMatter(source.frontMatter)
        }
        let fm = source.frontMatter
        self.source = source
        self.outline = outline
        isDataTrack = DataTrack.isDataTrack(fm)
        if isDataTrack {
            kind = .trackPage
        } else if try fm.string("level") != nil || source.folderLadder?.role == .level {
            kind = .level
        } else if source.folderLadder?.role == .track {
            kind = .trackPage
        } else if case .string(let mode)? = fm["levels"], mode != "none" {
            kind = .trackPage
        } else if fm["level_depth"] != nil, fm["levels"] == nil || fm["levels"] == .null {
            // `level_depth: 3` alone: the page's `###` headings are its levels.
            kind = .trackPage
        } else if source.contentPath == "index.md" || source.contentPath == "_index.md"
                    || source.isFolderIndex && !source.contentPath.contains("/") {
            kind = .home
        } else {
            // `levels: 6` without topics (a Monzo framework written as prose) or `levels: 0`: a page.
            kind = .page
        }
        var found: RecognisedLadder?
        // A page of a ladder found in its folder is a level or a competency of that ladder, not one of its own.
        // A README standing in for its folder's index is read too: a repository's README often holds its ladder.
        let readmeIndex = kind == .home && source.isFolderIndex
        if let dataReading {
            found = dataReading.ladder
            recognitionNearMiss = dataReading.nearMiss
            if found != nil { kind = .trackPage }
        } else if kind == .page || readmeIndex, LadderRecognition.mayRecognise(fm), source.folderLadder == nil {
            let reading = LadderRecognition.read(source: source, outline: outline, title: try fm.string("title"))
            found = reading.ladder
            recognitionNearMiss = reading.nearMiss
            if found != nil {
                kind = .trackPage
                // A ladder is a track of its own, not the folder's index.
                self.source.isFolderIndex = false
            }
        }
        // `levels: table` forces the table reading, whatever its score.
        if case .string("table")? = fm["levels"] {
            found = LadderRecognition.forcedTable(outline: outline, title: try fm.string("title"))
        }
        recognised = found
        if found?.promotesBoldParagraphs == true { self.outline = outline.promotingBoldParagraphs() }
        if let ids = found?.levelIDs { self.source.levelIDs = ids }
        url = try Page.explicitURL(fm) ?? Page.url(forContentPath: self.source.isFolderIndex
            ? FolderRecognition.folder(of: source.contentPath) + "/index.md" : source.contentPath)
        // A first heading that is a level (`# QA Engineer I`) is not the page's title.
        // Nor is a track's heading on a page of several tracks (`# Engineering` over `## L1` …).
        let trackHeadings = Set(found?.tracks.map(\.headingBlock) ?? [])
        let firstHeading = self.outline.headings.first.flatMap {
            found?.headingBlocks.contains($0.blockIndex) == true || trackHeadings.contains($0.blockIndex) ? nil : $0
        }
        if let title = try JobFamily.isJobFamily(fm) ? JobFamily.title(fm) : fm.string("title") {
            self.title = title
            titleFromHeading = firstHeading.map { $0.depth == 1 && $0.blockIndex == 0 && Page.sameTitle($0.text, title) } ?? false
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
        showEditLink = try fm.bool("edit") ?? true
        let sidebarGroup = try fm.string("sidebarGroup")
        nav = try fm.string("nav") ?? sidebarGroup
        let sidebarTitle = try fm.string("sidebarTitle")
        navTitle = sidebarTitle ?? title
        draft = try fm.bool("draft") ?? false
        date = try fm.date("date")
        lastmod = try fm.date("lastmod")
        authors = try fm.stringList("authors")
        tags = try fm.stringList("tags")
        aliases = try fm.stringList("aliases") + fm.stringList("redirect_from")
        // Hugo's `weight` and just-the-docs' `nav_order` order pages as `order` does.
        let navOrder = try fm.int("nav_order")
        let order = kind == .level ? nil : (try? fm.int("order")) ?? nil
        weight = try fm.int("weight") ?? navOrder ?? order
        var params = YAMLMap()
        for entry in fm.map.entries where !Page.knownKeys.contains(entry.key) {
            params.append(entry)
            if Page.otherGeneratorKeys.contains(entry.key) { continue }
            if let near = Spelling.nearMiss(of: entry.key, in: Page.knownKeys.sorted()) {
                warnings.append(.warning(entry.keyLocation, "unknown key '\(entry.key)' (did you mean '\(near)'?)"))
            }
        }
        self.params = params
        // An empty file is published (links to it keep working) but said out loud and kept out of the sitemap.
        if fm.map.isEmpty, source.pasted == nil, !source.isDataCandidate, source.body.utf8.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 9 || $0 == 13 }) {
            inSitemap = false
            warnings.append(.warning(.whole(source.displayPath), "the file is empty: it is published as a blank page and left out of the sitemap"))
        }
    }

    /// A data file's title as front matter: its `title` or `name`, when it is text.
    static func dataFrontMatter(_ data: FrontMatter) -> FrontMatter {
        var fm = FrontMatter(location: data.location)
        for key in ["title", "name"] {
            guard let entry = data.map.entry(key), case .string = entry.value else { continue }
            fm.map.append(YAMLMap.Entry(key: "title", value: entry.value, keyLocation: entry.keyLocation, valueLocation: entry.valueLocation))
            break
        }
        return fm
    }

    /// `path:` (Monzo's frameworks) or `permalink:` (Jekyll) as a site URL: `/engineering/backend` →
    /// `/engineering/backend/`. A URL that ends in a file name (`/careers.html`) keeps it.
    static func explicitURL(_ fm: FrontMatter) throws(Diagnostic) -> String? {
        for key in ["path", "permalink"] {
            guard var url = try fm.string(key)?.trimmingCharacters(in: " "), !url.isEmpty else { continue }
            if url.contains("://") || url.contains("..") || url.contains(":") && !url.hasPrefix("/") {
                throw .error(fm.keyLocation(key), "'\(key)' must be a path inside the site, such as /engineering/backend/")
            }
            if !url.hasPrefix("/") { url = "/" + url }
            let last = url.split(separator: "/").last ?? ""
            if !url.hasSuffix("/") && !last.contains(".") { url += "/" }
            return url.replacingOccurrences(of: " ", with: "-")
        }
        return nil
    }

    /// `index.md` → `/`, `hiring/index.md` → `/hiring/`, `hiring/levels.md` → `/hiring/levels/`.
    static func url(forContentPath path: String) -> String {
        asciiURL(forContentPath: path) ?? generalURL(forContentPath: path)
    }

    private static let dataExtensions = [".yml", ".yaml", ".json", ".csv", ".tsv", ".js", ".mjs", ".cjs", ".ts"]

    /// `url(forContentPath:)` over bytes for an ASCII path (nearly every path): the same steps without a
    /// lowercased copy per extension tried and Foundation's replacing, which were 1 % of a 10,000-page
    /// build. Nil for a path with other characters.
    static func asciiURL(forContentPath path: String) -> String? {
        var path = path
        return path.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            // Segments between slashes, empty ones left out, as `split` does.
            var segments = bytes.split(separator: UInt8(ascii: "/"))
            guard var last = segments.popLast() else { return "/" }
            func endsWith(_ suffix: String) -> Bool {
                let suffix = suffix.utf8
                guard last.count >= suffix.count else { return false }
                return zip(last.suffix(suffix.count), suffix).allSatisfy { a, b in
                    (a >= 0x41 && a <= 0x5A ? a + 0x20 : a) == b
                }
            }
            for ext in ContentLoader.markdownExtensions where endsWith(ext) {
                last = last.dropLast(ext.utf8.count)
                break
            }
            for ext in dataExtensions where endsWith(ext) { last = last.dropLast(ext.utf8.count) }
            if endsWith(".html") { last = last.dropLast(5) }
            if !last.elementsEqual("index".utf8) && !last.elementsEqual("_index".utf8) { segments.append(last) }
            guard !segments.isEmpty else { return "/" }
            var out: [UInt8] = [UInt8(ascii: "/")]
            for segment in segments {
                out += segment.lazy.map { $0 == UInt8(ascii: " ") ? UInt8(ascii: "-") : $0 }
                out.append(UInt8(ascii: "/"))
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func generalURL(forContentPath path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        guard var last = parts.popLast() else { return "/" }
        for ext in ContentLoader.markdownExtensions where last.lowercased().hasSuffix(ext) {
            last = String(last.dropLast(ext.count))
            break
        }
        for ext in dataExtensions where last.lowercased().hasSuffix(ext) { last = String(last.dropLast(ext.count)) }
        if last.lowercased().hasSuffix(".html") { last = String(last.dropLast(5)) }
        if last != "index" && last != "_index" { parts.append(last) }
        let segments = parts.map { $0.replacingOccurrences(of: " ", with: "-") }
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    /// `# How we promote` under `title: How We Promote`: the same words, whatever their case and spacing.
    static func sameTitle(_ heading: String, _ title: String) -> Bool {
        func words(_ text: String) -> [Substring] { text.lowercased().split(whereSeparator: { $0.isWhitespace }) }
        return words(heading) == words(title)
    }

    static func titleFromFileName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        let words = stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
