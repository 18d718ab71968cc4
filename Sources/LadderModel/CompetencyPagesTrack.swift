import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderRecognise

/// A folder of competency pages — one page per skill, each with the same level sections (`### Junior
/// level`, `### Mid level`, `### Senior level`), the shape of a learning pathway — read as ONE track.
///
/// The track is a typed reading (`CompetencyPagesReading`) carried by the folder's index page, or by a page
/// made for the folder: its levels are assembled from the competency pages' own blocks
/// (`TrackAssembler.addCompetencyPagesLevels`). The competency pages stay plain pages, where their links are checked.
enum CompetencyPagesTrack {
    /// A page's run of level sections.
    struct Run {
        /// Heading depth of the level sections.
        var depth: Int
        /// Indices into the page's headings: the levels, and a shared "All levels" section if any.
        var levels: [Int]
        var shared: Int?
        /// What levels are compared by across pages: `junior`, `l2`.
        var key: [String]
    }

    struct Found {
        var pages: [(page: ScannedPage, run: Run)]
        /// The level headings as the first page writes them, and their ids when the text is no id.
        var labels: [String]
        var ids: [String]?
    }

    /// The pages holding the same run of levels (the largest such group, two pages at least).
    static func find(_ pages: [ScannedPage]) -> Found? {
        var groups: [[String]: [(page: ScannedPage, run: Run)]] = [:]
        for page in pages {
            // A page whose levels each hold the same sections is a ladder of its own, not one competency.
            if let run = run(in: page), !hasSectionsUnderEveryLevel(page, run) { groups[run.key, default: []].append((page, run)) }
        }
        guard let best = groups.values.max(by: { ($0.count, $1[0].page.source.contentPath) < ($1.count, $0[0].page.source.contentPath) }),
              best.count >= 2 else { return nil }
        let first = best[0]
        let texts = first.run.levels.map { first.page.headings[$0].text }
        let labels = texts.compactMap { LevelLabel($0) }
        // Bare ids and numbers (`L1`, `Level 1`) need a word about careers in the pages' own text; seniority
        // words in order (`Junior`, `Mid`, `Senior`) on two pages or more are that word.
        if labels.contains(where: { $0.needsContext && $0.family != "words" }) {
            let text = best.map { entry in
                let levelLines = Set(entry.run.levels.map { entry.page.headings[$0].line })
                return entry.page.lines().enumerated().filter { !levelLines.contains($0.offset) }.map { $0.element.lowercased() }
                    .joined(separator: " ")
            }.joined(separator: " ")
            if !LadderRecognition.mentionsCareers(text) { return nil }
        }
        let ordered = best.sorted { ($0.page.explicitOrder ?? Int.max, $0.page.source.contentPath) < ($1.page.explicitOrder ?? Int.max, $1.page.source.contentPath) }
        return Found(pages: ordered, labels: texts, ids: LadderRecognition.ids(for: texts, labels: labels))
    }

    /// Whether two section names at least recur under every level of the run (`### Knowledge`,
    /// `### Ownership` under each `## Level N`): the page then holds competencies of its own.
    static func hasSectionsUnderEveryLevel(_ page: ScannedPage, _ run: Run) -> Bool {
        let headings = page.headings
        let sets = run.levels.map { i -> Set<String> in
            var names: Set<String> = []
            var j = i + 1
            while j < headings.count, headings[j].depth > headings[i].depth {
                if headings[j].depth == headings[i].depth + 1 { names.insert(headings[j].text.lowercased()) }
                j += 1
            }
            return names
        }
        guard var common = sets.first else { return false }
        for set in sets.dropFirst() { common.formIntersection(set) }
        return common.count >= 2
    }

    /// The first run of at least three sibling headings naming levels of one ladder, in order.
    static func run(in page: ScannedPage) -> Run? {
        let headings = page.headings
        // A run is three level labels at least: most pages (an article, a how-to) have none, and are
        // done with after one label test per heading.
        let labels = headings.map { LevelLabel($0.text) }
        guard labels.lazy.filter({ $0 != nil }).count >= 3 else { return nil }
        for depth in Set(headings.map(\.depth)).sorted() {
            var stretch: [Int] = []
            var family: String?
            for i in Array(headings.indices) + [-1] {
                if i >= 0, headings[i].depth > depth { continue }
                let label = i >= 0 && headings[i].depth == depth ? labels[i] : nil
                if i >= 0, headings[i].depth == depth, TrackAssembler.isSharedHeading(headings[i].text) {
                    stretch.append(i)
                    continue
                }
                // A section named like a role before the levels ("Your role as developer") starts no run.
                if let label, family == nil || label.family == family {
                    stretch.append(i)
                    family = label.family
                    continue
                }
                let levels = stretch.filter { !TrackAssembler.isSharedHeading(headings[$0].text) }
                let labels = levels.compactMap { LevelLabel(headings[$0].text) }
                if levels.count >= 3, stretch.count - levels.count <= 1, LevelLabel.isRun(labels) {
                    let texts = levels.map { headings[$0].text }
                    let key = (LadderRecognition.ids(for: texts, labels: labels) ?? texts.map { LevelName.split($0).id })
                        .map { $0.lowercased() }
                    return Run(depth: depth, levels: levels, shared: stretch.first { !levels.contains($0) }, key: key)
                }
                (stretch, family) = label.map { ([i], $0.family) } ?? ([], nil)
            }
        }
        return nil
    }

    /// The track's page: the folder's index page (if any) as its introduction, or a page made for the folder
    /// named after it, carrying where each competency page holds each level's section.
    static func source(_ found: Found, intro: PageSource?, folder: String, display: String) -> PageSource {
        var source: PageSource
        if let intro {
            source = intro
        } else {
            let name = String(folder.split(separator: "/").last ?? "")
            var frontMatter = FrontMatter(location: SourceLocation(path: display, line: 1))
            let location = SourceLocation(path: display, line: 1)
            frontMatter.map.append(YAMLMap.Entry(key: "title", value: .string(Page.titleFromFileName(name)),
                                                 keyLocation: location, valueLocation: location))
            source = PageSource(displayPath: display, contentPath: folder + "/_index.md", frontMatter: frontMatter,
                                body: "", bodyLine: 1)
        }
        source.competencyPages = CompetencyPagesReading(labels: found.labels, pages: found.pages.map { page, run in
            CompetencyPagesReading.Page(
                contentPath: page.source.contentPath, name: competencyName(page, depth: run.depth), depth: run.depth,
                levelLines: run.levels.map { page.headings[$0].line + 1 }, sharedLine: run.shared.map { page.headings[$0].line + 1 })
        })
        source.levelIDs = found.ids
        return source
    }

    /// `title:`, else a first heading above the levels, else the file name.
    static func competencyName(_ page: ScannedPage, depth: Int) -> String {
        if let title = (try? page.source.frontMatter.string("title")) ?? nil { return title }
        if let first = page.headings.first, first.depth < depth {
            return first.text
        }
        return Page.titleFromFileName(page.source.contentPath)
    }
}
