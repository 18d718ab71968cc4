import Foundation

/// A set of output pages that read the same inputs: the unit an incremental build reuses or redoes.
enum OutputGroup {
    /// An ordinary page, article, home page or `levels:` page, from one source file.
    case page(index: Int)
    /// The generated home page, when there is no `index.md`.
    case generatedHome
    /// A track's overview.
    case track(Track)
    /// One level page.
    case level(Level, position: Int, track: Track)
    /// One page of a track's views (competency page, matrix, comparison, compare index): the `number`th
    /// job of `viewOutputs`, which reads the sections of the levels at `positions`.
    case view(Track, number: Int, positions: [Int])
    /// The tag pages.
    case tags

    /// Names the group across builds (page indices shift when files are added, URLs and paths do not).
    func key(in model: SiteModel) -> String {
        switch self {
        case .page(let index): return "page:" + model.pages[index].source.contentPath
        case .generatedHome: return "home"
        case .track(let track): return "track:" + track.id
        case .level(let level, _, _): return "level:" + level.url
        case .view(let track, let number, _): return "view:\(track.id):\(number)"
        case .tags: return "tags"
        }
    }
}

/// Fingerprints of exactly what each output group reads, cheap to compute from the model without
/// building any template context.
///
/// Everything every page reads — templates, site settings, the tracks with their levels' titles and
/// summaries (header, breadcrumbs, track lists, prev/next, equivalents), navigation groups, tags and
/// aliases — goes into one site-wide fingerprint: a change there redoes every page, which is correct and
/// rare. A change inside one page's body touches only that page's own fingerprint, so it redoes that page
/// (or level page) and the views that show its sections: the track's competency pages and matrix, and the
/// comparisons that involve the level.
struct OutputFingerprints {
    let site: Int
    /// Per page index: the source file's bytes, its rendered document and its URL.
    let pages: [Int]
    /// Per track id, per level position: the level (sections included) and its page's fingerprint.
    let levels: [String: [Int]]

    init(model: SiteModel, theme: Theme, urls: SiteURLs, pages: [Int]) {
        self.pages = pages
        var levels: [String: [Int]] = [:]
        for track in model.tracks {
            levels[track.id] = track.levels.map { level in
                var h = Hasher()
                h.combine(level); h.combine(pages[level.pageIndex])
                return h.finalize()
            }
        }
        self.levels = levels
        var h = Hasher()
        // Assets are written on every build and no template reads them, so only templates count here.
        for (path, text) in theme.files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            h.combine(path)
            h.combine(text)
        }
        h.combine(String(reflecting: model.config))
        for track in model.tracks {
            // What other pages show of a track: never its levels' sections (those are in the level and
            // view fingerprints), so editing a level's body leaves this fingerprint alone.
            h.combine(track.id); h.combine(track.title); h.combine(track.description); h.combine(track.url)
            h.combine(track.competencies)
            if let intro = track.introPageIndex { h.combine(pages[intro]) } else { h.combine(0) }
            h.combine(track.levels.count)
            for level in track.levels {
                h.combine(level.id); h.combine(level.slug); h.combine(level.title); h.combine(level.summary)
                h.combine(level.url); h.combine(level.equivalent); h.combine(level.order)
            }
        }
        for page in model.pages {
            h.combine(page.kind == .home)
            if let nav = page.nav {
                h.combine(nav); h.combine(page.title); h.combine(page.url); h.combine(page.weight)
            }
            if !page.tags.isEmpty {
                h.combine(page.tags); h.combine(page.title); h.combine(page.url); h.combine(page.date)
            }
        }
        for alias in urls.aliases { h.combine(alias.from); h.combine(alias.to) }
        site = h.finalize()
    }

    func fingerprint(_ group: OutputGroup, model: SiteModel) -> Int {
        var h = Hasher()
        h.combine(site)
        switch group {
        case .page(let index):
            h.combine(0); h.combine(pages[index])
        case .generatedHome:
            h.combine(1)
        case .track(let track):
            h.combine(2); h.combine(track.id)
        case .level(_, let position, let track):
            h.combine(3); h.combine(position); h.combine(track.id)
            h.combine(levels[track.id].flatMap { position < $0.count ? $0[position] : nil } ?? 0)
        case .view(let track, let number, let positions):
            h.combine(4); h.combine(track.id); h.combine(number)
            let fingerprints = levels[track.id] ?? []
            for position in positions { h.combine(position < fingerprints.count ? fingerprints[position] : 0) }
        case .tags:
            h.combine(5)
        }
        return h.finalize()
    }

    /// A page's own fingerprint: its file's bytes (front matter included), its rendered document, and
    /// where it is written.
    static func page(_ page: Page, contentHash: Int?, documentFingerprint: Int) -> Int {
        var h = Hasher()
        // Without a hash of the file (it could not be read twice the same way) the page is always redone.
        h.combine(contentHash ?? Int.random(in: .min ... .max))
        h.combine(documentFingerprint)
        h.combine(page.url)
        h.combine(page.source.displayPath)
        return h.finalize()
    }
}
