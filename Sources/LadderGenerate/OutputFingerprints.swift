import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

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
    /// One level page, which reads the level and the previous one ("What changes from").
    case level(track: Int, position: Int)
    /// One level's assess page, which reads the level and the next one.
    case assess(track: Int, position: Int)
    /// One page of a track's views: the `number`th job of `viewOutputs` (competency page, matrix,
    /// comparison, compare index; see `PageWriter.viewReads`).
    case view(track: Int, number: Int)
    /// The tag pages.
    case tags
    /// `/changes/`, the ladder's history (`history:` in site.yml).
    case changes

    /// The track whose level, assess or view pages the group writes (groups come track by track).
    var track: Int? {
        switch self {
        case .track(let track), .level(let track, _), .assess(let track, _), .view(let track, _): track
        case .page, .generatedHome, .tags, .changes: nil
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
    /// Per track, per level position: the level (sections included) and its page's fingerprint.
    let levels: [[Int]]
    /// Per track: the level positions each view page reads.
    let viewReads: [[[Int]]]
    let trackIDs: [String]
    /// Names the page writer's shared context; equal keys mean an equal context.
    let sharedContextKey: Int
    /// What `/changes/` shows (0 without history).
    let history: Int

    /// Per track, per level position: for each competency id, the level's section and its rendered
    /// blocks, which is all a competency page shows of the level.
    let sections: [[[String: Int]]]
    let competencyIDs: [[String]]

    /// `documents`: the rendered pages, by page index. `memo` keeps the section fingerprints of levels
    /// that did not change, so only edited levels are hashed again.
    init(model: SiteModel, theme: Theme, urls: SiteURLs, pages: [Int], documents: [RenderedDocument], memo: BuildMemo,
         history: LadderHistory? = nil) {
        self.pages = pages
        self.history = history?.fingerprint ?? 0
        let levels = model.tracks.map { track in
            track.levels.map { level in
                var h = Hasher()
                h.combine(level); h.combine(pages[level.pageIndex])
                return h.finalize()
            }
        }
        self.levels = levels
        let known = memo.sectionFingerprints
        var kept: [Int: [String: Int]] = [:]
        sections = model.tracks.indices.map { t in
            model.tracks[t].levels.indices.map { p in
                let level = model.tracks[t].levels[p]
                let value = known[levels[t][p]] ?? Self.sections(of: level, in: documents[level.pageIndex])
                kept[levels[t][p]] = value
                return value
            }
        }
        memo.sectionFingerprints = kept
        competencyIDs = model.tracks.map { $0.competencies.map(\.id) }
        viewReads = model.config.views ? model.tracks.map(PageWriter.viewReads) : model.tracks.map { _ in [] }
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
                h.combine(nav); h.combine(page.title); h.combine(page.navTitle); h.combine(page.url); h.combine(page.weight)
            }
            if !page.tags.isEmpty {
                h.combine(page.tags); h.combine(page.title); h.combine(page.url); h.combine(page.date)
            }
        }
        for alias in urls.aliases { h.combine(alias.from); h.combine(alias.to) }
        // Criterion ids' aliases are read by the assess pages and ladder.json.
        h.combine(history?.aliasFingerprint ?? 0)
        site = h.finalize()
        // The page writer's shared context (site and track dictionaries, navigation) reads what the
        // site fingerprint holds, plus which page indices are in each navigation group.
        var shared = Hasher()
        shared.combine(site)
        for (index, page) in model.pages.enumerated() where page.nav != nil { shared.combine(index); shared.combine(page.nav) }
        for track in model.tracks { shared.combine(track.introPageIndex) }
        sharedContextKey = shared.finalize()
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
        case .changes:
            h.combine(history)
        case .track(let track):
            h.combine(trackIDs[track])
        case .level(let track, let position):
            h.combine(trackIDs[track]); h.combine(levels[track][position])
            // "What changes from" the previous level reads that level's sections too.
            if position > 0 { h.combine(levels[track][position - 1]) }
        case .assess(let track, let position):
            h.combine(trackIDs[track]); h.combine(levels[track][position])
            if position + 1 < levels[track].count { h.combine(levels[track][position + 1]) }
        case .view(let track, let number):
            h.combine(trackIDs[track])
            if number < competencyIDs[track].count {
                // A competency page: only that competency's section of each level.
                let id = competencyIDs[track][number]
                for position in viewReads[track][number] { h.combine(sections[track][position][id] ?? 0) }
            } else {
                for position in viewReads[track][number] { h.combine(levels[track][position]) }
            }
        }
        return h.finalize()
    }

    /// What the search index reads: every page, every level (sections included) and the site.
    var everything: Int {
        var h = Hasher()
        h.combine(site); h.combine(pages); h.combine(levels)
        return h.finalize()
    }

    /// For each competency id, the first section of the level with that competency (the one the
    /// competency page shows) and the rendered blocks in its range.
    static func sections(of level: Level, in document: RenderedDocument) -> [String: Int] {
        var out: [String: Int] = [:]
        for section in level.sections where out[section.competencyID] == nil {
            var h = Hasher()
            h.combine(section)
            for block in document.blocks where section.blocks.contains(block.index) { h.combine(block) }
            out[section.competencyID] = h.finalize()
        }
        return out
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
