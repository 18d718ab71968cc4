import Foundation

/// A set of output pages that read the same inputs: the unit an incremental build reuses or redoes.
///
/// Groups are named by index (page, track, level position, view number). An index may name another
/// group in the next build (a file was added before it); that is only a cache miss, because the
/// fingerprint of what the group reads differs.
enum OutputGroup: Hashable {
    /// An ordinary page, article, home page or `levels:` page, from one source file.
    case page(Int)
    /// The generated home page, when there is no `index.md`.
    case generatedHome
    /// A track's overview.
    case track(Int)
    /// One level page.
    case level(track: Int, position: Int)
    /// One page of a track's views: the `number`th job of `viewOutputs` (competency page, matrix,
    /// comparison, compare index; see `PageWriter.viewReads`).
    case view(track: Int, number: Int)
    /// The tag pages.
    case tags
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
    /// Per track, per level position: the level (sections included) and its page's fingerprint.
    let levels: [[Int]]
    /// Per track: the level positions each view page reads.
    let viewReads: [[[Int]]]
    let trackIDs: [String]

    init(model: SiteModel, theme: Theme, urls: SiteURLs, pages: [Int]) {
        self.pages = pages
        levels = model.tracks.map { track in
            track.levels.map { level in
                var h = Hasher()
                h.combine(level); h.combine(pages[level.pageIndex])
                return h.finalize()
            }
        }
        viewReads = model.tracks.map(PageWriter.viewReads)
        trackIDs = model.tracks.map(\.id)
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
            // "All levels" shows on every level page; its page's own fingerprint covers its text.
            h.combine(track.shared)
            if let shared = track.shared { h.combine(pages[shared.pageIndex]) }
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

    func fingerprint(_ group: OutputGroup) -> Int {
        var h = Hasher()
        h.combine(site)
        h.combine(group)
        switch group {
        case .page(let index):
            h.combine(pages[index])
        case .generatedHome, .tags:
            break
        case .track(let track):
            h.combine(trackIDs[track])
        case .level(let track, let position):
            h.combine(trackIDs[track]); h.combine(levels[track][position])
        case .view(let track, let number):
            h.combine(trackIDs[track])
            for position in viewReads[track][number] { h.combine(levels[track][position]) }
        }
        return h.finalize()
    }

    /// What the search index reads: every page, every level (sections included) and the site.
    var everything: Int {
        var h = Hasher()
        h.combine(site); h.combine(pages); h.combine(levels)
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
